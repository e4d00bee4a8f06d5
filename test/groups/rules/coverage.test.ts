import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GROUP_RULES } from "../../../src/groups/rules/index.js";

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));

describe("group rule test files", () => {
  it.each(GROUP_RULES.map((rule) => rule.id))("%s has test/groups/rules/<id>.test.ts titled with its id and asserting its id", (id) => {
    const file = here(`./${id}.test.ts`);
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, "utf8");
    expect(text).toContain(`describe("${id}"`);
    expect(text).toContain(`rule: "${id}"`);
  });
});
