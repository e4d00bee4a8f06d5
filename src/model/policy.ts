import { z } from "zod";
import { DEFAULT_KINDS, KindIdSchema, KindOverrideSchema, kindBands, KindSchema, kindIssues, mergeKinds } from "./kinds.js";
import { PhaseSchema, SeatBandSchema, type Phase, type SeatBand } from "./schema.js";

export { SeatBandSchema, type SeatBand } from "./schema.js";

/**
 * The largest weight a policy may give. Seats come before every other goal by construction
 * (the engines compare allocations seats first), so a weight only trades goals of its own tier
 * against each other; a bound keeps every sum the MIP builds well inside double precision.
 */
export const MAX_WEIGHT = 1_000_000;

/**
 * The smallest seat weight. Only the ratio of `leadSeat` to `seat` matters (seats are a tier of
 * their own), and with both from 1 to `MAX_WEIGHT` one seat is always worth at least 1: a step
 * no rounding of the sums the engines compare can hide, and a ratio the MIP's objective holds
 * exactly (a weight of 1e-9 beside 1,000,000 would lose seats to rounding).
 */
export const MIN_SEAT_WEIGHT = 1;

const weight = () => z.number().nonnegative().max(MAX_WEIGHT);
/** A seat weight: a seat is the first goal, so its weight is at least `MIN_SEAT_WEIGHT`. */
const seatWeight = () =>
  z
    .number()
    .min(MIN_SEAT_WEIGHT, `must be ${MIN_SEAT_WEIGHT} or more: filling seats is the first goal, and only the ratio of leadSeat to seat counts (e.g. 100 and 1)`)
    .max(MAX_WEIGHT);

/** Weights of the soft goals. Larger weighs more; defaults keep the priority order of DOMAIN.md. */
export const WeightsSchema = z
  .object({
    leadSeat: seatWeight(),
    advancedSeat: weight(),
    seat: seatWeight(),
    reciprocity: weight(),
    phase: weight(),
    preference: weight(),
    travelPerKm: weight(),
    variety: weight(),
    firstReview: weight(),
    reciprocalPair: weight(),
  })
  .strict();
/**
 * The policy's weights: what one unit of each goal is worth (docs/policy.md).
 *
 * @example
 * const weights: Weights = { ...DEFAULT_POLICY.weights, travelPerKm: 0 };
 * const policy = makePolicy({ weights });
 */
export type Weights = z.infer<typeof WeightsSchema>;

/**
 * The default peer-seat table (documented in docs/policy.md). Primary-age schools scale from
 * 2 to 4 seats, secondary from 3 to 5, special schools and alternative provision 2 or 3.
 */
export const DEFAULT_SEAT_BANDS: readonly SeatBand[] = [
  { phase: "nursery", seats: 2 },
  { phase: "primary", maxPupils: 210, seats: 2 },
  { phase: "primary", maxPupils: 420, seats: 3 },
  { phase: "primary", seats: 4 },
  { phase: "middle", maxPupils: 420, seats: 3 },
  { phase: "middle", seats: 4 },
  { phase: "secondary", maxPupils: 600, seats: 3 },
  { phase: "secondary", maxPupils: 1200, seats: 4 },
  { phase: "secondary", seats: 5 },
  { phase: "all-through", maxPupils: 1200, seats: 4 },
  { phase: "all-through", seats: 5 },
  { phase: "special", maxPupils: 100, seats: 2 },
  { phase: "special", seats: 3 },
  { phase: "ap", maxPupils: 100, seats: 2 },
  { phase: "ap", seats: 3 },
];

/** Default weights: each level outweighs everything below it on any realistic year. */
export const DEFAULT_WEIGHTS: Weights = {
  leadSeat: 1_000_000,
  advancedSeat: 100_000,
  seat: 10_000,
  reciprocity: 100,
  phase: 10,
  preference: 5,
  travelPerKm: 0.01,
  variety: 1,
  firstReview: 2,
  reciprocalPair: 2,
};

/** A year label starts with the calendar year it begins in (`2024-25`); blank = from the reviews' dates. */
const YearLabelSchema = z.string().regex(/^(\s*\d{4}(?!\d).*)?$/, { message: "must start with the year it begins in, e.g. \"2024-25\", or be blank (taken from the reviews' dates)" });

/** Years-related keys, shared by the policy and its overrides. */
const MAX_CARRY_OVER = z.number().int().nonnegative().nullable();
const REVIEWS_FOR_ADVANCED = z.number().int().min(1).max(100);
const NO_REPEAT_YEARS = z.number().int().nonnegative().max(50);
/** Fairness and report keys, shared by the policy and its overrides. */
const PROTECTED_PHASES = z.array(PhaseSchema).max(10);
const MIN_PEERS_PER_TEAM = z.number().int().nonnegative().max(10);
const LONG_JOURNEY_KM = z.number().nonnegative().max(20_000);

/** A phase's bands must grow with size and end in an open band, or some school gets no seats. */
function checkBands(seatBands: readonly SeatBand[], path: (string | number)[], ctx: z.RefinementCtx): void {
  const byPhase = new Map<Phase, SeatBand[]>();
  for (const band of seatBands) byPhase.set(band.phase, [...(byPhase.get(band.phase) ?? []), band]);
  for (const [phase, bands] of byPhase) {
    let previous = 0;
    bands.forEach((band, i) => {
      const last = i === bands.length - 1;
      if (!last && band.maxPupils === undefined) {
        ctx.addIssue({ code: "custom", path, message: `${phase}: a band without maxPupils must be the last band of its phase` });
      } else if (band.maxPupils !== undefined && band.maxPupils <= previous) {
        ctx.addIssue({ code: "custom", path, message: `${phase}: maxPupils must increase from band to band (${band.maxPupils} after ${previous})` });
      }
      if (band.maxPupils !== undefined) previous = band.maxPupils;
    });
  }
}

/**
 * Every policy setting, all with defaults. `policy.json` holds any subset of these keys.
 *
 * @example
 * const checked = PolicySchema.safeParse({ ...DEFAULT_POLICY, minDistanceKm: 5 });
 */
export const PolicySchema = z
  .object({
    seatBands: z.array(SeatBandSchema).min(1),
    minAdvancedPerTeam: z.number().int().nonnegative().max(10),
    defaultMaxReviews: z.number().int().nonnegative().max(100),
    defaultReviewDays: z.number().int().min(1).max(31),
    minDistanceKm: z.number().nonnegative().max(20_000),
    reciprocityTolerance: z.number().int().nonnegative(),
    /** Closing a year: carry-over limited to ±this many places; `null` = no cap. */
    maxCarryOver: MAX_CARRY_OVER,
    /** Peer reviews completed before a reviewer may train as advanced (the pathway). */
    reviewsForAdvanced: REVIEWS_FOR_ADVANCED,
    /** No reviewer reviews a school they reviewed within this many years; 0 = off. */
    noRepeatYears: NO_REPEAT_YEARS,
    /** This year's label for the no-repeat rule; blank = the academic year of the first review. */
    yearLabel: YearLabelSchema,
    /** Closing a year: a school's debt limited to what its reviewers could give beyond its own seats. */
    carryOverWithinReach: z.boolean(),
    /** Fairness: the phases whose schools' teams come before seats elsewhere (docs/policy.md). */
    protectedPhases: PROTECTED_PHASES,
    /** Fairness: the peers a team needs before it counts as given a team; 0 = off. */
    minPeersPerTeam: MIN_PEERS_PER_TEAM,
    /** The report flags journeys longer than this many kilometres; 0 = none flagged. */
    longJourneyKm: LONG_JOURNEY_KM,
    weights: WeightsSchema,
    /** The kinds of review (`qar`, `tpr`, `mlqar`, and any the policy adds); see kinds.ts. */
    kinds: z.record(KindIdSchema, KindSchema),
  })
  .strict()
  .superRefine((policy, ctx) => {
    checkBands(policy.seatBands, ["seatBands"], ctx);
    for (const [id, bands] of kindBands(policy.kinds)) checkBands(bands, ["kinds", id, "seats"], ctx);
    for (const issue of kindIssues(policy.kinds)) ctx.addIssue({ code: "custom", ...issue });
  });
/**
 * Every policy setting, as `PolicySchema` gives it (docs/policy.md).
 *
 * @example
 * const policy: Policy = { ...DEFAULT_POLICY, minAdvancedPerTeam: 0 };
 * const result = await solve({ ...problem, policy }, { seed: 1 });
 */
export type Policy = z.infer<typeof PolicySchema>;

/**
 * The documented defaults of every policy key.
 *
 * @example
 * console.log(DEFAULT_POLICY.minDistanceKm, DEFAULT_POLICY.defaultMaxReviews); // 10 1
 */
export const DEFAULT_POLICY: Policy = {
  seatBands: [...DEFAULT_SEAT_BANDS],
  minAdvancedPerTeam: 1,
  defaultMaxReviews: 1,
  defaultReviewDays: 3,
  minDistanceKm: 10,
  reciprocityTolerance: 0,
  maxCarryOver: null,
  reviewsForAdvanced: 3,
  noRepeatYears: 0,
  yearLabel: "",
  carryOverWithinReach: true,
  protectedPhases: [],
  minPeersPerTeam: 0,
  longJourneyKm: 100,
  weights: DEFAULT_WEIGHTS,
  kinds: { ...DEFAULT_KINDS },
};

/**
 * The keys a `policy.json` may hold: every key optional, `weights` may be partial.
 *
 * @example
 * const overrides = PolicyOverridesSchema.safeParse(JSON.parse(policyJson)); // a year's policy.json
 * if (overrides.success) console.log(makePolicy(overrides.data).success);
 */
export const PolicyOverridesSchema = z
  .object({
    seatBands: z.array(SeatBandSchema.strict()).min(1).optional(),
    minAdvancedPerTeam: z.number().int().nonnegative().max(10).optional(),
    defaultMaxReviews: z.number().int().nonnegative().max(100).optional(),
    defaultReviewDays: z.number().int().min(1).max(31).optional(),
    minDistanceKm: z.number().nonnegative().max(20_000).optional(),
    reciprocityTolerance: z.number().int().nonnegative().optional(),
    maxCarryOver: MAX_CARRY_OVER.optional(),
    reviewsForAdvanced: REVIEWS_FOR_ADVANCED.optional(),
    noRepeatYears: NO_REPEAT_YEARS.optional(),
    yearLabel: YearLabelSchema.optional(),
    carryOverWithinReach: z.boolean().optional(),
    protectedPhases: PROTECTED_PHASES.optional(),
    minPeersPerTeam: MIN_PEERS_PER_TEAM.optional(),
    longJourneyKm: LONG_JOURNEY_KM.optional(),
    weights: WeightsSchema.partial().optional(),
    kinds: z.record(KindIdSchema, KindOverrideSchema).optional(),
  })
  .strict();
/**
 * A `policy.json`: any subset of the policy's keys, `weights` partial.
 *
 * @example
 * const overrides: PolicyOverrides = { minDistanceKm: 0, weights: { travelPerKm: 2 } };
 * const problem = validateProblem({ ...input, policy: overrides });
 */
export type PolicyOverrides = z.infer<typeof PolicyOverridesSchema>;

/**
 * Merges overrides over the defaults and validates the result.
 *
 * @example makePolicy({ minDistanceKm: 0 }) // distance rule off, everything else default
 */
export function makePolicy(overrides: PolicyOverrides = {}): z.ZodSafeParseResult<Policy> {
  const merged = {
    ...DEFAULT_POLICY,
    ...Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined)),
    weights: { ...DEFAULT_WEIGHTS, ...(overrides.weights ?? {}) },
    kinds: mergeKinds(overrides.kinds),
  };
  return PolicySchema.safeParse(merged);
}

/**
 * Peer seats for a school under the band table: the first band of its phase whose `maxPupils`
 * is at least its roll. A phase with no band gets 0 seats.
 */
export function seatsFromBands(policy: Pick<Policy, "seatBands">, phase: Phase, pupils: number): number {
  for (const band of policy.seatBands) {
    if (band.phase !== phase) continue;
    if (band.maxPupils === undefined || pupils <= band.maxPupils) return band.seats;
  }
  return 0;
}
