import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../src/model/policy.js";
import { RULES } from "../src/rules/index.js";
import { ALLOCATION_COLUMNS } from "../src/io/allocation-file.js";
import { LETTER_COLUMNS, NOTICE_COLUMNS } from "../src/io/write-season.js";
import { HUB_COLUMNS } from "../src/io/hub-files.js";
import { buildProgram } from "../src/cli/program.js";

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
    for (const columns of [ALLOCATION_COLUMNS, NOTICE_COLUMNS, LETTER_COLUMNS, HUB_COLUMNS]) expect(text).toContain(`\`${columns.join(",")}\``);
    expect(text).toContain("`review_id,person_id,response`");
    expect(readFileSync(new URL("../README.md", import.meta.url), "utf8")).toContain("(docs/season.md)");
    expect(doc("season.md")).toContain("qar respond fixtures/years/tiny");
  });

  it("the README's command list names every qar command, each with its options spelt as the program has them", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const block = /## The command line\n\n```sh\n([\s\S]*?)```/.exec(readme)?.[1] ?? "";
    const program = buildProgram({ out: () => {}, err: () => {} }, { code: 0 });
    for (const command of program.commands) {
      expect(block, command.name()).toMatch(new RegExp(`^qar ${command.name()}\\s`, "m"));
      const line = block.split("\n").find((l) => l.startsWith(`qar ${command.name()} `)) ?? "";
      for (const option of line.match(/--[a-z-]+/g) ?? []) expect(command.options.map((o) => o.long), `${command.name()} ${option}`).toContain(option);
    }
  });
});
