import { goalUnits, placesSent } from "./goals/index.js";
import { reciprocityGoal, type LedgerRow, type TrustLedgerRow } from "./goals/reciprocity.js";
import { prefersReview } from "./goals/preference.js";
import type { Problem } from "./model/problem.js";
import type { Allocation, Role } from "./model/schema.js";
import { indexYear, phaseMatches, travelKm, type Year } from "./model/year.js";
import { RULES } from "./rules/index.js";
import { place, type Placement } from "./rules/placement.js";
import type { Violation } from "./rules/types.js";


/**
 * Seats of one review left empty.
 *
 * @example
 * for (const u of checkAllocation(problem, allocation).unfilled) console.log(`${u.reviewId} (${u.hostSchoolId}): ${u.missing} ${u.role} seat(s) empty`);
 */
export interface UnfilledSeats {
  readonly reviewId: string;
  /** The host's id: its school's, or for a review of a trust (a TPR) the trust's. */
  readonly hostSchoolId: string;
  readonly role: Role;
  readonly missing: number;
}

/**
 * How the empty seats fall on reviews: the one count of short reviews that `qar explain`, the
 * report, summary.json and the terminal all give.
 *
 * @example
 * const counts: EmptySeatCounts = emptySeatCounts(result.year, result.check.unfilled);
 * console.log(`${counts.seats} empty seats on ${counts.reviews} reviews`);
 */
export interface EmptySeatCounts {
  /** Empty seats, Lead Reviewer and peer. */
  readonly seats: number;
  readonly leadSeats: number;
  readonly peerSeats: number;
  /** Reviews with at least one empty seat. */
  readonly reviews: number;
  /** Reviews whose Lead Reviewer seat is empty. */
  readonly withoutLead: number;
  /** Reviews with peer seats and not one peer: no peer team. */
  readonly noPeerTeam: number;
  /** Reviews with some peers but fewer than their seats: short of peers. */
  readonly shortOfPeers: number;
}

/**
 * Counts the empty seats of an allocation by review: `unfilled` is the checker's list (or
 * `explain`'s entries, which carry the same fields).
 *
 * @example
 * const counts = emptySeatCounts(year, checkAllocation(year, allocation).unfilled);
 * console.log(`${counts.reviews} reviews with empty seats, ${counts.noPeerTeam} without a peer team`);
 */
export function emptySeatCounts(year: Year, unfilled: readonly Pick<UnfilledSeats, "reviewId" | "role" | "missing">[]): EmptySeatCounts {
  const reviews = new Set<string>();
  let leadSeats = 0;
  let peerSeats = 0;
  let noPeerTeam = 0;
  let shortOfPeers = 0;
  for (const seat of unfilled) {
    if (seat.missing <= 0) continue;
    reviews.add(seat.reviewId);
    if (seat.role === "lead") {
      leadSeats += seat.missing;
      continue;
    }
    peerSeats += seat.missing;
    const review = year.reviewById.get(seat.reviewId);
    if (review && seat.missing >= review.peerSeats) noPeerTeam += 1;
    else shortOfPeers += 1;
  }
  return { seats: leadSeats + peerSeats, leadSeats, peerSeats, reviews: reviews.size, withoutLead: unfilled.filter((s) => s.role === "lead" && s.missing > 0).length, noPeerTeam, shortOfPeers };
}

/**
 * The figures of an allocation, as the checker computes them (the report shows these).
 *
 * @example
 * const m: Metrics = checkAllocation(problem, allocation).metrics;
 * console.log(`${m.filled.total}/${m.seats.total} seats, ${(100 * m.fullTeamShare).toFixed(1)}% full teams, ${m.travel.meanKm.toFixed(1)} km on average`);
 */
export interface Metrics {
  readonly reviews: number;
  readonly seats: { readonly total: number; readonly lead: number; readonly peer: number };
  readonly filled: { readonly total: number; readonly lead: number; readonly peer: number };
  /** Reviews whose every seat, the Lead Reviewer's included, is filled. */
  readonly fullTeams: number;
  readonly fullTeamShare: number;
  readonly filledShare: number;
  readonly reciprocity: ReciprocityMetrics & { readonly schools: number };
  /** The same measures over the trusts, in a year with reviews counted by trust (Trust Peer Reviews) only. */
  readonly trustReciprocity?: ReciprocityMetrics & { readonly trusts: number };
  /**
   * People placed who know the host's phase, all together and for peers and Lead Reviewers apart.
   * A peer reviewer matches as the phase goal sees it (their phases include the host's, or they
   * list none: no restriction); a Lead Reviewer only when their phases include the host's (one
   * who lists none is counted in `leads.noPhases`, never as a match).
   */
  readonly phaseMatch: PhaseShare & { readonly peers: PhaseShare; readonly leads: PhaseShare & { readonly noPhases: number } };
  readonly travel: { readonly measured: number; readonly totalKm: number; readonly meanKm: number };
  readonly preferences: { readonly stated: number; readonly honoured: number };
  readonly variety: { readonly sameSchoolPairs: number; readonly reciprocalPairs: number; readonly repeats: number };
  /** Units of every goal by goal id (`GOALS`): seats filled, km travelled, same-school pairs... */
  readonly goals: Readonly<Record<string, number>>;
}

/** People placed who know the host's phase, of those placed. */
export interface PhaseShare {
  readonly matched: number;
  readonly assigned: number;
  readonly share: number;
}

/** Reciprocity figures over a set of accounts (schools, or trusts). */
export interface ReciprocityMetrics {
    readonly inBalance: number;
    readonly meetingCommitment: number;
    readonly withinTolerance: number;
    readonly tolerance: number;
    /** Sum over the accounts of |places sent − target|. */
    readonly totalDeviation: number;
    readonly worstDeviation: number;
}

/**
 * What `checkAllocation` finds: every violation, the metrics, the ledger and the empty seats.
 *
 * @example
 * const check: CheckResult = checkAllocation(problem, allocation);
 * if (!check.valid) for (const v of check.violations) console.log(`${v.rule}: ${v.message}`);
 */
export interface CheckResult {
  readonly valid: boolean;
  readonly violations: readonly Violation[];
  readonly metrics: Metrics;
  readonly ledger: readonly LedgerRow[];
  /**
   * The trusts' reciprocity, one row per trust, in a year with reviews counted by trust (Trust
   * Peer Reviews); empty otherwise. Those places count here and not in `ledger`.
   */
  readonly trustLedger: readonly TrustLedgerRow[];
  readonly unfilled: readonly UnfilledSeats[];
}

const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
const phaseShare = (matched: number, assigned: number): PhaseShare => ({ matched, assigned, share: share(matched, assigned) });

/** Peer seats filled at each account's own reviews (a school's, or a trust's for reviews counted by trust). */
function seatsReceived(placement: Placement): Map<string, number> {
  const received = new Map<string, number>();
  for (const review of placement.year.reviews) {
    const peers = Math.min(review.peerSeats, placement.teams.get(review.id)?.peers.length ?? 0);
    if (review.account !== undefined && peers > 0) received.set(review.account, (received.get(review.account) ?? 0) + peers);
  }
  return received;
}

/** The reciprocity ledger: one row per school, in input order (places on reviews counted by school). */
export function ledgerOf(placement: Placement): LedgerRow[] {
  const sent = placesSent(placement);
  const received = seatsReceived(placement);
  return placement.year.problem.schools.map((school) => {
    const target = placement.year.target.get(school.id) ?? 0;
    const placesSent = sent.get(school.id) ?? 0;
    return { schoolId: school.id, seatsReceived: received.get(school.id) ?? 0, placesSent, balance: placesSent - target, target };
  });
}

/**
 * A full team: its Lead Reviewer and every peer seat filled (DOMAIN.md), the published measure.
 *
 * @example
 * isFullTeam(review, 1, review.peerSeats); // true
 */
export function isFullTeam(review: { readonly peerSeats: number }, leads: number, peers: number): boolean {
  return Math.min(1, leads) === 1 && Math.min(review.peerSeats, peers) === review.peerSeats;
}

/**
 * The trusts' ledger: one row per trust account, by trust id (none in a year without reviews counted by trust).
 *
 * @example trustLedgerOf(place(year, allocation)).filter((row) => row.balance < 0) // the trusts that owe TPR places
 */
export function trustLedgerOf(placement: Placement): TrustLedgerRow[] {
  const sent = placesSent(placement);
  const received = seatsReceived(placement);
  return placement.year.accounts
    .filter((account) => account.basis === "trust")
    .map((account) => {
      const target = placement.year.target.get(account.key) ?? 0;
      const placesSent = sent.get(account.key) ?? 0;
      return { trustId: account.id, seatsReceived: received.get(account.key) ?? 0, placesSent, balance: placesSent - target, target };
    });
}

/**
 * Total reciprocity deviation over every account, schools and trusts together: what the solver
 * minimises and what `bound.reciprocityDeviation` bounds.
 *
 * @example totalDeviation(checkAllocation(year, allocation).metrics) >= result.bound.reciprocityDeviation
 */
export function totalDeviation(metrics: Pick<Metrics, "reciprocity" | "trustReciprocity">): number {
  return metrics.reciprocity.totalDeviation + (metrics.trustReciprocity?.totalDeviation ?? 0);
}

/** The reciprocity measures over one set of accounts' rows. */
function reciprocityOf(rows: readonly { readonly balance: number }[], tolerance: number): ReciprocityMetrics {
  const deviations = rows.map(reciprocityGoal.deviation);
  return {
    inBalance: rows.filter(reciprocityGoal.inBalance).length,
    meetingCommitment: rows.filter(reciprocityGoal.meetsCommitment).length,
    withinTolerance: rows.filter((row) => reciprocityGoal.withinTolerance(row, tolerance)).length,
    tolerance,
    totalDeviation: deviations.reduce((a, b) => a + b, 0),
    worstDeviation: deviations.reduce((a, b) => Math.max(a, b), 0),
  };
}

function metricsOf(placement: Placement, ledger: readonly LedgerRow[], trustLedger: readonly TrustLedgerRow[]): { metrics: Metrics; unfilled: UnfilledSeats[] } {
  const { year, teams } = placement;
  let peerSeats = 0;
  let leadFilled = 0;
  let peerFilled = 0;
  let fullTeams = 0;
  const phase = { peer: { matched: 0, assigned: 0 }, lead: { matched: 0, assigned: 0 }, leadsWithoutPhases: 0 };
  let measured = 0;
  let totalKm = 0;
  let stated = 0;
  let honoured = 0;
  const unfilled: UnfilledSeats[] = [];
  for (const review of year.reviews) {
    const team = teams.get(review.id) ?? { leads: [], peers: [] };
    const leads = Math.min(1, team.leads.length);
    const peers = Math.min(review.peerSeats, team.peers.length);
    peerSeats += review.peerSeats;
    leadFilled += leads;
    peerFilled += peers;
    if (isFullTeam(review, team.leads.length, team.peers.length)) fullTeams += 1;
    if (leads === 0) unfilled.push({ reviewId: review.id, hostSchoolId: review.host.id, role: "lead", missing: 1 });
    if (peers < review.peerSeats) {
      unfilled.push({ reviewId: review.id, hostSchoolId: review.host.id, role: "peer", missing: review.peerSeats - peers });
    }
    for (const person of [...team.leads, ...team.peers]) {
      const counted = phase[person.role];
      counted.assigned += 1;
      if (phaseMatches(person, review.host)) counted.matched += 1;
      // Counted apart: a Lead Reviewer who lists no phase (not known to have a school host's).
      else if (person.role === "lead" && person.phases.size === 0) phase.leadsWithoutPhases += 1;
      const km = travelKm(person, review.host);
      if (km !== undefined) {
        measured += 1;
        totalKm += km;
      }
      if (person.prefers.size > 0) {
        stated += 1;
        if (prefersReview(person, review)) honoured += 1;
      }
    }
  }
  const goals = goalUnits(placement);
  const tolerance = year.policy.reciprocityTolerance;
  const seats = { lead: year.reviews.length, peer: peerSeats, total: year.reviews.length + peerSeats };
  const filled = { lead: leadFilled, peer: peerFilled, total: leadFilled + peerFilled };
  return {
    unfilled,
    metrics: {
      reviews: year.reviews.length,
      seats,
      filled,
      fullTeams,
      fullTeamShare: share(fullTeams, year.reviews.length),
      filledShare: share(filled.total, seats.total),
      reciprocity: { schools: ledger.length, ...reciprocityOf(ledger, tolerance) },
      ...(year.accounts.some((a) => a.basis === "trust") ? { trustReciprocity: { trusts: trustLedger.length, ...reciprocityOf(trustLedger, tolerance) } } : {}),
      phaseMatch: {
        ...phaseShare(phase.peer.matched + phase.lead.matched, phase.peer.assigned + phase.lead.assigned),
        peers: phaseShare(phase.peer.matched, phase.peer.assigned),
        leads: { ...phaseShare(phase.lead.matched, phase.lead.assigned), noPhases: phase.leadsWithoutPhases },
      },
      travel: { measured, totalKm, meanKm: measured === 0 ? 0 : totalKm / measured },
      preferences: { stated, honoured },
      variety: { sameSchoolPairs: goals["same-school"]!, reciprocalPairs: goals["reciprocal-pairs"]!, repeats: goals["repeat"]! },
      goals,
    },
  };
}

/**
 * The independent checker: runs every hard rule on an allocation and computes its figures.
 * It shares the rule statements with the engines but none of their search code.
 *
 * @example
 * const result = checkAllocation(problem, allocation);
 * if (!result.valid) for (const v of result.violations) console.log(`[${v.rule}] ${v.message}`);
 */
export function checkAllocation(problem: Problem | Year, allocation: Allocation): CheckResult {
  const year = "reviewById" in problem ? problem : indexYear(problem);
  const placement = place(year, allocation);
  const violations = RULES.flatMap((rule) => rule.check(placement));
  const ledger = ledgerOf(placement);
  const trustLedger = trustLedgerOf(placement);
  const { metrics, unfilled } = metricsOf(placement, ledger, trustLedger);
  return { valid: violations.length === 0, violations, metrics, ledger, trustLedger, unfilled };
}
