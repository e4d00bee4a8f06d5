import { z } from "zod";
import { InputErrorSchema } from "./errors-schema.js";
import { PolicyOverridesSchema } from "./policy.js";
import { AssignmentSchema } from "./schema.js";
import { ProblemInputSchema, SCHEMA_VERSION } from "./validate.js";

/**
 * The result of a solve as JSON: `summary.json` and the output of `qar solve --json` (which adds
 * `out`). Open objects: a later version may add fields, never rename or remove one without a new
 * `schemaVersion`.
 */
const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1);
const seats = z.object({ total: count, lead: count, peer: count });

export const ResultSchema = z.looseObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  reviews: count,
  seats,
  filled: seats,
  filledShare: share,
  fullTeams: count,
  fullTeamShare: share,
  reciprocity: z.looseObject({
    schools: count,
    inBalance: count,
    meetingCommitment: count,
    withinTolerance: count,
    tolerance: count,
    totalDeviation: count,
    worstDeviation: count,
    inBalanceShare: share,
    meetingCommitmentShare: share,
  }),
  emptySeats: z
    .looseObject({ seats: count, leadSeats: count, peerSeats: count, reviews: count, withoutLead: count, noPeerTeam: count, shortOfPeers: count })
    .describe("the empty seats by review: reviews with any empty seat, without a Lead Reviewer, without a peer team, short of peers"),
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
  shortage: z
    .looseObject({
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
  warnings: z.array(InputErrorSchema).describe("the input's warnings (columns not used, files read under another name, people with no dates)"),
});

const BASE = "https://github.com/qar-allocator/qar-allocator/blob/main/schema";

/**
 * The JSON Schemas shipped in the package's `schema/` folder (`qar-allocator/schema/problem.json`,
 * `policy.json`, `result.json`), generated from the zod schemas: the problem a service may post
 * (`validateProblem` checks the same and more: references, dates, ids), a policy.json, and a
 * solve's summary. Each carries `schemaVersion`.
 *
 * @example const { problem } = jsonSchemas(); // write it out, or hand it to a JSON Schema validator
 */
export function jsonSchemas(): Record<"problem" | "policy" | "result", Record<string, unknown>> {
  const generate = (name: string, schema: z.ZodType, title: string) => ({
    $id: `${BASE}/${name}.schema.json`,
    title,
    schemaVersion: SCHEMA_VERSION,
    ...z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }),
  });
  return {
    problem: generate("problem", ProblemInputSchema, "qar-allocator problem: one partnership year"),
    policy: generate("policy", PolicyOverridesSchema, "qar-allocator policy.json: any subset of the policy keys, merged over the defaults"),
    result: generate("result", ResultSchema, "qar-allocator result: summary.json and qar solve --json"),
  };
}
