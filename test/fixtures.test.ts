import fc from "fast-check";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fingerprint, loadCalibration, PUBLISHED } from "../fixtures/calibration.js";
import { generateYear, smallRandomSpec, smallScarceSpec } from "../fixtures/generator.js";
import { COMMITTED_YEARS, YEAR_SPECS } from "../fixtures/years.js";
import { checkAllocation } from "../src/check.js";
import { readYearFolder } from "../src/io/files.js";
import { parseAllocation } from "../src/io/read-allocation.js";
import { parseYear } from "../src/io/read-year.js";
import { serializeYear } from "../src/io/write-year.js";
import { validateReferences } from "../src/model/problem.js";
import { indexYear } from "../src/model/year.js";
import { solve } from "../src/solver/index.js";

const root = new URL("../fixtures/", import.meta.url).pathname;
const PLANTED_YEARS = COMMITTED_YEARS.filter((name) => !YEAR_SPECS[name]!.scarce);
const SCARCE_YEARS = COMMITTED_YEARS.filter((name) => YEAR_SPECS[name]!.scarce);
const CALIBRATION = loadCalibration(`${root}calibration.json`);
const YEAR_FILES = ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"];

const filesOf = (name: string) => Object.fromEntries(YEAR_FILES.map((file) => [file, readFileSync(`${root}years/${name}/${file}`, "utf8")]));
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;

/** Sum of max_reviews, of everyone and of the advanced reviewers, and the peer seats. */
function supply(problem: Parameters<typeof indexYear>[0]) {
  const year = indexYear(problem);
  const places = (people: typeof year.reviewers) => people.reduce((sum, p) => sum + p.maxReviews, 0);
  return {
    seats: year.reviews.reduce((sum, r) => sum + r.peerSeats, 0),
    places: places(year.reviewers),
    advancedPlaces: places(year.reviewers.filter((p) => p.level === "advanced")),
    reviews: year.reviews.length,
  };
}

describe("fixtures", () => {
  it.each(PLANTED_YEARS)("%s reads cleanly and its planted allocation passes the checker", (name) => {
    const year = readYearFolder(`${root}years/${name}`);
    if (!year.ok) throw new Error(JSON.stringify(year.errors.slice(0, 3)));
    const planted = parseAllocation(readFileSync(`${root}planted/${name}.csv`));
    if (!planted.ok) throw new Error("planted allocation unreadable");
    expect(checkAllocation(year.value, planted.value).violations).toEqual([]);
  });

  it.each(SCARCE_YEARS)("%s reads cleanly and has no planted allocation", (name) => {
    const year = readYearFolder(`${root}years/${name}`);
    if (!year.ok) throw new Error(JSON.stringify(year.errors.slice(0, 3)));
    expect(year.value.reviews.length).toBeGreaterThan(100);
    expect(existsSync(`${root}planted/${name}.csv`)).toBe(false);
  });

  it.each(SCARCE_YEARS)("%s: the calibration its README quotes was measured on its files", (name) => {
    const calibration = CALIBRATION[name];
    expect(calibration?.fingerprint).toBe(fingerprint(filesOf(name)));
    const first = calibration!.selfSelection[0]!;
    const text = readFileSync(`${root}years/${name}/README.md`, "utf8");
    expect(text).toContain(`| self-selection, seed 1 | ${first.filled} of ${first.seats} |`);
  });

  it.each(Object.keys(PUBLISHED))("%s: self-selection reproduces the published figure, at seed 1 and over seeds 1-5", (name) => {
    const published = PUBLISHED[name]!;
    const runs = CALIBRATION[name]!.selfSelection;
    expect(runs.map((f) => f.seed)).toEqual([1, 2, 3, 4, 5]);
    const measure = (f: (typeof runs)[number]) => (published.measure === "fullTeams" ? f.fullTeamShare : f.meetingCommitmentShare);
    expect(Math.abs(measure(runs[0]!) - published.share)).toBeLessThanOrEqual(published.tolerance);
    expect(Math.abs(mean(runs.map(measure)) - published.share)).toBeLessThanOrEqual(published.tolerance);
  });

  it.each(SCARCE_YEARS)("%s leaves a planner room: the recorded auto fills more seats than self-selection on every seed", (name) => {
    const calibration = CALIBRATION[name]!;
    for (const run of calibration.selfSelection) expect(calibration.auto!.filled).toBeGreaterThan(run.filled);
    expect(calibration.auto!.filled).toBeLessThanOrEqual(calibration.auto!.bound);
  });

  it.each(["national-tight", "small-tight"])("%s is tight: reviewer places about 1.02 x seats, advanced places well short of the reviews", (name) => {
    const year = readYearFolder(`${root}years/${name}`);
    if (!year.ok) throw new Error("unreadable");
    const s = supply(year.value);
    expect(s.places / s.seats).toBeGreaterThanOrEqual(1.01);
    expect(s.places / s.seats).toBeLessThanOrEqual(1.03);
    expect(s.advancedPlaces).toBeLessThan(0.75 * s.reviews);
  });

  it("small-tight regenerates from its spec byte for byte", () => {
    expect(serializeYear(generateYear(YEAR_SPECS["small-tight"]!).problem, { bom: false })).toEqual(filesOf("small-tight"));
  });

  it("the generator is deterministic for a seed", () => {
    expect(generateYear(smallRandomSpec(5, 20))).toEqual(generateYear(smallRandomSpec(5, 20)));
    expect(generateYear(smallScarceSpec(5, 30))).toEqual(generateYear(smallScarceSpec(5, 30)));
  });

  it("on any generated year of 40 reviews or fewer, auto proves its seats optimal (gap 0) and fills at least the planted seats", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 5, max: 40 }), async (seed, reviews) => {
        const { problem, planted } = generateYear(smallRandomSpec(seed, reviews));
        const result = await solve(problem, { seed: 1 });
        const check = checkAllocation(problem, result.allocation);
        expect(check.violations).toEqual([]);
        expect(check.metrics.filled.total).toBeGreaterThanOrEqual(checkAllocation(problem, planted).metrics.filled.total);
        expect(result.gap).toBe(0);
        expect(result.proven).toBe(true);
      }),
      { numRuns: 8, seed: 12 },
    );
  });
});

describe("small scarce years (smallScarceSpec)", () => {
  it("are valid years with no planted allocation, as scarce as their spec says", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 10, max: 60 }), (seed, reviews) => {
        const spec = smallScarceSpec(seed, reviews);
        const { problem, planted } = generateYear(spec);
        expect(planted).toBeUndefined();
        expect(validateReferences(problem)).toEqual([]);
        expect(parseYear(serializeYear(problem)).ok).toBe(true);
        const s = supply(problem);
        expect(s.reviews).toBe(reviews);
        expect(s.places).toBe(Math.round(spec.scarce.reviewerPlaces * s.seats));
        const advancedWanted = Math.round(spec.scarce.advancedPlacesPerReview! * reviews);
        if (s.advancedPlaces < advancedWanted) expect(s.advancedPlaces).toBe(s.places);
        else expect(s.advancedPlaces).toBeLessThan(advancedWanted + 3);
      }),
      { numRuns: 15, seed: 7 },
    );
  });

  it("the self-selection baseline's allocations on them pass the checker", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 10, max: 25 }), async (seed, reviews) => {
        const { problem } = generateYear(smallScarceSpec(seed, reviews));
        const result = await solve(problem, { engine: "self-selection", seed: 1, exactBound: false });
        const check = checkAllocation(problem, result.allocation);
        expect(check.violations).toEqual([]);
        expect(check.metrics.filled.total).toBeLessThanOrEqual(result.bound.filledSeats);
      }),
      { numRuns: 3, seed: 3 },
    );
  });
});
