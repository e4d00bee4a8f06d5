/**
 * A reviewer's or Lead Reviewer's row as the rules read it (`PersonInfo`): availability as day
 * ranges, sets of conflicts, phases, preferences and kinds, the school's place keys. A person's
 * info depends on their row, their school and the policy's default maximum alone.
 */
import { mergeRanges, parseDay, type DayRange } from "./dates.js";
import type { Coordinates } from "./geo.js";
import { DEFAULT_KIND, kindKey } from "./kinds.js";
import type { Policy } from "./policy.js";
import type { LeadReviewer, Reviewer, School } from "./schema.js";
import { placeKeys } from "./values.js";
import type { PersonInfo } from "./year.js";

function coordinatesOf(item: { lat?: number | undefined; lon?: number | undefined }): Coordinates | undefined {
  return item.lat !== undefined && item.lon !== undefined ? { lat: item.lat, lon: item.lon } : undefined;
}

function emailOf(item: { email?: string | undefined }): { email?: string } {
  const email = item.email?.trim();
  return email ? { email } : {};
}

function availability(ranges: readonly { from: string; to: string }[]): DayRange[] {
  const days: DayRange[] = [];
  for (const range of ranges) {
    const from = parseDay(range.from);
    const to = parseDay(range.to);
    if (from !== undefined && to !== undefined && from <= to) days.push({ from, to });
  }
  return mergeRanges(days);
}

/** A person's kinds: those listed, or `qar` alone when none is. */
function kindsOf(listed: readonly string[] | undefined): ReadonlySet<string> {
  const kinds = (listed ?? []).map(kindKey).filter((k) => k !== "");
  return new Set(kinds.length > 0 ? kinds : [DEFAULT_KIND]);
}

/** A reviewer of `school`, numbered `index` among the year's reviewers. */
export function reviewerInfo(reviewer: Reviewer, school: School, policy: Policy, index: number): PersonInfo {
  const coordinates = coordinatesOf(school);
  return {
    id: reviewer.id,
    name: reviewer.name,
    role: "peer",
    index,
    school,
    homeKeys: placeKeys(school),
    level: reviewer.level,
    available: availability(reviewer.available),
    maxReviews: reviewer.maxReviews ?? policy.defaultMaxReviews,
    conflicts: new Set(reviewer.conflicts),
    phases: new Set(reviewer.phases),
    prefers: new Set(reviewer.prefers),
    kinds: kindsOf(reviewer.kinds),
    ...(coordinates ? { coordinates } : {}),
    ...emailOf(reviewer),
  };
}

/** A Lead Reviewer, numbered `index` among the year's leads. */
export function leadInfo(lead: LeadReviewer, policy: Policy, index: number): PersonInfo {
  const coordinates = coordinatesOf(lead);
  return {
    id: lead.id,
    name: lead.name,
    role: "lead",
    index,
    homeKeys: {},
    available: availability(lead.available),
    maxReviews: lead.maxReviews ?? policy.defaultMaxReviews,
    conflicts: new Set(lead.conflicts),
    phases: new Set(lead.phases),
    prefers: new Set<string>(),
    kinds: kindsOf(lead.kinds),
    ...(coordinates ? { coordinates } : {}),
    ...emailOf(lead),
  };
}
