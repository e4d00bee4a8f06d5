import { z } from "zod";
import { InputErrorSchema } from "./errors-schema.js";
import { PolicyOverridesSchema } from "./policy.js";
import { AssignmentSchema } from "./schema.js";
import { ProblemInputSchema, SCHEMA_VERSION } from "./validate.js";

/**
 * The result of a solve as JSON: `summary.json` and the output of `qar solve --json` (which adds
 * `ok` and `out`). Open objects: a later version may add fields, never rename or remove one
 * without a new `schemaVersion`.
 */
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const seats = z.object({ total: count, lead: count, peer: count });
/** What every command's `--json` output starts with when the command ran (input problems print `{ ok: false, errors }`). */
const ok = z.literal(true).describe("the command ran; input problems are printed as {ok: false, errors} instead");
const reciprocityFigures = {
  inBalance: count,
  meetingCommitment: count,
  withinTolerance: count,
  tolerance: count,
  totalDeviation: count,
  worstDeviation: count,
};
/** The figures of an allocation (`checkAllocation(...).metrics`), as `qar check --json` prints them. */
const metrics = {
  reviews: count,
  seats,
  filled: seats,
  filledShare: share,
  fullTeams: count,
  fullTeamShare: share,
  reciprocity: z.looseObject({ schools: count, ...reciprocityFigures, inBalanceShare: share, meetingCommitmentShare: share }),
  phaseMatch: z.looseObject({
    matched: count,
    assigned: count,
    share,
    peers: z.looseObject({ matched: count, assigned: count, share }),
    leads: z.looseObject({ matched: count, assigned: count, share, noPhases: count }).describe("a Lead Reviewer who lists no phase is not a match"),
  }),
  travel: z.looseObject({ measured: count, totalKm: z.number().nonnegative(), meanKm: z.number().nonnegative() }),
  preferences: z.looseObject({ stated: count, honoured: count }),
  variety: z.looseObject({ sameSchoolPairs: count, reciprocalPairs: count, repeats: count }),
};

export const ResultSchema = z.looseObject({
  ok: ok.optional(),
  out: z.string().optional().describe("the output folder (qar solve --json)"),
  schemaVersion: z.literal(SCHEMA_VERSION),
  ...metrics,
  reciprocity: z.looseObject({ schools: count, ...reciprocityFigures, inBalanceShare: share, meetingCommitmentShare: share }),
  solver: z.looseObject({
    engine: z.string(),
    status: z.enum(["optimal", "feasible"]),
    seed: z.number().int(),
    stoppedBy: z.string().describe("which limit ended the run: complete, proven-optimal, bound-met, work-limit, time-limit, aborted or solver-failed"),
    iterations: count,
    bound: z.looseObject({ filledSeats: count, leadSeats: count, peerSeats: count, reciprocityDeviation: z.number().nonnegative(), method: z.string() }),
    gap: z.number().min(0).max(1),
    proven: z.boolean(),
    elapsedMs: z.number().nonnegative(),
  }),
  goals: z
    .array(
      z.looseObject({
        id: z.string().describe("the goal's id: reciprocity, phase, preference, travel, repeat, first-review, same-school, reciprocal-pairs"),
        value: z.number().nonnegative().describe("the allocation's units of the goal (km for travel, pairs for same-school and reciprocal-pairs, seats otherwise)"),
        best: z.number().nonnegative().optional().describe("a proven bound: no valid allocation filling as many seats has fewer units of this goal alone"),
        method: z.string(),
      }),
    )
    .describe("every goal below the seats, with its proven bound (docs/solver.md, Goal bounds)"),
  goalsTier: z
    .looseObject({ value: z.number().nonnegative(), best: z.number().nonnegative().optional(), gap: z.number().min(0).max(1).optional() })
    .describe("the goals as a whole: the policy's weighted cost, its bound and the gap between them"),
  shortage: z
    .looseObject({
      skipped: z.literal(true).optional().describe("the run's time limit came first: nothing was measured"),
      advanced: z.looseObject({ teams: count, staffed: count, short: count }),
      actions: z.record(z.string(), z.looseObject({ amount: count, unit: z.string(), seats: count, seatsAtMost: count, proven: z.boolean() })),
    })
    .optional()
    .describe("what would fill the empty seats (shortage.csv's totals): advanced reviewer-places against teams, and each action's amount with the seats it fills at least and at most"),
  losers: z.looseObject({ withoutTeam: count, sendingWithoutTeam: count, placesSentWithoutTeam: count }).optional().describe("schools with no peer team, those of them still sending places, and how many"),
  fairness: z
    .looseObject({ protectedPhases: z.array(z.string()), minPeersPerTeam: count, protectedReviews: count, given: count, costInSeats: count.optional() })
    .optional()
    .describe("with protectedPhases or minPeersPerTeam: protected reviews given a team, and the cost in seats (the seat bound without fairness minus the seats filled)"),
  rejectedPins: z.array(z.looseObject({ assignment: AssignmentSchema, reason: z.string() })),
  dropped: z
    .array(z.looseObject({ assignment: AssignmentSchema, rule: z.string(), reason: z.string() }))
    .describe("rows the engine placed that broke a rule, taken out by solve (empty unless an engine is at fault; a run with any is never optimal)"),
  warnings: z.array(InputErrorSchema).describe("the input's warnings (columns not used, files read under another name, people with no dates)"),
  trustReciprocity: z
    .looseObject({ trusts: count, ...reciprocityFigures, inBalanceShare: share, meetingCommitmentShare: share })
    .optional()
    .describe("in a year with TPRs: the reciprocity of the trusts, counted as trust-ledger.csv counts it"),
  emptySeats: z
    .looseObject({
      seats: count,
      leadSeats: count,
      peerSeats: count,
      reviews: count,
      withoutLead: count,
      noPeerTeam: count,
      shortOfPeers: count,
      total: count.optional(),
      byCause: z.record(z.string(), count).optional().describe("seats by the reason unfilled.csv gives: frozen, pin, rule, composition, busy, advanced, fuller, unexplained"),
    })
    .describe("the empty seats, the one count: by review (reviews with any empty seat, without a Lead Reviewer, without a peer team, short of peers) and, where the empty seats were explained, by reason (summary.json)"),
  letters: z.looseObject({ total: count, withoutEmail: count }).optional().describe("the letters written to letters.csv, and how many have no e-mail address (summary.json)"),
  season: z
    .looseObject({
      freezeBefore: z.string().describe("the as-of date: reviews starting before it are kept as they are"),
      freezeBeforeFrom: z.enum(["today", "option"]),
      frozenReviews: count,
      replyBy: z.string().describe("the date answers are due"),
      confirmed: count,
      awaitingAnswer: count,
      declined: count,
      withdrawn: count,
      withdrawals: count,
      askedNoMore: count,
      toChase: count,
      disturbed: count.describe("people moved or taken off who had not asked for it"),
      changedRows: count,
      notices: count,
      answers: z.looseObject({ confirmed: count, declined: count, reoffered: z.boolean() }).optional().describe("qar respond: the answers of this round"),
    })
    .optional()
    .describe("after qar respond or qar repair: as of when, and where the answers stand"),
  repair: z
    .looseObject({
      changes: count.optional().describe("the changed rows of the option written"),
      options: z.array(z.looseObject({ changes: count, seats: count, fullTeams: count, disturbed: count.optional(), proven: z.boolean(), chosen: z.boolean() })),
    })
    .optional()
    .describe("after qar respond or qar repair: the most seats for each number of changed rows (options.csv)"),
});

const violation = z.looseObject({ rule: z.string(), reviewId: z.string().optional(), personId: z.string().optional(), message: z.string() });

/** `qar check --json`: whether every hard rule holds, each violation, and the allocation's figures. */
export const CheckOutputSchema = z.looseObject({
  ok,
  valid: z.boolean().describe("no hard rule is broken (qar check exits 2 when false)"),
  violations: z.array(violation),
  metrics: z.looseObject({
    ...metrics,
    reciprocity: z.looseObject({ schools: count, ...reciprocityFigures }),
    trustReciprocity: z.looseObject({ trusts: count, ...reciprocityFigures }).optional(),
  }),
});

const role = z.enum(["lead", "peer"]);

/** `qar explain --json`: one entry per review and role with empty seats, and the certificates of seats no allocation fills. */
export const ExplainOutputSchema = z.looseObject({
  ok,
  freezeBefore: z.string().optional().describe("the as-of date the seats are explained at (--freeze-before, or the one the step that wrote the allocation used)"),
  seats: z.array(
    z.looseObject({
      reviewId: z.string(),
      hostSchoolId: z.string(),
      role,
      missing: count,
      funnel: z.array(z.looseObject({ rule: z.string(), remaining: count })).describe("people left after each rule, in order"),
      reason: z.string(),
      cause: z.string().describe("the reason in one word, as unfilled.csv and summary.json's emptySeats count it: frozen, pin, rule, composition, busy, advanced, fuller"),
      remedies: z.array(z.string()),
    }),
  ),
  certificates: z.array(
    z.looseObject({ role, reviewIds: z.array(z.string()), seats: count, people: count, capacity: count, shortfall: count, summary: z.string() }),
  ),
});

/** `qar plan --json`: the weeks, the seats reachable before and after the proposed date moves, and the moves. */
export const PlanOutputSchema = z.looseObject({
  ok,
  out: z.string(),
  weeks: count,
  weeksShort: count,
  weekShortfall: count,
  seats: count,
  measure: z.enum(["exact", "bound"]),
  before: count,
  after: count,
  moves: z.array(z.looseObject({ reviewId: z.string(), fromStart: z.string(), toStart: z.string(), seatsGained: count })),
  applied: z.string().optional().describe("with --apply: the reviews.csv written with the moves made"),
});

const BASE = "https://github.com/qar-allocator/qar-allocator/blob/main/schema";

/**
 * The schema with each `type: ["string", "number"]` written as `anyOf` of one type each: the
 * same meaning, and what Ajv's strict mode (`strictTypes`) accepts without `allowUnionTypes`.
 */
function separateTypes(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(separateTypes);
  if (typeof node !== "object" || node === null) return node;
  const entries = Object.entries(node).map(([key, value]) => [key, separateTypes(value)] as const);
  const object: Record<string, unknown> = Object.fromEntries(entries);
  if (!Array.isArray(object.type)) return object;
  const { type, ...rest } = object;
  return { ...rest, anyOf: (type as string[]).map((one) => ({ type: one })) };
}

/**
 * The shipped schemas by file stem (`schema/<name>.schema.json`, `qar-allocator/schema/<name>.json`).
 *
 * @example
 * const name: SchemaName = "problem";
 * const schema = jsonSchemas()[name];
 */
export type SchemaName = "problem" | "policy" | "result" | "check" | "explain" | "plan";

/**
 * The JSON Schemas shipped in the package's `schema/` folder (`qar-allocator/schema/problem.json`,
 * `policy.json`, `result.json`, `check.json`, `explain.json`, `plan.json`), generated from the
 * zod schemas: the problem a service may post (`validateProblem` checks the same and more:
 * references, dates, ids), a policy.json, a solve's summary, and the `--json` outputs of
 * `qar check`, `qar explain` and `qar plan`. Draft 2020-12; each compiles in Ajv's strict mode,
 * and says its format version (`SCHEMA_VERSION`) in `$comment`.
 *
 * @example const { problem } = jsonSchemas(); // write it out, or hand it to a JSON Schema validator
 */
export function jsonSchemas(): Record<SchemaName, Record<string, unknown>> {
  const generate = (name: SchemaName, schema: z.ZodType, title: string) => ({
    $id: `${BASE}/${name}.schema.json`,
    title,
    $comment: `qar-allocator format version ${SCHEMA_VERSION} (schemaVersion)`,
    ...(separateTypes(z.toJSONSchema(schema, { io: "input", unrepresentable: "any" })) as Record<string, unknown>),
  });
  return {
    problem: generate("problem", ProblemInputSchema, "qar-allocator problem: one partnership year"),
    policy: generate("policy", PolicyOverridesSchema, "qar-allocator policy.json: any subset of the policy keys, merged over the defaults"),
    result: generate("result", ResultSchema, "qar-allocator result: summary.json and qar solve --json"),
    check: generate("check", CheckOutputSchema, "qar-allocator qar check --json"),
    explain: generate("explain", ExplainOutputSchema, "qar-allocator qar explain --json"),
    plan: generate("plan", PlanOutputSchema, "qar-allocator qar plan --json"),
  };
}
