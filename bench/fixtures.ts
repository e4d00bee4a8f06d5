import type { Result } from "../src/io/errors.js";
import type { Problem } from "../src/model/problem.js";
import { COMMITTED_YEARS } from "../fixtures/years.js";

/**
 * The benchmark years in the order the table shows them: the committed years (`npm run
 * generate`'s list: the scarce years first, then the planted ones, then the roomy years kept for
 * comparison) without `tiny`, and `mixed-qar` beside `mixed`.
 */
export const FIXTURES: readonly string[] = COMMITTED_YEARS.filter((name) => name !== "tiny").flatMap((name) => (name === "mixed" ? ["mixed", "mixed-qar"] : [name]));

/**
 * Loads a fixture by name: a committed year folder; `national-x10`, generated in memory
 * (ten times 2023-24; too large to commit) from its seeded spec; or `mixed-qar`, the `mixed`
 * year's QARs alone (its TPRs and MLQARs left out), to show the QARs are allocated no worse
 * beside the other kinds.
 */
export async function loadFixture(name: string, read: (folder: string) => Result<Problem>): Promise<Result<Problem>> {
  if (name === "mixed-qar") {
    const mixed = read(new URL("../fixtures/years/mixed", import.meta.url).pathname);
    return mixed.ok ? { ...mixed, value: { ...mixed.value, reviews: mixed.value.reviews.filter((r) => (r.kind ?? "qar") === "qar") } } : mixed;
  }
  if (name === "national-x10") {
    const { generateYear } = await import("../fixtures/generator.js");
    const { YEAR_SPECS } = await import("../fixtures/years.js");
    const spec = YEAR_SPECS["national-x10"];
    if (!spec) throw new Error("fixtures/years.ts has no national-x10 spec");
    return { ok: true, value: generateYear(spec).problem, warnings: [] };
  }
  return read(new URL(`../fixtures/years/${name}`, import.meta.url).pathname);
}
