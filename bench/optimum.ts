/**
 * `npm run bench:optimum [-- <fixture,...>]`: the exact references the bench compares every
 * method with, computed once offline and recorded in bench/results/optimum.json:
 *
 * - `seats`: the most seats any valid allocation fills. Where the main solver's own bound is
 *   met (it proves its fill optimal) that fill is the optimum; otherwise the whole-year seat
 *   MIP (HiGHS, every seat worth 1) is run to optimality, with no node limit.
 * - `deviation`: the least total reciprocity deviation among allocations filling those seats:
 *   the whole-year MIP with seats first, then reciprocity (lexicographic), run to optimality.
 * - `goals`: the whole-year MIP of the policy (seats, then every goal at its weight: the `mip`
 *   engine), to optimality within the cap: its phase match, mean travel, same-school and
 *   reciprocal pairs and goals tier, the references of the bench's goal columns and CI gate.
 *
 * Each entry says how it was obtained and how long it took. A run that hits the cap
 * (`BENCH_OPTIMUM_SECONDS`, default 1800) records its proven bounds instead, marked unproven.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { checkAllocation, totalDeviation } from "../src/check.js";
import { readYearFolder } from "../src/io/files.js";
import { indexYear } from "../src/model/year.js";
import { findCandidates } from "../src/solver/candidates.js";
import { solveWithHighs } from "../src/solver/lp.js";
import { buildScopeModel } from "../src/solver/mip-model.js";
import { createRoster } from "../src/solver/roster.js";
import { solve } from "../src/solver/index.js";
import { FIXTURES, loadFixture } from "./fixtures.js";

export interface Optimum {
  readonly seats: number;
  readonly seatsProven: boolean;
  readonly seatsMethod: string;
  readonly deviation?: number;
  readonly deviationProven?: boolean;
  readonly goals?: { readonly phaseMatch: number; readonly meanTravelKm: number; readonly sameSchoolPairs: number; readonly reciprocalPairs: number; readonly goalsTier: number; readonly proven: boolean };
  readonly seconds: number;
}

const here = new URL(".", import.meta.url).pathname;
const file = `${here}results/optimum.json`;
const cap = Number(process.env.BENCH_OPTIMUM_SECONDS ?? 1800);
const wanted = process.argv[2]?.split(",") ?? [...FIXTURES];

/** The reference of one fixture (see the module comment). */
async function optimumOf(name: string): Promise<Optimum> {
  const read = await loadFixture(name, readYearFolder);
  if (!read.ok) throw new Error(`${name} does not read`);
  const started = performance.now();
  const main = await solve(read.value, { seed: 1 });
  const year = indexYear(read.value);
  const candidates = findCandidates(year);
  let seats = main.check.metrics.filled.total;
  let seatsProven = main.proven;
  let seatsMethod = `the main solver's fill equals its bound (${main.bound.method})`;
  if (!seatsProven) {
    const { model } = buildScopeModel(year, candidates, createRoster(year), { reviews: year.reviews, leads: true, peers: true, objective: "seats" });
    const exact = await solveWithHighs(model, { timeLimitSeconds: cap, relativeGap: 0 });
    seatsProven = exact.status === "optimal";
    seats = seatsProven ? Math.round(exact.objective) : Math.floor(exact.bound + 1e-6);
    seatsMethod = seatsProven ? "whole-year seat MIP (HiGHS) to optimality" : `whole-year seat MIP stopped at ${cap} s: its dual bound`;
  }
  // Least deviation at that fill: seats first, then reciprocity alone, whole year, from the main
  // solver's allocation as a start.
  const { model, seats: columns, startFrom } = buildScopeModel(year, candidates, createRoster(year), { reviews: year.reviews, leads: true, peers: true, objective: "balance" });
  const chosen = new Set(main.allocation.assignments.map((a) => `${a.role}:${a.personId}@${a.reviewId}`));
  const start = startFrom((j) => chosen.has(`${columns[j]!.role}:${columns[j]!.person.id}@${columns[j]!.review.id}`));
  const balanced = await solveWithHighs(model, { timeLimitSeconds: cap, relativeGap: 0, start });
  const roster = createRoster(year);
  columns.forEach((seat, j) => {
    if (seat && (balanced.values[j] ?? 0) > 0.5) roster.add(seat.role, seat.person, seat.review);
  });
  const check = checkAllocation(year, roster.toAllocation());
  const deviationProven = balanced.status === "optimal" && check.valid && check.metrics.filled.total === seats;
  // Every goal at the policy's weights: the whole-year MIP (the `mip` engine).
  const exact = await solve(read.value, { seed: 1, engine: "mip", timeLimitMs: cap * 1000, exactBound: false });
  const em = exact.check.metrics;
  const goals =
    exact.check.valid && em.filled.total === seats
      ? { phaseMatch: em.phaseMatch.share, meanTravelKm: em.travel.meanKm, sameSchoolPairs: em.variety.sameSchoolPairs, reciprocalPairs: em.variety.reciprocalPairs, goalsTier: exact.goalsTier.value, proven: exact.stoppedBy === "proven-optimal" }
      : undefined;
  return {
    seats,
    seatsProven,
    seatsMethod,
    // Over every account, schools and trusts, as the MIP counts it.
    ...(deviationProven ? { deviation: totalDeviation(check.metrics), deviationProven } : {}),
    ...(goals ? { goals } : {}),
    seconds: Math.round((performance.now() - started) / 1000),
  };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop()!)) {
  const known: Record<string, Optimum> = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, Optimum>) : {};
  for (const name of wanted) {
    process.stderr.write(`optimum: ${name} ...\n`);
    known[name] = await optimumOf(name);
    mkdirSync(`${here}results`, { recursive: true });
    writeFileSync(file, `${JSON.stringify(known, null, 2)}\n`);
    process.stderr.write(`optimum: ${name}: ${JSON.stringify(known[name])}\n`);
  }
}
