/**
 * Writes the JSON Schemas (the problem, the policy, the result, and the --json outputs of check,
 * explain and plan) into schema/ (shipped in the package; `npm run schemas`).
 * test/package/tarball.test.ts fails when they are out of date.
 */
import { writeFileSync } from "node:fs";
import { jsonSchemas } from "../src/model/json-schemas.js";

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log(`${Object.keys(jsonSchemas()).map((name) => `schema/${name}.schema.json`).join(", ")} written`);
