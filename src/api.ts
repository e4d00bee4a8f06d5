/**
 * The package's boundary: `solve`, `checkAllocation`, `explain`, `repair` and `closeYear` as
 * the public entry exports them check what they are given before working on it. An invalid
 * problem or allocation throws `InvalidInputError`, whose `errors` are the data
 * `validateProblem` returns (codes, paths, and the file, row and column of a year folder); a
 * valid one gets the result shape it always had. Inside the package the unchecked functions are
 * used, on years the CSV reader has checked already.
 */
import { checkAllocation as checkUnchecked, type CheckResult } from "./check.js";
import { explain as explainUnchecked, type ExplainOptions, type Explanation } from "./explain.js";
import { InvalidInputError, type InputError } from "./model/errors.js";
import type { Problem } from "./model/problem.js";
import type { Allocation, Assignment } from "./model/schema.js";
import { validateAllocation, validateProblem, type ProblemInputObject } from "./model/validate.js";
import type { Year } from "./model/year.js";
import { repair as repairUnchecked, type Change, type RepairOptions, type RepairOutcome } from "./repair.js";
import { solve as solveUnchecked, type SolveOptions, type SolveResult } from "./solver/index.js";
import { closeYear as closeUnchecked, type CloseYearOptions, type CloseYearOutcome } from "./years/close-year.js";

/** A problem as the API takes it: a checked `Problem`, or an object to be checked (defaults may be left out). */
export type ProblemLike = Problem | ProblemInputObject;

function problemOf(input: ProblemLike | Year | unknown): Problem {
  const checked = validateProblem(input);
  if (!checked.ok) throw new InvalidInputError(checked.errors);
  return checked.value;
}

function allocationOf(input: unknown): Allocation {
  const checked = validateAllocation(input);
  if (!checked.ok) throw new InvalidInputError(checked.errors);
  return checked.value;
}

const isYear = (value: unknown): value is Year => typeof value === "object" && value !== null && "reviewById" in value;

/**
 * Allocates Lead Reviewers and peer reviewers to every review of a year, after checking the
 * problem (throws `InvalidInputError` with every error when it is not valid).
 *
 * @example
 * const result = await solve(problem, { seed: 1 });
 * console.log(`${result.check.metrics.filled.total}/${result.check.metrics.seats.total} seats, gap ${result.gap}`);
 */
export function solve(problem: ProblemLike, options: SolveOptions = {}): Promise<SolveResult> {
  try {
    return solveUnchecked(problemOf(problem), options);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * The independent checker: every hard rule on an allocation, and its figures. The problem (unless
 * it is an indexed `Year`, such as `result.year`) and the allocation's shape are checked first.
 *
 * @example
 * const result = checkAllocation(problem, allocation);
 * if (!result.valid) for (const v of result.violations) console.log(`[${v.rule}] ${v.message}`);
 */
export function checkAllocation(problem: ProblemLike | Year, allocation: Allocation): CheckResult {
  return checkUnchecked(isYear(problem) ? problem : problemOf(problem), allocationOf(allocation));
}

/**
 * Why each empty seat of an allocation is empty, and what would fill it (see `checkAllocation`
 * for what is checked first).
 *
 * @example
 * const { seats } = explain(result.year, result.allocation);
 */
export function explain(problem: ProblemLike | Year, allocation: Allocation, options: ExplainOptions = {}): Explanation {
  return explainUnchecked(isYear(problem) ? problem : problemOf(problem), allocationOf(allocation), options);
}

/**
 * Re-plans an allocation after changes, keeping every assignment it can. The problem and the
 * allocation are checked first (`InvalidInputError`); a change that cannot be applied comes
 * back as `{ ok: false, issues }`, as before.
 *
 * @example
 * const outcome = await repair(problem, allocation, [{ change: "withdraw", id: "P0193" }], { seed: 1 });
 */
export function repair(problem: ProblemLike, allocation: Allocation, changes: readonly Change[], options: RepairOptions = {}): Promise<RepairOutcome> {
  try {
    return repairUnchecked(problemOf(problem), allocationOf(allocation), changes, options);
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Closes a year (see `years/close-year.ts`), after checking the problem and the allocation.
 *
 * @example
 * const closed = closeYear(problem, allocation, { yearLabel: "2024-25" });
 */
export function closeYear(problem: ProblemLike, allocation: { readonly assignments: readonly Assignment[] }, options: CloseYearOptions): CloseYearOutcome {
  return closeUnchecked(problemOf(problem), allocationOf(allocation), options);
}

export type { InputError };
