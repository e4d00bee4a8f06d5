import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateYear, smallMixedSpec } from "../../fixtures/generator.js";
import { serializeYear } from "../../src/io/write-year.js";
import { qar, scratch, STACK_LINE } from "./qar.js";

// The commands on a year with kinds of review: a small mixed year written to a folder.

const tmp = scratch("kinds");
afterAll(tmp.remove);
const year = join(tmp.dir, "year");
const problem = generateYear(smallMixedSpec(3, 12)).problem;
const files = serializeYear(problem);
mkdirSync(year, { recursive: true });
for (const [name, text] of Object.entries(files)) writeFileSync(join(year, name), text);

describe("qar on a year with TPRs and MLQARs", () => {
  it("qar solve <mixed year> --out <tmp> --seed 1 --quiet", async () => {
    const out = join(tmp.dir, "out");
    const { code, err } = await qar("solve", year, "--out", out, "--seed", "1", "--quiet");
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(existsSync(join(out, "trust-ledger.csv"))).toBe(true);
    expect(readFileSync(join(out, "allocation.csv"), "utf8").split("\n")[0]).toContain(",kind,host_trust_id");
    const checked = await qar("check", year, join(out, "allocation.csv"));
    expect(checked.out).toContain("valid: no rule is broken");
    expect(checked.code).toBe(0);
  });

  it("qar check <mixed year> <allocation with two reviewers of one trust on a TPR> exits 2 naming max-per-trust", async () => {
    const tpr = problem.reviews.find((r) => r.kind === "tpr")!;
    const schoolOf = new Map(problem.schools.map((s) => [s.id, s]));
    const byTrust = new Map<string, string[]>();
    for (const r of problem.reviewers) {
      const trust = schoolOf.get(r.schoolId)!.trust;
      if (trust && trust !== tpr.trustId && r.kinds?.includes("tpr")) byTrust.set(trust, [...(byTrust.get(trust) ?? []), r.id]);
    }
    const pair = [...byTrust.values()].find((ids) => ids.length >= 2)!;
    const allocation = join(tmp.dir, "two-of-one-trust.csv");
    writeFileSync(allocation, ["review_id,role,person_id", ...pair.slice(0, 2).map((id) => `${tpr.id},peer,${id}`), ""].join("\n"));
    const { code, out, err } = await qar("check", year, allocation);
    expect(err).not.toContain(STACK_LINE);
    expect(out).toContain("[max-per-trust]");
    expect(code).toBe(2);
  });

  it("qar solve <year whose reviews.csv names an unknown kind> --out <tmp> exits 1 naming the row and column", async () => {
    const bad = join(tmp.dir, "bad");
    mkdirSync(bad, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(bad, name), name === "reviews.csv" ? text.replace(",tpr,", ",tpx,") : text);
    const { code, err } = await qar("solve", bad, "--out", join(tmp.dir, "bad-out"));
    expect(err).toMatch(/reviews\.csv, row \d+, column "kind": "tpx" is not a kind of review/);
    expect(err).not.toContain(STACK_LINE);
    expect(existsSync(join(tmp.dir, "bad-out"))).toBe(false);
    expect(code).toBe(1);
  });
});
