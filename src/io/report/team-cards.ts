import type { Assignment, Role } from "../../model/schema.js";
import { travelKm, type PersonInfo, type ReviewInfo, type Year } from "../../model/year.js";
import { h, hubName, plural, span } from "../html/format.js";
import { byStartThenId } from "./order.js";
import type { StandbyRow } from "../../plan/standby.js";
import { standbyBlock } from "../report-plan.js";
import type { ReportInput } from "./input.js";
import { hostWords, kindTag } from "./kinds.js";
import { STATUS, type Status } from "./status.js";

// Team cards: one per review, by start date then id, each person with school, hub, level and
// the distance travelled.

/**
 * The person's phases against the host's: what they list (a reviewer who lists none, their own
 * school's phase), marked when the list includes the host's.
 */
function phaseCell(person: PersonInfo | undefined, review: ReviewInfo): string {
  if (!person) return "";
  const listed = [...person.phases].join(", ");
  const own = person.role === "peer" && person.phases.size === 0 && person.school ? `<span class="muted">school: ${h(person.school.phase)}</span>` : "";
  const text = listed ? h(listed) : own || `<span class="muted">none listed</span>`;
  const known = review.host.phase !== undefined && person.phases.has(review.host.phase);
  return known ? `${text} <span class="match" title="knows the host's phase">✓</span>` : text;
}

/** The journey in km, flagged when longer than the policy's `longJourneyKm` (0: none flagged). */
function kmCell(km: number | undefined, longKm: number): string {
  if (km === undefined) return `<td class="num">–</td>`;
  const long = longKm > 0 && km > longKm;
  return long ? `<td class="num long" data-long-journey title="longer than ${longKm} km">${km.toFixed(0)} long</td>` : `<td class="num">${km.toFixed(0)}</td>`;
}

function personRow(year: Year, person: PersonInfo | undefined, personId: string, review: ReviewInfo, role: Role): string {
  const km = person ? travelKm(person, review.host) : undefined;
  const name = person ? person.name || person.id : personId;
  const school = person?.school;
  const independent = role === "lead" ? `<span class="muted">independent</span>` : "";
  const from = school ? `${h(school.name)} <span class="muted">${h(school.id)}</span>` : independent;
  const cells = [
    role === "lead" ? "Lead" : "peer",
    `${h(name)} <span class="muted">${h(personId)}</span>`,
    from,
    school ? h(hubName(school.hub)) : "",
    h(person?.level ?? ""),
    phaseCell(person, review),
  ];
  return `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}${kmCell(km, year.policy.longJourneyKm)}</tr>`;
}

function teamRows(year: Year, review: ReviewInfo, team: readonly Assignment[]): string[] {
  const leads = team.filter((a) => a.role === "lead");
  const peers = team.filter((a) => a.role === "peer");
  const empty = (seat: string, text: string) => `<tr class="empty"><td>${seat}</td><td colspan="6">${text}</td></tr>`;
  return [
    ...leads.map((a) => personRow(year, year.people.lead.get(a.personId), a.personId, review, "lead")),
    ...(leads.length === 0 ? [empty("Lead", "not filled")] : []),
    ...peers.map((a) => personRow(year, year.people.peer.get(a.personId), a.personId, review, "peer")),
    ...(peers.length < review.peerSeats ? [empty("peer", `${plural(review.peerSeats - peers.length, "seat")} not filled`)] : []),
  ];
}

const HEAD = `<thead><tr><th>seat</th><th>name</th><th>school</th><th>hub</th><th>level</th><th>phases</th><th class="num">km</th></tr></thead>`;

function teamCard(year: Year, review: ReviewInfo, team: readonly Assignment[], s: Status, standby: readonly StandbyRow[]): string {
  const peers = team.filter((a) => a.role === "peer").length;
  const { colour, label } = STATUS[s];
  const host = review.host;
  const seats = `${Math.min(peers, review.peerSeats)}/${review.peerSeats} peers`;
  // In a year with kinds each card names its kind; a review of a trust has no hub or phase.
  const kind = year.mixed ? `<span title="${h(review.kind.name)}">${h(kindTag(review))}</span> · ` : "";
  const where = review.hostSchool ? `${h(host.id)} · hub ${h(hubName(host.hub))} · ${h(host.phase)}` : `trust ${h(host.id)}`;
  const facts = `${kind}${where} · ${span(review)} · ${seats}`;
  const badge = `<span class="badge" style="background:${colour}">${label}</span>`;
  const heading = `<h3>${h(review.id)} · ${h(year.mixed ? hostWords(review) : host.name)}</h3><div class="muted">${facts} · ${badge}</div>`;
  const table = `<table class="people">${HEAD}<tbody>${teamRows(year, review, team).join("")}</tbody></table>`;
  return `<article class="team" id="team-${h(review.id)}" style="border-left-color:${colour}">${heading}${table}${standbyBlock(year, standby)}</article>`;
}

/** The teams section: a card per review, bordered in its status colour. */
export function teamCards({ year, allocation, standby = [] }: ReportInput, status: ReadonlyMap<string, Status>): string {
  const byReview = new Map<string, Assignment[]>();
  for (const a of allocation.assignments) byReview.set(a.reviewId, [...(byReview.get(a.reviewId) ?? []), a]);
  const standbyOf = new Map<string, StandbyRow[]>();
  for (const row of standby) standbyOf.set(row.reviewId, [...(standbyOf.get(row.reviewId) ?? []), row]);
  const card = (review: ReviewInfo) => teamCard(year, review, byReview.get(review.id) ?? [], status.get(review.id)!, standbyOf.get(review.id) ?? []);
  const cards = [...year.reviews].sort(byStartThenId).map(card);
  return `<section id="teams"><h2>Teams</h2><p class="muted">${plural(year.reviews.length, "review")}, by start date then review id. km: \
straight-line distance from the reviewer's school (or the Lead Reviewer's base) to the host; "long" marks a journey over \
${year.policy.longJourneyKm > 0 ? `${year.policy.longJourneyKm} km (the policy's longJourneyKm)` : "the policy's longJourneyKm (0: none marked)"}. Phases: those the person lists \
(a reviewer who lists none: their school's), ✓ where they include the host's.</p><div class="teams">
${cards.join("\n")}
</div></section>`;
}
