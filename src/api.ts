/**
 * The package's boundary: `solve`, `checkAllocation`, `explain`, `repair`, `respond` and
 * `closeYear` as the public entry exports them check what they are given before working on it.
 * An invalid problem, allocation, option, change, answer or attendance throws
 * `InvalidInputError`, whose `errors` are the data `validateProblem` returns (codes, paths, and
 * the file, row and column of a year folder); an allocation naming reviews or people the year
 * does not have (another year's) is refused by every call that works on it, as `qar check`'s
 * known-people rule finds them. A valid call gets the result shape it always had. Inside the
 * package the unchecked functions are used, on years the CSV reader has checked already.
 */
import { changeErrors, closeYearOptionErrors, explainOptionErrors, responseErrors, solveOptionErrors } from "./call-checks.js";
import { checkAllocation as checkUnchecked, type CheckResult } from "./check.js";
import { explain as explainUnchecked, type ExplainOptions, type Explanation } from "./explain.js";
import { InvalidInputError, type InputError } from "./model/errors.js";
import type { Problem } from "./model/problem.js";
import type { Allocation, Assignment } from "./model/schema.js";
import { validateAllocation, validateProblem, type ProblemInputObject } from "./model/validate.js";
import { indexYear, type Year } from "./model/year.js";
import { repair as repairUnchecked, type Change, type RepairOptions, type RepairOutcome } from "./repair.js";
import { unknownSeatErrors, unknownSeats } from "./rules/known-people.js";
import { respond as respondUnchecked, type RespondOptions, type RespondOutcome } from "./season/respond.js";
import type { Response } from "./season/responses.js";
import { solve as solveUnchecked, type SolveOptions, type SolveResult } from "./solver/index.js";
import { closeYear as closeUnchecked, type CloseYearOptions, type CloseYearOutcome } from "./years/close-year.js";

/**
 * A problem as the API takes it: a checked `Problem`, or an object to be checked (defaults may be left out).
 *
 * @example
 * const input: ProblemLike = JSON.parse(body); // checked by the call: an InvalidInputError if it is not a problem
 * const result = await solve(input, { seed: 1 });
 */
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

/** The allocation, checked, and refused when it names a review or person the year does not have. */
function allocationOfYear(year: Year, input: unknown): Allocation {
  const allocation = allocationOf(input);
  const unknown = unknownSeats(year, allocation);
  if (unknown.length > 0) throw new InvalidInputError(unknownSeatErrors(unknown, { file: "allocation.csv", total: allocation.assignments.length, rowOf: (index) => index + 2, withPath: true }));
  return allocation;
}

/** Throws `InvalidInputError` with `errors`, if any. */
function refuse(errors: readonly InputError[]): void {
  if (errors.length > 0) throw new InvalidInputError(errors);
}

const isYear = (value: unknown): value is Year => typeof value === "object" && value !== null && "reviewById" in value;

/** A promise of `work()`, rejected (never thrown) when a check inside it throws. */
function later<T>(work: () => Promise<T>): Promise<T> {
  try {
    return work();
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Allocates Lead Reviewers and peer reviewers to every review of a year, after checking the
 * problem and the options (rejects with `InvalidInputError` listing every error when either is
 * not valid: an unknown engine, a time limit that is not a positive number, ...).
 *
 * @example
 * const result = await solve(problem, { seed: 1 });
 * console.log(`${result.check.metrics.filled.total}/${result.check.metrics.seats.total} seats, gap ${result.gap}`);
 */
export function solve(problem: ProblemLike, options: SolveOptions = {}): Promise<SolveResult> {
  return later(() => {
    refuse(solveOptionErrors(options));
    return solveUnchecked(problemOf(problem), options);
  });
}

/**
 * The independent checker: every hard rule on an allocation, and its figures. The problem (unless
 * it is an indexed `Year`, such as `result.year`) and the allocation's shape are checked first;
 * reviews and people the year does not have are what it reports (the `known-people` rule).
 *
 * @example
 * const result = checkAllocation(problem, allocation);
 * if (!result.valid) for (const v of result.violations) console.log(`[${v.rule}] ${v.message}`);
 */
export function checkAllocation(problem: ProblemLike | Year, allocation: Allocation): CheckResult {
  return checkUnchecked(isYear(problem) ? problem : problemOf(problem), allocationOf(allocation));
}

/**
 * Why each empty seat of an allocation is empty, and what would fill it, as of `freezeBefore`
 * when given. The problem is checked as `checkAllocation` checks it, an allocation of another
 * year is refused, and so is a freeze date that is not a real date.
 *
 * @example
 * const { seats } = explain(result.year, result.allocation);
 */
export function explain(problem: ProblemLike | Year, allocation: Allocation, options: ExplainOptions = {}): Explanation {
  refuse(explainOptionErrors(options));
  const year = isYear(problem) ? problem : indexYear(problemOf(problem));
  return explainUnchecked(year, allocationOfYear(year, allocation), options);
}

/**
 * Re-plans an allocation after changes, keeping every assignment it can. The problem, the
 * allocation (of this year), the changes (`withdraw`, `cancel`, `move` with a real `start`) and
 * the options are checked first (`InvalidInputError`); a change that cannot be applied to this
 * year (an unknown id) comes back as `{ ok: false, issues }`, as before.
 *
 * @example
 * const outcome = await repair(problem, allocation, [{ change: "withdraw", id: "P0193" }], { seed: 1 });
 */
export function repair(problem: ProblemLike, allocation: Allocation, changes: readonly Change[], options: RepairOptions = {}): Promise<RepairOutcome> {
  return later(() => {
    refuse([...changeErrors(changes), ...solveOptionErrors(options)]);
    const checked = problemOf(problem);
    return repairUnchecked(checked, allocationOfYear(indexYear(checked), allocation), changes, options);
  });
}

/**
 * Applies people's answers to a published allocation (see `season/respond.ts`), after checking
 * the problem, the allocation (of this year), the answers (`confirmed` or `declined`, nothing
 * else: a "maybe" or a null is refused, never ignored) and the options.
 *
 * @example
 * const outcome = await respond(problem, published, [{ reviewId: "R2", personId: "P3", response: "declined" }], { seed: 1 });
 */
export function respond(problem: ProblemLike, allocation: Allocation, responses: readonly Response[], options: RespondOptions = {}): Promise<RespondOutcome> {
  return later(() => {
    refuse([...responseErrors(responses), ...solveOptionErrors(options)]);
    const checked = problemOf(problem);
    return respondUnchecked(checked, allocationOfYear(indexYear(checked), allocation), responses, options);
  });
}

/**
 * Closes a year (see `years/close-year.ts`), after checking the problem, the allocation and the
 * options: `attended` is `true` or `false` (a "no" is refused, never counted as attended); an
 * allocation of another year, or a year closed already under any spelling of its label, comes
 * back as `{ ok: false, issues }`.
 *
 * @example
 * const closed = closeYear(problem, allocation, { yearLabel: "2024-25" });
 */
export function closeYear(problem: ProblemLike, allocation: { readonly assignments: readonly Assignment[] }, options: CloseYearOptions): CloseYearOutcome {
  refuse(closeYearOptionErrors(options));
  return closeUnchecked(problemOf(problem), allocationOf(allocation), options);
}

export type { InputError };
