/**
 * Why one review's seats of one role are empty, and what would fill them: the binding reason
 * read off the funnel, a one-step move of someone already allocated, whom to recruit.
 */
import { formatDay } from "../model/dates.js";
import type { Allocation, Role } from "../model/schema.js";
import { plural } from "../model/text.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff, allowedPair, availableByRole, COMPOSITION_RULES, isAdvanced, place, seatAdmits, type Placement } from "../rules/index.js";
import { rowKey } from "../solver/diff.js";
import { dutiesOf, isFree, isFrozen, needsAdvanced, NO_STANDING, seatFunnel, stateOf, type FunnelStep, type Standing } from "./funnel.js";

/**
 * The kind of reason a seat is empty, for counting: the review is `frozen` (it starts before
 * the freeze date); a `pin` could not be honoured; a pair `rule` (or the answers: everyone left
 * declined or withdrew) leaves nobody; a team `composition` cap does; everyone eligible is
 * `busy`; the team needs an `advanced` reviewer first; or a `fuller` allocation exists.
 *
 * @example
 * const busy = explain(problem, allocation).seats.filter((s) => s.cause === ("busy" satisfies SeatCause));
 */
export type SeatCause = "frozen" | "pin" | "rule" | "composition" | "busy" | "advanced" | "fuller" | "unexplained";

/**
 * Why one review's seats of one role are empty, and what would fill them.
 *
 * @example
 * for (const s of explain(problem, allocation).seats) console.log(`${s.reviewId} ${s.role} (${s.missing}): ${s.reason}; ${s.remedies.join("; ")}`);
 */
export interface SeatExplanation {
  readonly reviewId: string;
  readonly hostSchoolId: string;
  readonly role: Role;
  readonly missing: number;
  readonly funnel: readonly FunnelStep[];
  /** The binding reason in plain words. */
  readonly reason: string;
  /** The reason's kind (see `SeatCause`). */
  readonly cause: SeatCause;
  /** Changes that would fill a seat: a move of someone already allocated, or whom to recruit (none for a frozen review). */
  readonly remedies: readonly string[];
}

/** One review's empty seats of one role, as `explainSeats` takes them. */
export interface EmptySeats {
  readonly review: ReviewInfo;
  readonly role: Role;
  /** How many of the role's seats are empty. */
  readonly missing: number;
}

/**
 * Empty seats left unexplained: the run's time limit came first (`ExplainOptions.shouldStop`).
 *
 * @example
 * const seat = unexplainedSeats({ review, role: "peer", missing: 2 }); // cause "unexplained"
 */
export function unexplainedSeats({ review, role, missing }: EmptySeats): SeatExplanation {
  const reason = "not explained: the time limit was reached first; qar explain <year> <allocation> explains every seat";
  return { reviewId: review.id, hostSchoolId: review.host.id, role, missing, funnel: [], reason, cause: "unexplained", remedies: [] };
}

/** A role's person in words. */
export const who = (role: Role): string => (role === "lead" ? "Lead Reviewer" : "reviewer");
const dates = (review: ReviewInfo) => `${formatDay(review.span.from)}..${formatDay(review.span.to)}`;

// The people every pair rule allows on a review, per year: a move search asks for the same
// reviews many times. Keyed by the (immutable) year, so it holds no state of its own.
// Only the people free on a review's dates are asked (the availability rule), so a large
// year's moves cost its pairs, not people × reviews.
const allowedMemo = new WeakMap<Year, Map<string, PersonInfo[]>>();

function allowedOn(year: Year, review: ReviewInfo, role: Role): PersonInfo[] {
  let byReview = allowedMemo.get(year);
  if (!byReview) allowedMemo.set(year, (byReview = new Map()));
  const key = `${role}:${review.index}`;
  let people = byReview.get(key);
  if (!people) byReview.set(key, (people = availableByRole(year)[role][review.index]!.filter((z) => allowedPair(year, z, review))));
  return people;
}

/**
 * A one-step move that fills the seat: someone of `eligible` (advanced only, with `advanced`)
 * leaves review X, and a free person takes their seat on X. Never out of a frozen review or a
 * confirmed seat, and never anyone onto a review they declined or withdrew from.
 */
function findMove(year: Year, placement: Placement, { review, role }: Omit<EmptySeats, "missing">, { eligible, advanced, standing }: { eligible: readonly PersonInfo[]; advanced: boolean; standing: Standing }): string | undefined {
  // A forbid pin is the ruled-out pair rule, which `allowedOn` applies; the answers are the season's.
  const mayTake = (person: PersonInfo, on: ReviewInfo) => !standing.gaveUp.has(rowKey({ reviewId: on.id, role, personId: person.id }));
  for (const mover of eligible) {
    if (advanced && !isAdvanced(mover)) continue;
    for (const from of dutiesOf(placement, mover)) {
      if (isFrozen(standing, from) || standing.confirmed.has(rowKey({ reviewId: from.id, role, personId: mover.id }))) continue;
      if (!isFree(placement, mover, review, { leaving: from })) continue;
      const team = placement.teams.get(from.id);
      const stayingAdvanced = (team?.peers ?? []).filter((p) => p !== mover && isAdvanced(p)).length;
      const needAdvanced = role === "peer" && isAdvanced(mover) && stayingAdvanced < advancedToStaff(year, from);
      const afterMove = stateOf(placement, { person: mover, review: from });
      const replacement = allowedOn(year, from, role).find((z) => z !== mover && mayTake(z, from) && (!needAdvanced || isAdvanced(z)) && seatAdmits(afterMove, z, from, role));
      if (replacement) {
        return `${who(role)} ${mover.id} could move from ${from.id} (${dates(from)}), whose seat ${replacement.id} could then fill`;
      }
    }
  }
  return undefined;
}

/**
 * Who to recruit (an advanced reviewer, with `advanced`): someone available on the review's
 * dates, serving its kind, from where its kind takes reviewers (beyond the host's hub, locality
 * and trust for a QAR; another trust for a TPR; the host's hub for an MLQAR).
 */
function recruit(year: Year, { review, role }: Omit<EmptySeats, "missing">, { advanced }: { advanced: boolean }): string {
  const { host, kind } = review;
  const beyond = [
    kind.excludes.hub && host.hub ? `the ${host.hub} hub` : undefined,
    kind.excludes.locality && host.locality ? `${host.locality}` : undefined,
    kind.excludes.trust && host.trust ? `the trust ${host.trust}` : undefined,
  ].filter(Boolean);
  const where = kind.requiresHub ? ` from the ${host.hub} hub${kind.excludes.school ? ` (not ${host.id} itself)` : ""}` : beyond.length > 0 ? ` from outside ${beyond.join(" and ")}` : "";
  const serving = year.mixed ? ` who serves ${kind.id} reviews` : "";
  return `one more ${advanced ? "advanced " : ""}${who(role)}${serving} available ${dates(review)}${role === "peer" ? where : ""}`;
}

/**
 * Explains one review's empty seats of one role: the funnel, the binding reason and remedies.
 * `placement` (the allocation placed, when the caller has it) and `standing` (the season's
 * state: nothing by default) are how `explain` hands in what it computed once.
 *
 * @example
 * const year = indexYear(problem);
 * const e = explainSeats(year, allocation, { review: year.reviewById.get("R0412")!, role: "peer", missing: 1 });
 * console.log(e.reason); // "the team needs an advanced reviewer first, ..."
 */
export function explainSeats(
  year: Year,
  allocation: Allocation,
  { review, role, missing }: EmptySeats,
  { placement = place(year, allocation), standing = NO_STANDING }: { readonly placement?: Placement; readonly standing?: Standing } = {},
): SeatExplanation {
  const { funnel, eligible, free } = seatFunnel(year, placement, review, role, standing);
  const remedies: string[] = [];
  const wantAdvanced = role === "peer" && needsAdvanced(year, placement, review);
  const seat = { review, role };
  const base = { reviewId: review.id, hostSchoolId: review.host.id, role, missing, funnel };
  // A review already held, under way or too close to change: nothing may be proposed there.
  if (isFrozen(standing, review)) {
    return { ...base, cause: "frozen", reason: `${review.id} starts on ${formatDay(review.span.from)}, before the freeze date ${standing.freezeBefore}, so its team is kept as it is and nobody is added`, remedies };
  }
  let reason: string;
  let cause: SeatCause;
  const firstEmpty = funnel.findIndex((step) => step.remaining === 0);
  const pairSteps = funnel.findIndex((step) => step.rule === "capacity");
  const capRule = firstEmpty > pairSteps ? COMPOSITION_RULES.find((rule) => rule.id === funnel[firstEmpty]?.rule) : undefined;
  const team = placement.teams.get(review.id);
  const onTeam = new Set((role === "lead" ? team?.leads : team?.peers)?.map((p) => p.id) ?? []);
  const refusedPins = year.problem.pins.filter((p) => p.kind === "fix" && p.role === role && p.reviewId === review.id && !onTeam.has(p.personId)).map((p) => p.personId);
  if (refusedPins.length > 0) {
    const advancedShort = role === "peer" && wantAdvanced && !free.some(isAdvanced);
    cause = "pin";
    reason =
      `the pin${refusedPins.length === 1 ? "" : "s"} fixing ${refusedPins.join(", ")} to ${review.id} could not be honoured` +
      (advancedShort ? ": the team needs an advanced reviewer beside them and none can join" : ": see the refused pins in summary.json");
    remedies.push(advancedShort ? `pin an advanced reviewer available ${dates(review)} beside them, or remove the pins` : "remove or change the pins");
  } else if (firstEmpty > 0 && firstEmpty < pairSteps) {
    const step = funnel[firstEmpty]!;
    const before = funnel[firstEmpty - 1]!.remaining;
    cause = "rule";
    reason =
      step.rule === "declined-or-withdrawn"
        ? `everyone who may serve here has declined or withdrawn from it: the answers remove the last ${plural(before, "candidate")}`
        : `no ${who(role)} passes the ${step.rule} rule: it removes the last ${plural(before, "candidate")}`;
    // Ruled out by the user's forbid pins: lifting one is a remedy besides recruiting.
    if (step.rule === "ruled-out") remedies.push(`remove a forbid pin on ${review.id} from pins.csv, if the person may be asked after all`);
    remedies.push(recruit(year, seat, { advanced: wantAdvanced }));
  } else if (capRule && free.length === 0) {
    cause = "composition";
    reason = `every free eligible ${who(role)} would break the ${capRule.id} rule on this ${review.kind.id} team (${capRule.summary})`;
    remedies.push(recruit(year, seat, { advanced: wantAdvanced }));
  } else if (free.length === 0) {
    cause = "busy";
    reason = `all ${plural(eligible.length, `eligible ${who(role)}`)} are already at their maximum of reviews or on reviews with overlapping dates`;
    const move = findMove(year, placement, seat, { eligible, advanced: wantAdvanced, standing });
    if (move) remedies.push(move);
    remedies.push(recruit(year, seat, { advanced: wantAdvanced }));
  } else if (wantAdvanced && !free.some(isAdvanced)) {
    cause = "advanced";
    reason = `the team needs an advanced reviewer first, and none of the ${plural(free.length, "free eligible reviewer")} is advanced`;
    const move = findMove(year, placement, seat, { eligible, advanced: true, standing });
    if (move) remedies.push(move);
    remedies.push(recruit(year, seat, { advanced: true }));
  } else {
    // Seats come before every other goal: a free eligible person means a fuller allocation exists.
    cause = "fuller";
    reason = `${plural(free.length, `eligible ${who(role)}`)} ${free.length === 1 ? "is" : "are"} free and could take this seat: a fuller allocation exists than this one`;
    remedies.push(`solve again with a longer --time-limit, or pin ${free[0]!.id} to ${review.id} in pins.csv`);
  }
  return { ...base, reason, cause, remedies };
}
