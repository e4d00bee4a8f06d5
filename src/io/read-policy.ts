/**
 * The one reader of settings files, `policy.json` of a year and of a cohort: one JSON object
 * whose keys are merged over the defaults. Decoding, JSON parsing, the value checks' words and
 * the errors (file, key, what is wrong, an unknown key with the key it was probably meant to
 * be) live here once; each file brings only its schema and its keys (`SettingsFormat`).
 */
import type { z } from "zod";
import { KindSchema } from "../model/kinds.js";
import { makePolicy, PolicyOverridesSchema, SeatBandSchema, WeightsSchema, type Policy } from "../model/policy.js";
import { closeKey, excerpt } from "../model/text.js";
import type { InputError } from "./errors.js";
import { decodeUtf8 } from "./read-csv.js";

/** Line and character of a JSON.parse error (`... at position 12`), for a person looking at the file. */
function jsonWhere(text: string, message: string): string {
  const position = /at position (\d+)/.exec(message);
  if (!position) return "";
  const before = text.slice(0, Number(position[1]));
  const line = before.split("\n").length;
  return ` (line ${line}, character ${before.length - before.lastIndexOf("\n")})`;
}

/**
 * What a settings file holds: how to check and merge its object over the defaults, and the
 * words its messages use.
 */
export interface SettingsFormat<T> {
  /** The object merged over the defaults and checked: the settings, or zod's issues. */
  readonly make: (json: object) => { readonly success: true; readonly data: T } | { readonly success: false; readonly error: z.ZodError };
  /** The keys allowed where an unknown key was found (`path` is the object holding it). */
  readonly knownKeys: (path: readonly PropertyKey[]) => string[];
  /** What the keys are called in messages: "policy keys", "group policy keys". */
  readonly keysAre: string;
  /** One key as an example object, e.g. `{"minDistanceKm": 15}`. */
  readonly example: string;
}

/** The keys allowed where an unknown key was found: the top level, `weights`, a kind (`kinds.tpr`), or a seat band. */
function yearPolicyKeys(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(PolicyOverridesSchema.shape);
  if (path[0] === "weights") return Object.keys(WeightsSchema.shape);
  if (path[0] === "kinds" && path.length === 2) return Object.keys(KindSchema.shape);
  return Object.keys(SeatBandSchema.shape);
}

/** A zod issue of the policy in plain words: what the value must be, not the schema's jargon. */
function policyIssueMessage(issue: z.core.$ZodIssue, key: string, knownKeys: SettingsFormat<unknown>["knownKeys"]): string {
  switch (issue.code) {
    case "unrecognized_keys": {
      // One key per error (see parseSettings); the message names it and what it was probably meant to be.
      const known = knownKeys(issue.path);
      const unknown = issue.keys[0] ?? "";
      const close = closeKey(unknown, known);
      return `unknown policy key ${excerpt(unknown)}${close ? ` (did you mean "${close}"?)` : " (a typo?)"}${key ? ` in "${key}"` : ""}; known keys: ${known.join(", ")}`;
    }
    case "too_small":
      if (issue.origin === "array") return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? "y" : "ies"}`;
      // The schema's own words say why (a seat weight); otherwise the bound, as it is (above 0, or 0 or more).
      if (issue.message.startsWith("must ")) return issue.message;
      return issue.inclusive === false ? `must be above ${String(issue.minimum)}` : `must be ${String(issue.minimum)} or more`;
    case "too_big":
      return issue.origin === "array" ? `has too many entries (at most ${String(issue.maximum)})` : `must be ${String(issue.maximum)} or less`;
    case "invalid_type":
      return issue.expected === "int" ? "must be a whole number" : `must be ${issue.expected === "object" ? "an object" : issue.expected === "array" ? "a list [...]" : `a ${issue.expected}`}`;
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => String(v)).join(", ")}`;
    case "invalid_key":
      // A key of a table such as `kinds`: say what a key must be.
      return issue.issues[0]?.message ?? issue.message;
    default:
      return issue.message;
  }
}

/** The file as one JSON object, or `undefined` with the reason pushed onto `errors`. */
function jsonObject(name: string, contents: string | Uint8Array, errors: InputError[], format: SettingsFormat<unknown>): object | undefined {
  const decoded = decodeUtf8(contents, name);
  if ("error" in decoded) {
    errors.push(decoded.error);
    return undefined;
  }
  if (decoded.text.trim() === "") {
    errors.push({ code: "bad-policy", file: name, message: `is empty; write {} for the defaults, or one JSON object of ${format.keysAre} such as ${format.example}` });
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(decoded.text);
  } catch (cause) {
    const message = (cause as Error).message;
    errors.push({ code: "bad-policy", file: name, message: `is not valid JSON${jsonWhere(decoded.text, message)}: ${message.replace(/ in JSON at position \d+.*$/, "")}` });
    return undefined;
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    errors.push({ code: "bad-policy", file: name, message: `must be one JSON object of ${format.keysAre}, e.g. ${format.example}` });
    return undefined;
  }
  return json;
}

/**
 * Reads a settings file in `format`: every problem is pushed onto `errors` in plain words, an
 * unknown key with the key it was probably meant to be (one error per key, its path as the
 * column); `undefined` when there was any.
 *
 * @example
 * const errors: InputError[] = [];
 * const policy = parseSettings("policy.json", '{"minDistanceKm": 15}', errors, YEAR_POLICY);
 */
export function parseSettings<T>(name: string, contents: string | Uint8Array, errors: InputError[], format: SettingsFormat<T>): T | undefined {
  const json = jsonObject(name, contents, errors, format);
  if (json === undefined) return undefined;
  const policy = format.make(json);
  if (policy.success) return policy.data;
  // An unknown key is reported as that key (one error each), so the user sees which to fix.
  const issues = policy.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys" && issue.keys.length > 1 ? issue.keys.map((k) => ({ ...issue, keys: [k] })) : [issue],
  );
  for (const issue of issues) {
    const key = issue.path.map(String).join(".");
    const column = issue.code === "unrecognized_keys" ? [...issue.path.map(String), issue.keys[0] ?? ""].join(".") : key;
    errors.push({ code: "bad-policy", file: name, ...(column ? { column } : {}), message: policyIssueMessage(issue, key, format.knownKeys) });
  }
  return undefined;
}

/** A year's `policy.json`: the allocation policy (seat bands, weights, kinds, distances). */
export const YEAR_POLICY: SettingsFormat<Policy> = {
  make: (json) => {
    const overrides = PolicyOverridesSchema.safeParse(json);
    return overrides.success ? makePolicy(overrides.data) : overrides;
  },
  knownKeys: yearPolicyKeys,
  keysAre: "policy keys",
  example: '{"minDistanceKm": 15}',
};

/**
 * Reads `policy.json` (or the file given with `--policy`): one flat JSON object whose keys are
 * merged over the defaults. Every problem is pushed onto `errors` in plain words, an unknown key
 * with the key it was probably meant to be; `undefined` when there was any.
 *
 * @example
 * const errors: InputError[] = [];
 * const policy = parsePolicy("policy.json", '{"minDistanceKm": 15}', errors);
 */
export function parsePolicy(name: string, contents: string | Uint8Array, errors: InputError[]): Policy | undefined {
  return parseSettings(name, contents, errors, YEAR_POLICY);
}
