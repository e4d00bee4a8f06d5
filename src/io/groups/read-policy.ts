import { GroupPolicyOverridesSchema, makeGroupPolicy, type GroupPolicy } from "../../groups/policy.js";
import type { InputError } from "../errors.js";
import { parseSettings, type SettingsFormat } from "../read-policy.js";

const KNOWN = Object.keys(GroupPolicyOverridesSchema.shape);

/** A cohort's `policy.json`: the group policy (sizes, oversize and mixed groups, history), one flat object. */
export const GROUP_POLICY: SettingsFormat<GroupPolicy> = {
  make: (json) => {
    const overrides = GroupPolicyOverridesSchema.safeParse(json);
    return overrides.success ? makeGroupPolicy(overrides.data) : overrides;
  },
  knownKeys: () => KNOWN,
  keysAre: "group policy keys",
  example: '{"oversizeGroups": 1}',
};

/**
 * Reads a cohort's `policy.json` with the one settings reader (`parseSettings`): group policy
 * keys merged over the defaults; an unknown key is an error naming it (usually a typo), one
 * error per key.
 *
 * @example
 * const errors: InputError[] = [];
 * const policy = parseGroupPolicy("policy.json", '{"oversizeGroups": 1}', errors);
 */
export function parseGroupPolicy(name: string, contents: string | Uint8Array, errors: InputError[]): GroupPolicy | undefined {
  return parseSettings(name, contents, errors, GROUP_POLICY);
}
