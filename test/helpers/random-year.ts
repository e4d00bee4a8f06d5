import seedrandom from "seedrandom";
import { formatDay, parseDay } from "../../src/model/dates.js";
import { DEFAULT_POLICY, makePolicy, type PolicyOverrides } from "../../src/model/policy.js";
import type { Problem } from "../../src/model/problem.js";
import type { LeadReviewer, Level, Review, Reviewer, School } from "../../src/model/schema.js";

export interface RandomYearShape {
  readonly reviews: number;
  /** Reviewers per school, on average. */
  readonly reviewersPerSchool?: number;
  readonly advancedShare?: number;
  readonly hubs?: number;
  readonly weeks?: number;
  readonly leads?: number;
  readonly policy?: PolicyOverrides;
}

const MONDAY = parseDay("2024-01-08")!;

/**
 * A small random year, valid by construction (every reference resolves, every date is real),
 * for property tests: random hubs, trusts, coordinates, dates, availability windows, levels,
 * capacities, conflicts and preferences, all drawn from `seed`.
 */
export function randomYear(seed: number, shape: RandomYearShape): Problem {
  const random = seedrandom(`year-${seed}`);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const hubs = shape.hubs ?? Math.max(2, Math.ceil(shape.reviews / 5));
  const weeks = shape.weeks ?? Math.max(2, Math.ceil(shape.reviews / 3));
  const schools: School[] = [];
  const reviews: Review[] = [];
  const reviewers: Reviewer[] = [];
  for (let i = 0; i < shape.reviews; i += 1) {
    const hub = i % hubs;
    const phase = random() < 0.6 ? "primary" : random() < 0.7 ? "secondary" : "special";
    schools.push({
      id: `S${String(i).padStart(3, "0")}`,
      name: `School ${i}`,
      hub: `H${hub}`,
      locality: `A${Math.floor(hub / 2)}`,
      ...(random() < 0.3 ? { trust: `T${int(0, 3)}` } : {}),
      phase,
      pupils: int(60, phase === "secondary" ? 1600 : 500),
      ...(random() < 0.8 ? { lat: 51 + hub * 0.25 + random() * 0.05, lon: -1 + random() * 0.05 } : {}),
      carryOver: 0,
    });
    const startDay = MONDAY + 7 * int(0, weeks - 1) + int(0, 2);
    reviews.push({ id: `R${String(i).padStart(3, "0")}`, schoolId: schools[i]!.id, start: formatDay(startDay), days: 3, ...(random() < 0.1 ? { seats: int(1, 4) } : {}) });
  }
  let p = 0;
  for (const school of schools) {
    const count = int(1, Math.round(2 * (shape.reviewersPerSchool ?? 3)) - 1);
    for (let j = 0; j < count; j += 1) {
      const from = MONDAY + 7 * int(0, weeks - 1);
      const to = Math.min(from + 7 * int(1, weeks), MONDAY + 7 * weeks);
      const level: Level = random() < (shape.advancedShare ?? 0.35) ? "advanced" : random() < 0.7 ? "reviewer" : "trainee";
      reviewers.push({
        id: `P${String(p++).padStart(4, "0")}`,
        name: `Reviewer ${p}`,
        schoolId: school.id,
        level,
        phases: random() < 0.5 ? [school.phase] : [],
        available: random() < 0.05 ? [] : [{ from: formatDay(from), to: formatDay(to) }],
        ...(random() < 0.7 ? { maxReviews: int(1, 2) } : {}),
        conflicts: random() < 0.1 ? [schools[int(0, schools.length - 1)]!.id] : [],
        prefers: random() < 0.2 ? [reviews[int(0, reviews.length - 1)]!.id] : [],
      });
    }
  }
  const leads: LeadReviewer[] = [];
  for (let l = 0; l < (shape.leads ?? Math.max(1, Math.ceil(shape.reviews / 6))); l += 1) {
    const from = MONDAY + 7 * int(0, Math.floor(weeks / 2));
    leads.push({
      id: `L${String(l).padStart(2, "0")}`,
      name: `Lead ${l}`,
      available: [{ from: formatDay(from), to: formatDay(MONDAY + 7 * weeks + 6) }],
      maxReviews: int(2, 8),
      phases: random() < 0.3 ? ["special"] : [],
      conflicts: [],
    });
  }
  const policy = shape.policy ? makePolicy(shape.policy) : { success: true as const, data: DEFAULT_POLICY };
  if (!policy.success) throw new Error(policy.error.message);
  return { schools, reviewers, leads, reviews, policy: policy.data, history: [], pins: [] };
}
