/**
 * qar-allocator: allocates Quality Assurance Review teams (a Lead Reviewer and peer reviewers
 * for every review of a partnership year), checks allocations against the hard rules, and
 * explains the seats it cannot fill.
 *
 * In Node this entry is `qar-allocator/node` (the core and the file functions); a browser
 * bundler gets the core alone (`src/core.ts`) through the package's `browser` condition.
 *
 * @example
 * import { readYearFolder, solve, checkAllocation } from "qar-allocator";
 * const year = readYearFolder("fixtures/years/2018-19");
 * if (year.ok) {
 *   const result = await solve(year.value, { seed: 1 });
 *   console.log(result.check.metrics.fullTeamShare);
 * }
 */
export * from "./node.js";
