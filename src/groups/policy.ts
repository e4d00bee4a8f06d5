import { z } from "zod";

const size = z.number().int().min(2).max(12);
const count = z.number().int().nonnegative().max(100);

/**
 * Every group policy setting, all with defaults. A cohort's `policy.json` holds any subset.
 *
 * @example
 * const policy = GroupPolicySchema.parse({ ...DEFAULT_GROUP_POLICY, maxGroupSize: 5 });
 */
export const GroupPolicySchema = z
  .object({
    /** Fewest schools in a group. */
    minGroupSize: size,
    /** Most schools in an ordinary group. */
    maxGroupSize: size,
    /** Groups per programme that may have one school more than `maxGroupSize` (one phase only). */
    oversizeGroups: count,
    /** Groups per programme that may mix phases. */
    mixedPhaseGroups: count,
    /** How many of the most recent years of `history.csv` count for the fresh-pairs goal. */
    historyYears: z.number().int().nonnegative().max(50),
    /** Groups a facilitator may lead when `max_groups` is blank. */
    defaultMaxGroups: count,
  })
  .strict()
  .refine((p) => p.minGroupSize <= p.maxGroupSize, { message: "minGroupSize must not exceed maxGroupSize", path: ["minGroupSize"] });
/**
 * Every group policy setting (docs/groups.md).
 *
 * @example
 * const policy: GroupPolicy = { ...DEFAULT_GROUP_POLICY, mixedPhaseGroups: 1 };
 */
export type GroupPolicy = z.infer<typeof GroupPolicySchema>;

/**
 * The documented defaults (docs/groups.md): trios and quads of one phase, three years of history.
 *
 * @example
 * const result = await group({ ...cohort, policy: { ...DEFAULT_GROUP_POLICY, oversizeGroups: 1 } });
 */
export const DEFAULT_GROUP_POLICY: GroupPolicy = {
  minGroupSize: 3,
  maxGroupSize: 4,
  oversizeGroups: 0,
  mixedPhaseGroups: 0,
  historyYears: 3,
  defaultMaxGroups: 2,
};

/**
 * The keys a cohort's `policy.json` may hold: every key optional; an unknown key is an error.
 *
 * @example
 * const overrides = GroupPolicyOverridesSchema.safeParse(JSON.parse(policyJson)); // a cohort's policy.json
 */
export const GroupPolicyOverridesSchema = z
  .object({
    minGroupSize: size.optional(),
    maxGroupSize: size.optional(),
    oversizeGroups: count.optional(),
    mixedPhaseGroups: count.optional(),
    historyYears: z.number().int().nonnegative().max(50).optional(),
    defaultMaxGroups: count.optional(),
  })
  .strict();
/**
 * A cohort's `policy.json`: any subset of the group policy's keys.
 *
 * @example
 * const overrides: GroupPolicyOverrides = { maxGroupSize: 5 };
 * const policy = makeGroupPolicy(overrides);
 */
export type GroupPolicyOverrides = z.infer<typeof GroupPolicyOverridesSchema>;

/**
 * Merges overrides over the defaults and validates the result.
 *
 * @example makeGroupPolicy({ oversizeGroups: 1 }) // one group of 5 allowed per programme
 */
export function makeGroupPolicy(overrides: GroupPolicyOverrides = {}): z.ZodSafeParseResult<GroupPolicy> {
  const given = Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
  return GroupPolicySchema.safeParse({ ...DEFAULT_GROUP_POLICY, ...given });
}

/** Group sizes in words: "3–4". */
export function sizeRange(policy: GroupPolicy): string {
  return policy.minGroupSize === policy.maxGroupSize ? `${policy.minGroupSize}` : `${policy.minGroupSize}–${policy.maxGroupSize}`;
}

/** Whether `count` schools split into groups of the policy's sizes (with its groups of one more). */
export function canSplit(count: number, policy: GroupPolicy): boolean {
  for (let extra = 0; extra <= policy.oversizeGroups; extra += 1) {
    const rest = count - extra * (policy.maxGroupSize + 1);
    if (rest < 0) break;
    for (let groups = 0; groups * policy.minGroupSize <= rest; groups += 1) if (rest <= groups * policy.maxGroupSize) return true;
  }
  return false;
}

/** The most of `count` schools that groups of the policy's sizes can hold (5 with groups of 3–4: 4). */
export function largestSplit(count: number, policy: GroupPolicy): number {
  let n = count;
  while (n > 0 && !canSplit(n, policy)) n -= 1;
  return n;
}
