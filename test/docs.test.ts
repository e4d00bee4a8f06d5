import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../src/model/policy.js";
import { RULES } from "../src/rules/index.js";
import { ALLOCATION_COLUMNS } from "../src/io/write-outputs.js";
import { LETTER_COLUMNS, NOTICE_COLUMNS } from "../src/io/write-season.js";

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

  it("docs/formats.md spells the season's columns as the writers do, and the README links the season walk-through", () => {
    const text = doc("formats.md");
    for (const columns of [ALLOCATION_COLUMNS, NOTICE_COLUMNS, LETTER_COLUMNS]) expect(text).toContain(`\`${columns.join(",")}\``);
    expect(text).toContain("`review_id,person_id,response`");
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toContain("(docs/season.md)");
    expect(doc("season.md")).toContain("qar respond fixtures/years/tiny");
  });
});
