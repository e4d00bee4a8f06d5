import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { RULES } from "../../src/rules/index.js";

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

describe("rule test files", () => {
  it.each(RULES.map((rule) => rule.id))("%s has test/rules/<id>.test.ts titled with its id and asserting its id", (id) => {
    const file = here(`./${id}.test.ts`);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, "utf8");
    expect(text).toContain(`describe("${id}"`);
    expect(text).toContain(`rule: "${id}"`);
  });
});
