/**
 * `weeksOf` measures the weeks as parts of one indexed year (`partMeasurer`, `partIndexer`) and
 * keeps only each week's places: checked here against the straightforward path it replaced,
 * each week indexed afresh (`indexYear` of the part) and every person of the week summed.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallMixedSpec, smallRandomSpec, smallScarceSpec } from "../../fixtures/generator.js";
import { formatDay, weekStart, type Day } from "../../src/model/dates.js";
import type { Problem } from "../../src/model/problem.js";
import { indexYear, partIndexer, type PersonInfo, type ReviewInfo, type Year } from "../../src/model/year.js";
import { measure, settleYearLabel, type Measured } from "../../src/plan/measure.js";
import { weeksOf, type WeekRow } from "../../src/plan/weeks.js";
import { advancedToStaff, isAdvanced, mostWithoutOverlap, reviewsLeft } from "../../src/rules/index.js";
import { checkAllocation } from "../../src/check.js";
import { everySeatFilled, relaxedBound } from "../../src/solver/bound.js";
import { createRoster } from "../../src/solver/roster.js";

/**
 * The reference: each week's part indexed afresh (`measure`), its bound from the flows
 * (`relaxedBound`, whatever `everySeatFilled` finds), every person of the week visited.
 */
function referenceWeeks(year: Year): WeekRow[] {
  const byWeek = new Map<Day, ReviewInfo[]>();
  for (const review of [...year.reviews].sort((a, b) => a.span.from - b.span.from || a.index - b.index)) {
    const week = weekStart(review.span.from);
    byWeek.set(week, [...(byWeek.get(week) ?? []), review]);
  }
  const problem = settleYearLabel(year.problem);
  const measured = [...byWeek.values()].map((reviews) => measure(problem, reviews.map((r) => r.review)));
  const placesOf = (m: Measured, person: PersonInfo) =>
    Math.min(reviewsLeft(person, 0), mostWithoutOverlap((m.candidates.byPerson.get(`${person.role}:${person.id}`) ?? []).map((c) => c.review)));
  const byPerson = new Map<string, { places: number; spans: ReviewInfo[]; max: number }>();
  for (const m of measured) {
    for (const person of [...m.year.leads, ...m.year.reviewers]) {
      const key = `${person.role}:${person.id}`;
      const entry = byPerson.get(key) ?? { places: 0, spans: [], max: reviewsLeft(person, 0) };
      entry.places += placesOf(m, person);
      entry.spans.push(...(m.candidates.byPerson.get(key) ?? []).map((c) => c.review));
      byPerson.set(key, entry);
    }
  }
  const yearly = new Map([...byPerson].map(([key, e]) => [key, { total: e.places, reviews: Math.min(e.max, mostWithoutOverlap(e.spans)) }]));
  const share = (person: PersonInfo, places: number) => {
    const e = yearly.get(`${person.role}:${person.id}`);
    return !e || e.total === 0 ? 0 : (e.reviews * places) / e.total;
  };
  return [...byWeek.keys()].map((week, i) => {
    const m = measured[i]!;
    const sum = (people: readonly PersonInfo[]) => people.reduce((n, p) => n + placesOf(m, p), 0);
    const supply = (people: readonly PersonInfo[]) => Math.round(10 * people.reduce((n, p) => n + share(p, placesOf(m, p)), 0)) / 10;
    return {
      week: formatDay(week),
      reviews: m.reviews.length,
      peerSeats: m.peerSeats,
      leadSeats: m.leadSeats,
      peerPlaces: sum(m.year.reviewers),
      advancedPlaces: sum(m.year.reviewers.filter(isAdvanced)),
      leadPlaces: sum(m.year.leads),
      shortfall: Math.max(0, m.leadSeats + m.peerSeats - flowsBound(m)),
      teams: m.reviews.filter((r) => r.peerSeats > 0 && advancedToStaff(m.year, r) > 0).length,
      leadSupply: supply(m.year.leads),
      advancedSupply: supply(m.year.reviewers.filter(isAdvanced)),
      peerSupply: supply(m.year.reviewers),
    };
  });
}

function flowsBound(m: Measured): number {
  const bound = relaxedBound(m.year, m.candidates, createRoster(m.year));
  return bound.leadSeats + bound.peerSeats;
}

const SPECS = { planted: smallRandomSpec, scarce: smallScarceSpec, mixed: smallMixedSpec } as const;

/**
 * A generated year, roughened where the weeks' measure could go wrong: some reviews run into the
 * next week (the home-review clash and the overlap rule across a week's edge), forbid pins, last
 * year's teams (the no-repeat rule), and a reviewer of an unknown school (left out by indexing).
 */
function roughYear(kind: keyof typeof SPECS, seed: number, reviews: number, stretch: number): Problem {
  const { problem } = generateYear(SPECS[kind](seed, reviews));
  const pick = <T,>(items: readonly T[], i: number) => items[(seed * 7 + i * 13) % items.length]!;
  const stretched = problem.reviews.map((r, i) => (i % stretch === 0 ? { ...r, days: r.days + 2 + (i % 4) } : r));
  const pins = [0, 1, 2].flatMap((i) => (problem.reviewers.length > 0 ? [{ reviewId: pick(problem.reviews, i).id, personId: pick(problem.reviewers, i).id, role: "peer" as const, kind: "forbid" as const }] : []));
  const history = [0, 1, 2, 3].flatMap((i) => (problem.reviewers.length > 0 ? [{ year: "2023-24", reviewSchoolId: pick(problem.reviews, i).schoolId ?? "S0001", personId: pick(problem.reviewers, i + 5).id, role: "peer" as const }] : []));
  const stray = problem.reviewers.slice(0, 1).map((r) => ({ ...r, id: `${r.id}X`, schoolId: "NO-SUCH-SCHOOL" }));
  return { ...problem, reviews: stretched, pins: [...problem.pins, ...pins], history: [...problem.history, ...history], reviewers: [...stray, ...problem.reviewers] };
}

describe("weeks measured as parts of one year", () => {
  it("weeksOf gives the rows of each week indexed and measured afresh, every person visited", () => {
    fc.assert(
      fc.property(fc.constantFrom("planted", "scarce", "mixed"), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 5, max: 22 }), fc.integer({ min: 2, max: 6 }), (kind, seed, reviews, stretch) => {
        const year = indexYear(roughYear(kind, seed, reviews, stretch));
        expect(weeksOf(year)).toEqual(referenceWeeks(year));
      }),
      { numRuns: 10, seed: 7 },
    );
  });

  it("partIndexer indexes a part (some reviews and people) exactly as indexYear does, its people taken from the whole year", () => {
    fc.assert(
      fc.property(fc.constantFrom("planted", "scarce", "mixed"), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 5, max: 16 }), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (kind, seed, reviews, keep) => {
        const rough = roughYear(kind, seed, reviews, 3);
        // As the weeks use it: the year label settled, the people taken from the year as indexed.
        const problem = settleYearLabel(rough);
        const indexPart = partIndexer(problem, indexYear(rough));
        const kept = <T,>(items: readonly T[], offset: number) => items.filter((_, i) => keep[(i + offset) % keep.length]);
        // Two parts, so that the second meets people indexed for the first (numbered again).
        for (const offset of [0, 3]) {
          const part = { ...problem, reviews: kept(problem.reviews, offset), reviewers: kept(problem.reviewers, offset + 1), leads: kept(problem.leads, offset + 2) };
          expect(indexPart(part)).toEqual(indexYear(part));
        }
        expect(indexPart(problem)).toEqual(indexYear(problem));
      }),
      { numRuns: 10, seed: 11 },
    );
  });

  it("a week everySeatFilled fills passes the checker with every seat full, and the flows bound it at every seat too", () => {
    let filled = 0;
    fc.assert(
      fc.property(fc.constantFrom("planted", "scarce", "mixed"), fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 5, max: 22 }), fc.integer({ min: 2, max: 6 }), (kind, seed, reviews, stretch) => {
        const problem = settleYearLabel(roughYear(kind, seed, reviews, stretch));
        const byWeek = new Map<Day, ReviewInfo[]>();
        for (const review of indexYear(problem).reviews) byWeek.set(weekStart(review.span.from), [...(byWeek.get(weekStart(review.span.from)) ?? []), review]);
        for (const reviews of byWeek.values()) {
          const { year, candidates, leadSeats, peerSeats } = measure(problem, reviews.map((r) => r.review));
          const allocation = everySeatFilled(year, candidates);
          if (!allocation) continue;
          filled += 1;
          const check = checkAllocation(year.problem, allocation);
          expect(check.violations).toEqual([]);
          expect(check.metrics.filled.total).toBe(leadSeats + peerSeats);
          const bound = relaxedBound(year, candidates, createRoster(year));
          expect(bound.leadSeats + bound.peerSeats).toBe(leadSeats + peerSeats);
        }
      }),
      { numRuns: 6, seed: 5 },
    );
    expect(filled).toBeGreaterThan(10);
  });
});
