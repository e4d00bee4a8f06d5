import type { Result } from "../src/io/errors.js";
import type { Problem } from "../src/model/problem.js";
import { COMMITTED_YEARS } from "../fixtures/years.js";

/** Years the bench generates in memory from their seeded specs (not committed folders). */
export const GENERATED_YEARS: readonly string[] = ["national-276", "national-560"];

/**
 * The benchmark years in the order the table shows them: the committed years (`npm run
 * generate`'s list: the scarce years first, then the planted ones, then the roomy years kept for
 * comparison) without `tiny`, `mixed-qar` beside `mixed`, and the generated time targets.
 */
export const FIXTURES: readonly string[] = [
  ...COMMITTED_YEARS.filter((name) => name !== "tiny").flatMap((name) => (name === "mixed" ? ["mixed", "mixed-qar"] : [name])),
  // The time targets of a national year (276 reviews) and a large one (560), generated in memory.
  ...GENERATED_YEARS,
];

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
  if (name === "national-x10" || GENERATED_YEARS.includes(name)) {
    const { generateYear } = await import("../fixtures/generator.js");
    const { YEAR_SPECS } = await import("../fixtures/years.js");
    const spec = YEAR_SPECS[name];
    if (!spec) throw new Error(`fixtures/years.ts has no ${name} spec`);
    return { ok: true, value: generateYear(spec).problem, warnings: [] };
  }
  return read(new URL(`../fixtures/years/${name}`, import.meta.url).pathname);
}
