import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GROUP_GOALS } from "../../src/groups/goals.js";
import { DEFAULT_GROUP_POLICY } from "../../src/groups/policy.js";
import { GROUP_RULES } from "../../src/groups/rules/index.js";
import { COHORT_FILES, GROUPS_FILE, UNPLACED_COLUMNS, VISITS_COLUMNS } from "../../src/io/groups/cohort-files.js";

const doc = readFileSync(new URL("../../docs/groups.md", import.meta.url), "utf8");

describe("docs/groups.md matches the code", () => {
  it("lists every group rule with its summary", () => {
    for (const rule of GROUP_RULES) expect(doc).toContain(`| \`${rule.id}\` | ${rule.summary} |`);
  });

  it("lists every goal in priority order", () => {
    const at = GROUP_GOALS.map((goal) => doc.indexOf(`\`${goal.id}\`:`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it("documents every policy key with its default", () => {
    for (const [key, value] of Object.entries(DEFAULT_GROUP_POLICY)) expect(doc).toContain(`| \`${key}\` | \`${value}\` |`);
  });

  it("spells the files' columns as the code reads and writes them", () => {
    expect(doc).toContain(`\`${COHORT_FILES.facilitators.required.join(",")}\``);
    expect(doc).toContain(`\`${COHORT_FILES.cohort.required.join(",")}\``);
    expect(doc).toContain(`\`${COHORT_FILES.history.required.join(",")}\``);
    expect(doc).toContain(`\`${GROUPS_FILE.columns.join(",")}\``);
    expect(doc).toContain(`\`${UNPLACED_COLUMNS.join(",")}\``);
    expect(doc).toContain(`\`${VISITS_COLUMNS.join(",")}\``);
  });
});
