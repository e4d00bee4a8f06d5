import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../src/model/policy.js";
import { RULES } from "../src/rules/index.js";

const doc = (name: string) => readFileSync(new URL(`../docs/${name}`, import.meta.url), "utf8");

describe("documentation matches the code", () => {
  it("docs/rules.md lists every rule with its summary", () => {
    const text = doc("rules.md");
    for (const rule of RULES) expect(text).toContain(`| \`${rule.id}\` | ${rule.summary} |`);
  });

  it("docs/policy.md documents every policy key and every weight", () => {
    const text = doc("policy.md");
    for (const key of Object.keys(DEFAULT_POLICY)) expect(text).toContain(`\`${key}\``);
    for (const key of Object.keys(DEFAULT_POLICY.weights)) expect(text).toContain(`\`${key}\``);
    expect(text).toContain(`| \`minDistanceKm\` | \`${DEFAULT_POLICY.minDistanceKm}\``);
    expect(text).toContain(`| \`minAdvancedPerTeam\` | \`${DEFAULT_POLICY.minAdvancedPerTeam}\``);
  });
});
