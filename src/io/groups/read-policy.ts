import type { z } from "zod";
import { GroupPolicyOverridesSchema, makeGroupPolicy, type GroupPolicy } from "../../groups/policy.js";
import type { InputError } from "../errors.js";
import { decodeUtf8 } from "../read-csv.js";

const KNOWN = Object.keys(GroupPolicyOverridesSchema.shape);
const squash = (key: string) => key.toLowerCase().replace(/[\s_-]+/g, "");

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      const key = issue.keys[0] ?? "";
      const close = KNOWN.find((k) => squash(k) === squash(key) || squash(k).startsWith(squash(key)) || squash(key).startsWith(squash(k)));
      return `unknown policy key "${key}"${close ? ` (did you mean "${close}"?)` : " (a typo?)"}; known keys: ${KNOWN.join(", ")}`;
    }
    case "too_small":
      return `must be ${String(issue.minimum)} or more`;
    case "too_big":
      return `must be ${String(issue.maximum)} or less`;
    case "invalid_type":
      return issue.expected === "int" ? "must be a whole number" : `must be a ${issue.expected}`;
    default:
      return issue.message;
  }
}

/**
 * Reads a cohort's `policy.json`: one flat JSON object of group policy keys merged over the
 * defaults. An unknown key is an error naming it (usually a typo), one error per key.
 */
export function parseGroupPolicy(name: string, contents: string | Uint8Array, errors: InputError[]): GroupPolicy | undefined {
  const decoded = decodeUtf8(contents, name);
  if ("error" in decoded) return void errors.push(decoded.error);
  let json: unknown;
  try {
    json = JSON.parse(decoded.text.trim() === "" ? "null" : decoded.text);
  } catch (cause) {
    return void errors.push({ code: "bad-policy", file: name, message: `is not valid JSON: ${(cause as Error).message}` });
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return void errors.push({ code: "bad-policy", file: name, message: 'must be one JSON object of group policy keys, e.g. {"oversizeGroups": 1}' });
  }
  const overrides = GroupPolicyOverridesSchema.safeParse(json);
  const policy = overrides.success ? makeGroupPolicy(overrides.data) : overrides;
  if (policy.success) return policy.data;
  for (const issue of policy.error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    for (const key of keys) {
      const one = key === undefined ? issue : { ...issue, keys: [key] };
      const column = key ?? issue.path.map(String).join(".");
      errors.push({ code: "bad-policy", file: name, ...(column ? { column } : {}), message: issueMessage(one as z.core.$ZodIssue) });
    }
  }
  return undefined;
}
