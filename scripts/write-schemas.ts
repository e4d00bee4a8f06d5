/**
 * Writes the JSON Schemas of the problem, the policy and the result into schema/ (shipped in the
 * package; `npm run schemas`). test/schema.test.ts fails when they are out of date.
 */
import { writeFileSync } from "node:fs";
import { jsonSchemas } from "../src/model/json-schemas.js";

for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
}
console.log("schema/problem.schema.json, schema/policy.schema.json, schema/result.schema.json written");
