import { DEFAULT_KIND, type Kind } from "../../model/kinds.js";
import type { Review } from "../../model/schema.js";
import type { CellReader } from "../cells.js";
import { LIMITS } from "./shared.js";

/**
 * The host of a review by its kind: a school (`school_id`, with `trust_id` blank) or, for a kind
 * hosted by a trust such as `tpr`, a trust (`trust_id`, with `school_id` blank).
 */
function hostCells(c: CellReader, kindId: string, kind: Kind | undefined): { schoolId?: string; trustId?: string } | undefined {
  if (kind?.host === "trust") {
    if (c.raw("school_id") !== "") return c.fail("school_id", `must be blank for a ${kindId} review: it is of a trust (give the trust in trust_id)`);
    const trustId = c.required("trust_id", `the id of the host trust (a ${kindId} review is of a trust)`);
    return trustId === undefined ? undefined : { trustId };
  }
  if (c.raw("trust_id") !== "") return c.fail("trust_id", `must be blank for a ${kindId} review: it is of a school (the host's trust comes from schools.csv)`);
  const schoolId = c.required("school_id", "the id of the host school");
  return schoolId === undefined ? undefined : { schoolId };
}

/**
 * One row of `reviews.csv`; `undefined` when a cell it cannot do without is bad. A blank `days`
 * takes the policy's `defaultReviewDays`, a blank `kind` is `qar`.
 */
export function reviewRow(c: CellReader, defaultDays: number, kinds: Readonly<Record<string, Kind>>): Review | undefined {
  const id = c.required("id", "a review id");
  const kindCell = c.raw("kind");
  const kind = c.kind("kind", Object.keys(kinds));
  const host = kindCell === "" || kind !== undefined ? hostCells(c, kind ?? DEFAULT_KIND, kinds[kind ?? DEFAULT_KIND]) : undefined;
  const start = c.date("start");
  const days = c.number("days", { integer: true, min: 1, max: LIMITS.days }) ?? defaultDays;
  const seats = c.number("seats", { integer: true, min: 0, max: LIMITS.seats });
  // The dates the school would accept instead (qar plan proposes moves within them).
  const window = c.ranges("window");
  if (id === undefined || host === undefined || start === undefined) return undefined;
  return { id, ...host, start, days, ...(seats !== undefined ? { seats } : {}), ...(kind !== undefined && kindCell !== "" ? { kind } : {}), ...(window.length > 0 ? { window } : {}) };
}
