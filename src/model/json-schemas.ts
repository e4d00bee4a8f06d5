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
  phaseMatch: z.looseObject({ matched: count, assigned: count, share }),
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
  rejectedPins: z.array(z.looseObject({ assignment: AssignmentSchema, reason: z.string() })),
  dropped: z
    .array(z.looseObject({ assignment: AssignmentSchema, rule: z.string(), reason: z.string() }))
    .describe("rows the engine placed that broke a rule, taken out by solve (empty unless an engine is at fault; a run with any is never optimal)"),
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
