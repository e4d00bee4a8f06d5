import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PLANTED, qar, scratch, STACK_LINE, YEAR } from "./qar.js";

const tmp = scratch("check");
afterAll(tmp.remove);

/**
 * Each planted allocation is `valid.csv` with one row changed by hand (see data/README.md):
 * (a) a reviewer from the host's hub, (b) a reviewer on dates outside their availability,
 * (c) a reviewer on two overlapping reviews, (d) a reviewer away while their own school hosts
 * its review, (e) a team with a peer but no advanced reviewer.
 */
const PLANTED_RULES = ["same-hub", "availability", "overlap", "home-review", "advanced-seat"] as const;

describe("qar check", () => {
  it("qar check <year> planted/valid.csv", async () => {
    const { code, out, err } = await qar("check", YEAR, join(PLANTED, "valid.csv"));
    expect(err).toBe("");
    expect(out).toContain("valid: no rule is broken");
    expect(code).toBe(0);
  });

  it("qar check <year> <allocation with a column qar does not read>: a warning on stderr, as for a year's files (none with --quiet or --json)", async () => {
    const annotated = join(tmp.dir, "notes.csv");
    const rows = readFileSync(join(PLANTED, "valid.csv"), "utf8").trimEnd().split("\n");
    writeFileSync(annotated, `${[`${rows[0]},coordinator_notes`, ...rows.slice(1).map((row) => `${row},ring first`)].join("\n")}\n`);
    const { code, out, err } = await qar("check", YEAR, annotated);
    expect(out).toContain("valid: no rule is broken");
    expect(code).toBe(0);
    expect(err).toMatch(/^warning: .*column "coordinator_notes" is not one .* uses and is ignored/m);
    expect((await qar("check", YEAR, annotated, "--quiet")).err).toBe("");
    expect((await qar("check", YEAR, annotated, "--json")).err).toBe("");
  });

  it.each(PLANTED_RULES)("qar check <year> planted/%s.csv", async (rule) => {
    const { code, out, err } = await qar("check", YEAR, join(PLANTED, `${rule}.csv`));
    expect(err).toBe("");
    expect(out).toContain(`[${rule}]`);
    // Exactly the planted violation: the other rows are the valid allocation's.
    expect(out.split("\n").filter((line) => line.startsWith("["))).toHaveLength(1);
    expect(out).toContain("1 violation");
    expect(code).toBe(2);
  });

  it.each(PLANTED_RULES)("qar check <year> planted/%s.csv --json", async (rule) => {
    const { code, out } = await qar("check", YEAR, join(PLANTED, `${rule}.csv`), "--json");
    const report = JSON.parse(out) as { valid: boolean; violations: { rule: string }[] };
    expect(report.valid).toBe(false);
    expect(report.violations.map((v) => v.rule)).toEqual([rule]);
    expect(code).toBe(2);
  });

  it("qar check <year> <allocation naming an unknown person> exits 2", async () => {
    const file = join(tmp.dir, "unknown-person.csv");
    writeFileSync(file, "review_id,role,person_id\nR1,lead,L1\nR1,peer,P99\n");
    const { code, out } = await qar("check", YEAR, file);
    expect(out).toContain("P99");
    expect(code).toBe(2);
  });

  it("qar check <year> <allocation with a bad role> exits 1 with file, row and column", async () => {
    const file = join(tmp.dir, "bad-role.csv");
    writeFileSync(file, "review_id,role,person_id\nR1,lead,L1\n\nR1,boss,P3\n");
    const { code, out, err } = await qar("check", YEAR, file);
    expect(err).toContain(`error: ${file}, row 4, column "role": "boss" is not a role`);
    expect(`${out}${err}`).not.toContain(STACK_LINE);
    expect(code).toBe(1);
  });

  it("qar check <year> <allocation without person_id> exits 1 naming the column", async () => {
    const file = join(tmp.dir, "no-person.csv");
    writeFileSync(file, "review_id,role,person\nR1,lead,L1\n");
    const { code, err } = await qar("check", YEAR, file);
    expect(err).toContain(`error: ${file}, row 1, column "person_id": the header has no column "person_id" (is "person" meant to be "person_id"?)`);
    expect(code).toBe(1);
  });

  it("qar check <year> <missing allocation> exits 1", async () => {
    const file = join(tmp.dir, "no-such-allocation.csv");
    const { code, out, err } = await qar("check", YEAR, file);
    expect(err).toContain(`error: ${file}: does not exist`);
    expect(`${out}${err}`).not.toContain(STACK_LINE);
    expect(code).toBe(1);
  });
});
