import { z } from "zod";
import { SeatBandSchema, type SeatBand } from "./schema.js";

/**
 * The locality checks a kind of review may apply between a reviewer's school and the host:
 * the host school itself, its hub, its locality, its trust, and the minimum distance.
 */
export const LOCALITY_CHECKS = ["school", "hub", "locality", "trust", "distance"] as const;
export type LocalityCheck = (typeof LOCALITY_CHECKS)[number];

/** A kind's id: lower case, as `reviews.csv` and the `kinds` columns spell it (`qar`, `tpr`, `mlqar`). */
export const KindIdSchema = z.string().regex(/^[a-z][a-z0-9-]*$/, { message: "a kind's id is lower-case letters, digits and dashes, starting with a letter (e.g. \"tpr\")" });

/** What `seats` may be: a fixed number of peer seats, or a band table like `seatBands`. */
const KindSeatsSchema = z.union([z.number().int().nonnegative().max(50), z.array(SeatBandSchema.strict()).min(1)]);

/**
 * One kind of review in the policy's `kinds` table: what it is called, what it is of, how its
 * team is made up and whom its reciprocity is counted for. `seats` and `minAdvancedPerTeam`
 * left out take the policy's top-level `seatBands` and `minAdvancedPerTeam`.
 *
 * @example
 * const kinds = { ...DEFAULT_KINDS, "peer-visit": KindSchema.parse({ ...DEFAULT_KINDS.qar, name: "Peer Visit", label: "Peer Visit" }) };
 */
export const KindSchema = z
  .object({
    /** The kind's name in letters and reports ("Trust Peer Review"). */
    name: z.string().min(1),
    /** The words that start a calendar entry ("QA Review", "Trust Peer Review"). */
    label: z.string().min(1),
    /** What a review of this kind is of: a school (`school_id`) or a trust (`trust_id`). */
    host: z.enum(["school", "trust"]),
    /** Peer seats: a number, or bands by phase and pupils; left out, the policy's `seatBands`. */
    seats: KindSeatsSchema.optional(),
    /** Advanced peers every team with peers must have; left out, the policy's `minAdvancedPerTeam`. */
    minAdvancedPerTeam: z.number().int().nonnegative().max(10).optional(),
    /** Locality checks that keep a reviewer off: never the host school, its hub, ... */
    exclude: z.array(z.enum(LOCALITY_CHECKS)),
    /** Locality checks a reviewer must meet: `hub` = only reviewers from the host's hub. */
    require: z.array(z.enum(["hub"])),
    /** At most this many peers of one trust on a team; `null` = no cap. */
    maxPerTrustPerTeam: z.number().int().positive().max(50).nullable(),
    /** At most this many peers of one hub on a team; `null` = no cap. */
    maxPerHubPerTeam: z.number().int().positive().max(50).nullable(),
    /** At most this many trainee peers on a team; `null` = no cap. */
    maxTraineesPerTeam: z.number().int().nonnegative().max(50).nullable(),
    /** Whom the reciprocity of this kind is counted for: each school, or each trust. */
    reciprocity: z.enum(["school", "trust"]),
  })
  .strict();
/**
 * One kind of review in the policy's `kinds` table (docs/kinds.md).
 *
 * @example
 * const tpr: Kind = DEFAULT_KINDS.tpr!;
 * console.log(tpr.name, tpr.host, tpr.reciprocity); // "Trust Peer Review" "trust" "trust"
 */
export type Kind = z.infer<typeof KindSchema>;

/** A kind as a `policy.json` may state it: any subset of the keys, merged over the built-in kind. */
export const KindOverrideSchema = KindSchema.partial().strict();
/**
 * A kind as a `policy.json` may state it: any subset of its keys, merged over the built-in kind.
 *
 * @example
 * const kinds = mergeKinds({ tpr: { maxPerTrustPerTeam: 2 } satisfies KindOverride });
 */
export type KindOverride = z.infer<typeof KindOverrideSchema>;

/** The kind every review is when `reviews.csv` gives none, and everyone serves when `kinds` is blank. */
export const DEFAULT_KIND = "qar";

/** A QAR: the rules as they always were (every locality check, no caps, reciprocity by school). */
const QAR: Kind = {
  name: "Quality Assurance Review",
  label: "QA Review",
  host: "school",
  exclude: ["school", "hub", "locality", "trust", "distance"],
  require: [],
  maxPerTrustPerTeam: null,
  maxPerHubPerTeam: null,
  maxTraineesPerTeam: null,
  reciprocity: "school",
};

/**
 * The built-in kinds. `qar` is exactly the rules of the top-level policy keys; `tpr` (Trust Peer
 * Review) is of a trust, by six trust leaders from six other trusts, no advanced requirement,
 * reciprocity by trust; `mlqar` (Middle Leader QAR) is run inside a hub: reviewers from the
 * host's hub, never from the host school.
 *
 * @example
 * console.log(Object.keys(DEFAULT_KINDS)); // ["qar", "tpr", "mlqar"]
 */
export const DEFAULT_KINDS: Readonly<Record<string, Kind>> = inSchemaOrder({
  qar: QAR,
  tpr: {
    ...QAR,
    name: "Trust Peer Review",
    label: "Trust Peer Review",
    host: "trust",
    seats: 6,
    minAdvancedPerTeam: 0,
    exclude: ["trust"],
    maxPerTrustPerTeam: 1,
    reciprocity: "trust",
  },
  mlqar: {
    ...QAR,
    name: "Middle Leader Quality Assurance Review",
    label: "Middle Leader QA Review",
    exclude: ["school"],
    require: ["hub"],
  },
});

/**
 * Each kind with its keys in the schema's order, as a parsed policy holds them: a policy written
 * back (`policyOverrides`) compares kinds as JSON, so the built-in ones must match key for key.
 */
function inSchemaOrder(kinds: Record<string, Kind>): Record<string, Kind> {
  return Object.fromEntries(Object.entries(kinds).map(([id, kind]) => [id, KindSchema.parse(kind)]));
}

/**
 * The kinds table of a policy: each kind a `policy.json` names merged over its built-in (a new
 * kind over `qar`'s rules, named after its id), the built-in kinds it leaves out kept.
 *
 * @example mergeKinds({ tpr: { seats: 5 } }).tpr.seats // 5, the rest of the built-in tpr
 */
export function mergeKinds(overrides: Readonly<Record<string, KindOverride | undefined>> = {}): Record<string, Kind> {
  const kinds: Record<string, Kind> = { ...DEFAULT_KINDS };
  for (const [id, override] of Object.entries(overrides)) {
    if (!override) continue;
    const base = DEFAULT_KINDS[id] ?? { ...QAR, name: id, label: id };
    kinds[id] = { ...base, ...Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined)) };
  }
  return kinds;
}

/**
 * What a kinds table may not say, beyond each key's own type: a kind hosted by a trust has no
 * phase or size for bands (its seats are a number) and no hub to require; a hub cannot be both
 * required and excluded; `qar` must stay. Each issue with the path of the key at fault.
 *
 * @example kindIssues(mergeKinds({ tpr: { seats: [{ phase: "primary", seats: 2 }] } })) // [{ path: ["kinds", "tpr", "seats"], ... }]
 */
export function kindIssues(kinds: Readonly<Record<string, Kind>>): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (!kinds[DEFAULT_KIND]) issues.push({ path: ["kinds"], message: `must keep the kind "${DEFAULT_KIND}"` });
  for (const [id, kind] of Object.entries(kinds)) {
    if (kind.host === "trust" && typeof kind.seats !== "number") {
      issues.push({ path: ["kinds", id, "seats"], message: `${id}: a kind hosted by a trust needs a number of seats (a trust has no phase or pupils for bands)` });
    }
    if (kind.host === "trust" && kind.require.includes("hub")) {
      issues.push({ path: ["kinds", id, "require"], message: `${id}: a kind hosted by a trust cannot require the host's hub (a trust has none)` });
    }
    if (kind.require.includes("hub") && kind.exclude.includes("hub")) {
      issues.push({ path: ["kinds", id, "exclude"], message: `${id}: the hub cannot be both required and excluded` });
    }
  }
  return issues;
}

/**
 * The band tables a kinds table holds, by kind id, for the band checks the top-level table gets.
 *
 * @example kindBands(mergeKinds({ mlqar: { seats: [{ phase: "primary", seats: 2 }] } })) // [["mlqar", [{ phase: "primary", seats: 2 }]]]
 */
export function kindBands(kinds: Readonly<Record<string, Kind>>): [string, readonly SeatBand[]][] {
  return Object.entries(kinds).flatMap(([id, kind]) => (Array.isArray(kind.seats) ? [[id, kind.seats] as [string, readonly SeatBand[]]] : []));
}

/**
 * A kind id as cells spell it: trimmed, lower case.
 *
 * @example kindKey(" TPR") // "tpr"
 */
export const kindKey = (text: string): string => text.trim().toLowerCase();
