/**
 * Runs one method on one fixture in a fresh process (so peak memory is this run's own) and
 * prints one JSON line: the checker's figures, the bound, the gap, time and peak memory.
 * Usage: tsx bench/one.ts <fixture> <method> [seed]
 */
import { checkAllocation, totalDeviation } from "../src/check.js";
import { formatInputError } from "../src/io/errors.js";
import { readYearFolder } from "../src/io/files.js";
import { toEngineName } from "../src/solver/engines/index.js";
import { solve } from "../src/solver/index.js";
import { loadFixture } from "./fixtures.js";

const [fixture = "2018-19", method = "auto", seedText = "1"] = process.argv.slice(2);
const problem = await loadFixture(fixture, readYearFolder);
if (!problem.ok) {
  console.error(problem.errors.map(formatInputError).join("\n"));
  process.exit(1);
}
const started = performance.now();
// The baselines' bound would be the same year's bound again: only the optimising engines pay for the exact one.
const baseline = method === "greedy" || method === "self-selection";
const result = await solve(problem.value, {
  engine: toEngineName(method),
  seed: Number(seedText),
  ...(baseline ? { exactBound: false } : {}),
  ...(process.env.BENCH_TIME_LIMIT_MS ? { timeLimitMs: Number(process.env.BENCH_TIME_LIMIT_MS) } : {}),
});
const wallMs = performance.now() - started;
// The checker runs apart from the engine: every figure below is the checker's.
const check = checkAllocation(problem.value, result.allocation);
const m = check.metrics;
// Per kind of review (a year with TPRs and MLQARs): seats, filled and full teams of each.
const kinds: Record<string, { reviews: number; seats: number; filled: number; fullTeams: number }> = {};
for (const review of result.year.reviews) {
  const team = result.allocation.assignments.filter((a) => a.reviewId === review.id);
  const leads = Math.min(1, team.filter((a) => a.role === "lead").length);
  const peers = Math.min(review.peerSeats, team.filter((a) => a.role === "peer").length);
  const entry = (kinds[review.kind.id] ??= { reviews: 0, seats: 0, filled: 0, fullTeams: 0 });
  entry.reviews += 1;
  entry.seats += 1 + review.peerSeats;
  entry.filled += leads + peers;
  if (leads + peers === 1 + review.peerSeats) entry.fullTeams += 1;
}
console.log(
  JSON.stringify({
    fixture,
    method,
    engine: result.engine,
    seed: Number(seedText),
    valid: check.valid,
    violations: check.violations.length,
    reviews: m.reviews,
    seats: m.seats.total,
    filled: m.filled.total,
    filledShare: m.filledShare,
    fullTeams: m.fullTeams,
    fullTeamShare: m.fullTeamShare,
    withinTolerance: m.reciprocity.withinTolerance / Math.max(1, m.reciprocity.schools),
    meetingCommitment: m.reciprocity.meetingCommitment / Math.max(1, m.reciprocity.schools),
    // Schools and trusts together, as the bound counts it.
    reciprocityDeviation: totalDeviation(m),
    reciprocityBound: result.bound.reciprocityDeviation,
    phaseMatch: m.phaseMatch.share,
    meanTravelKm: m.travel.meanKm,
    sameSchoolPairs: m.variety.sameSchoolPairs,
    reciprocalPairs: m.variety.reciprocalPairs,
    preferencesHonoured: m.preferences.honoured,
    preferencesStated: m.preferences.stated,
    // The policy's weighted cost of the goals below the seats, and each goal's proven bound.
    goalsTier: result.goalsTier.value,
    goalsTierBest: result.goalsTier.best,
    goalBests: Object.fromEntries(result.goals.map((g) => [g.id, g.best])),
    bound: result.bound.filledSeats,
    boundMethod: result.bound.method,
    gap: result.gap,
    proven: result.proven,
    stoppedBy: result.stoppedBy,
    wallMs,
    peakMemoryMb: process.resourceUsage().maxRSS / 1024,
    ...(result.year.mixed ? { kinds, trustsInBalance: m.trustReciprocity ? m.trustReciprocity.inBalance / Math.max(1, m.trustReciprocity.trusts) : undefined } : {}),
  }),
);
