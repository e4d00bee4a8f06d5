/**
 * Standby lists: for every review, the people who could step in at short notice. A standby
 * breaks no hard rule if they take a seat of the review as the allocation stands: an empty
 * seat, or the seat of a peer who is not advanced (of an advanced peer only where the team has
 * none other to give), with their dates free and capacity left.
 */
import { pairCost } from "../goals/index.js";
import { parseDay } from "../model/dates.js";
import { givenUpSeats } from "../season/status.js";
import type { Allocation, Level, Role } from "../model/schema.js";
import type { PersonInfo, ReviewInfo, Year } from "../model/year.js";
import { advancedToStaff, allowedPair, availableByRole, isAdvanced, meetsAdvanced, peerSeatsLeft, seatAdmits, type SeatState } from "../rules/index.js";
import { place } from "../rules/placement.js";

/**
 * One standby (`standby.csv`): rank 1 is asked first.
 *
 * @example
 * const first = standbyList(year, result.allocation).filter((row: StandbyRow) => row.rank === 1);
 */
export interface StandbyRow {
  readonly reviewId: string;
  readonly rank: number;
  readonly role: Role;
  readonly personId: string;
  /** Reviewers' level; Lead Reviewers have none. */
  readonly level?: Level;
}

/** Standbys listed per review and role. */
export const STANDBY_LIMIT = 3;

/**
 * Which standbys `standbyFor` lists: one role or both, and how many.
 *
 * @example
 * const peers = standbyFor(year, result.allocation, year.reviewById.get("R0412")!, { role: "peer", limit: 5 } satisfies StandbyOptions);
 */
export interface StandbyOptions {
  /** Only this role's standbys (default: Lead Reviewers, then peers). */
  readonly role?: Role;
  /** At most this many per role (default `STANDBY_LIMIT`). */
  readonly limit?: number;
  /** Seats (`role:person@review`) never to propose: those their people declined or withdrew from. */
  readonly exclude?: ReadonlySet<string>;
}

const byId = (a: PersonInfo, b: PersonInfo) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** An allocation's teams and duties as the seat tests ask for them. */
export function seatStateOf(year: Year, allocation: Allocation): SeatState {
  const { teams, duties } = place(year, allocation);
  // By the person object: the seat tests ask hundreds of thousands of times on a national year.
  const byPerson = new Map([...duties.values()].map((duty) => [duty.person, duty.reviews]));
  return {
    duties: (person) => byPerson.get(person) ?? [],
    peers: (review) => teams.get(review.id)?.peers ?? [],
    leads: (review) => teams.get(review.id)?.leads ?? [],
  };
}

/**
 * The team of `review` with one `role` seat open for a newcomer: as it stands when a seat is
 * empty, else without its first non-advanced peer (by id), else without its first advanced
 * peer; `undefined` when the review has no such seat at all.
 */
export function openedTeam(state: SeatState, review: ReviewInfo, role: Role): SeatState | undefined {
  if (role === "lead") return { ...state, leads: (r) => (r === review ? [] : state.leads(r)) };
  const team = [...state.peers(review)].sort(byId);
  if (review.peerSeats === 0) return undefined;
  const leaving = peerSeatsLeft(review, team.length) > 0 ? undefined : (team.find((p) => !isAdvanced(p)) ?? team[0]);
  const peers = team.filter((p) => p !== leaving);
  return { ...state, peers: (r) => (r === review ? peers : state.peers(r)) };
}

/** Whether `person` may take the open seat: not on the team, not given up, every pair rule (a forbid pin included), every seat rule, the advanced seat. */
function mayStepIn(year: Year, team: ReadonlySet<PersonInfo>, opened: SeatState, review: ReviewInfo, person: PersonInfo, exclude?: ReadonlySet<string>): boolean {
  return (
    !team.has(person) &&
    !exclude?.has(`${person.role}:${person.id}@${review.id}`) &&
    // Most people of a full year are at their maximum: the seat test first rules them out cheaply.
    seatAdmits(opened, person, review, person.role) &&
    allowedPair(year, person, review) &&
    (person.role === "lead" || meetsAdvanced(year, review, [...opened.peers(review), person]))
  );
}

/** The first `limit` of `items` in `order` (a total order), without sorting them all: a review may have thousands free. */
function firstInOrder<T>(items: readonly T[], order: (a: T, b: T) => number, limit: number): T[] {
  const kept: T[] = [];
  if (limit <= 0) return kept;
  for (const item of items) {
    if (kept.length === limit && order(item, kept[limit - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && order(item, kept[at - 1]!) < 0) at -= 1;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/** Places each school's reviewers hold as the allocation stands (for the reciprocity order). */
function placesSent(year: Year, state: SeatState): Map<string, number> {
  const sent = new Map<string, number>();
  for (const p of year.reviewers) if (p.school) sent.set(p.school.id, (sent.get(p.school.id) ?? 0) + state.duties(p).length);
  return sent;
}

/**
 * Who could step into `review`, best first: where losing an advanced peer would break rule 5
 * (the team has no more than it needs), advanced reviewers first; then reviewers of schools
 * still short of their reciprocity target; then the soft goals' pair cost (phase, preference,
 * travel, repeat); then id. `allocation` may be an engine's working roster (any `SeatState`),
 * so a repair can ask while it re-plans.
 *
 * @example
 * const year = indexYear(problem);
 * const [first] = standbyFor(year, result.allocation, year.reviewById.get("R0412")!, { role: "peer" });
 */
export function standbyFor(year: Year, allocation: Allocation | SeatState, review: ReviewInfo, options: StandbyOptions = {}): StandbyRow[] {
  return standbysOf(year, "assignments" in allocation ? seatStateOf(year, allocation) : allocation, review, options);
}

/** Who `standbysOf` looks at for a review's seat of each role (all of them, or those the caller found free on its dates). */
type Pool = (role: Role, review: ReviewInfo) => readonly PersonInfo[];

/** `standbyFor` on a seat state, with the places each school sends when the caller counted them once for every review. */
function standbysOf(year: Year, state: SeatState, review: ReviewInfo, options: StandbyOptions, sent?: ReadonlyMap<string, number>, pool: Pool = (role) => (role === "lead" ? year.leads : year.reviewers)): StandbyRow[] {
  const limit = options.limit ?? STANDBY_LIMIT;
  const rows: StandbyRow[] = [];
  for (const role of options.role ? [options.role] : (["lead", "peer"] as const)) {
    const opened = openedTeam(state, review, role);
    if (!opened) continue;
    const team = new Set(role === "lead" ? state.leads(review) : state.peers(review));
    const people = pool(role, review).filter((p) => mayStepIn(year, team, opened, review, p, options.exclude));
    const places = role === "peer" ? (sent ?? placesSent(year, state)) : new Map<string, number>();
    const advancedFirst = role === "peer" && state.peers(review).filter(isAdvanced).length <= advancedToStaff(year, review);
    const key = (p: PersonInfo) => [advancedFirst && !isAdvanced(p) ? 1 : 0, p.school && (places.get(p.school.id) ?? 0) < (year.target.get(p.school.id) ?? 0) ? 0 : 1, pairCost(year, p, review)];
    const keys = new Map(people.map((p) => [p, key(p)]));
    const order = (a: PersonInfo, b: PersonInfo) => {
      const [x, y] = [keys.get(a)!, keys.get(b)!];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]! || byId(a, b);
    };
    firstInOrder(people, order, limit).forEach((p, i) => rows.push({ reviewId: review.id, rank: i + 1, role, personId: p.id, ...(p.level ? { level: p.level } : {}) }));
  }
  return rows;
}

/**
 * The standby list of every review (`standby.csv`), reviews in input order, Lead Reviewers
 * before peers, by rank. Nobody stands by for a review they declined or withdrew from, and a
 * review that starts before `freezeBefore` (ISO) has no standbys: its team is kept as it is.
 * Once `shouldStop` says stop, the remaining reviews get none.
 *
 * @example const rows = standbyList(indexYear(problem), result.allocation, { freezeBefore: "2025-01-20" });
 */
export function standbyList(year: Year, allocation: Allocation, options: { readonly freezeBefore?: string; readonly shouldStop?: () => boolean } = {}): StandbyRow[] {
  const state = seatStateOf(year, allocation);
  const sent = placesSent(year, state);
  const exclude = givenUpSeats(allocation, year);
  const frozenBefore = options.freezeBefore !== undefined ? (parseDay(options.freezeBefore) ?? -Infinity) : -Infinity;
  // Only people free on a review's dates can step in (the availability rule): looking at them
  // alone keeps the lists sized to the year's pairs, not to people × reviews.
  const free = availableByRole(year);
  const pool: Pool = (role, review) => free[role][review.index]!;
  const rows: StandbyRow[] = [];
  for (const review of year.reviews) {
    // A run's time limit reached: the later reviews get no standby list.
    if (options.shouldStop?.() === true) break;
    if (review.span.from >= frozenBefore) rows.push(...standbysOf(year, state, review, { exclude }, sent, pool));
  }
  return rows;
}
