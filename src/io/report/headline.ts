import type { Metrics } from "../../check.js";
import { formatPublished, PUBLISHED_FULL_TEAMS, PUBLISHED_MEETING_COMMITMENT } from "../../model/published.js";
import type { SolveResult } from "../../solver/index.js";
import { fairnessOn } from "../../goals/fairness.js";
import { h, num, percent, plural } from "../html/format.js";
import type { ReportInput } from "./input.js";
import { boundSourceInWords, gapInWords, goalsInWords, stopInWords } from "../words.js";

// The headline cards: each figure of the checker, with the solve's bound beside it when there
// was a solve, and the partnership's published figure where there is one.

function card(label: string, value: string, details: readonly string[], tone?: "good" | "warn"): string {
  const lines = details.map((d) => `<div class="detail">${d}</div>`).join("");
  return `<div class="card${tone ? ` ${tone}` : ""}"><div class="label">${label}</div><div class="value">${value}</div>${lines}</div>`;
}

/** "filled / seats" for one kind of seat, each number tagged with its metric name. */
function fraction(m: Metrics, kind: "total" | "lead" | "peer"): string {
  const [filled, seats] = kind === "total" ? ["filled", "seats"] : [`${kind}Filled`, `${kind}Seats`];
  return `${num(filled, m.filled[kind])} / ${num(seats, m.seats[kind])}`;
}

function boundLines(m: Metrics, solve: SolveResult): string[] {
  const { bound } = solve;
  const missing = Math.max(0, bound.filledSeats - m.filled.total);
  return [
    `upper bound ${num("bound", bound.filledSeats)} (from ${h(boundSourceInWords(bound.method))}) · gap ${num("gapPercent", (100 * solve.gap).toFixed(2))}%`,
    solve.proven
      ? `<strong>proven: no valid allocation fills more seats</strong>`
      : fairnessOn(solve.year.policy)
        ? `the fairness policy costs at most ${num("boundMissing", missing)} seats (see Who loses out)`
        : `not proven optimal: at most ${num("boundMissing", missing)} more seats could be filled`,
  ];
}

function seatCard(m: Metrics, solve: SolveResult | undefined): string {
  const details = [`${(100 * m.filledShare).toFixed(1)}% of all seats, Lead Reviewers' included`, ...(solve ? boundLines(m, solve) : [])];
  return card("Seats filled", fraction(m, "total"), details, m.filled.total === m.seats.total || solve?.proven ? "good" : "warn");
}

function roleCards(m: Metrics, solve: SolveResult | undefined): string[] {
  const bound = solve?.bound;
  const lead = [percent(m.filled.lead, m.seats.lead), ...(bound ? [`upper bound ${num("leadBound", bound.leadSeats)}`] : [])];
  const peer = [percent(m.filled.peer, m.seats.peer), ...(bound ? [`upper bound ${num("peerBound", bound.peerSeats)}`] : [])];
  return [card("Lead Reviewer seats", fraction(m, "lead"), lead), card("Peer seats", fraction(m, "peer"), peer)];
}

function teamsCard(m: Metrics, solve: SolveResult | undefined, comparePublished: boolean): string {
  const bound = solve?.bound;
  const possible = bound
    ? [
        bound.filledSeats >= m.seats.total
          ? "the bound allows every team to be full"
          : `any allocation leaves at least ${num("seatsNeverFilled", m.seats.total - bound.filledSeats)} seats empty`,
      ]
    : [];
  const details = [
    `${(100 * m.fullTeamShare).toFixed(1)}% of reviews have every seat filled`,
    ...possible,
    ...(comparePublished ? [`published: ${formatPublished(PUBLISHED_FULL_TEAMS)}`] : []),
  ];
  const value = `${num("fullTeams", m.fullTeams)} / ${num("reviews", m.reviews)}`;
  return card("Full teams", value, details, m.fullTeams === m.reviews ? "good" : undefined);
}

function reciprocityCards(m: Metrics, solve: SolveResult | undefined, comparePublished: boolean): string[] {
  const r = m.reciprocity;
  // In a year with TPRs the bound is over schools and trusts together, and says so.
  const over = m.trustReciprocity ? ` over schools and trusts, whose deviation is ${r.totalDeviation + m.trustReciprocity.totalDeviation}` : "";
  const least = solve ? ` (least possible ${num("deviationBound", solve.bound.reciprocityDeviation)}${over})` : "";
  const schools = num("schools", r.schools);
  const balance = card("Schools in reciprocity balance", `${num("inBalance", r.inBalance)} / ${schools}`, [
    `${percent(r.inBalance, r.schools)} send exactly their target`,
    `total deviation ${num("totalDeviation", r.totalDeviation)} places${least}; worst school ${num("worstDeviation", r.worstDeviation)}`,
  ]);
  const commitment = card("Schools meeting their commitment", `${num("meetingCommitment", r.meetingCommitment)} / ${schools}`, [
    `${percent(r.meetingCommitment, r.schools)} send at least their target`,
    `within ±${num("tolerance", r.tolerance)}: ${num("withinTolerance", r.withinTolerance)}`,
    ...(comparePublished ? [`published: ${formatPublished(PUBLISHED_MEETING_COMMITMENT)}`] : []),
  ]);
  return [balance, commitment];
}

function goalCards(m: Metrics): string[] {
  const v = m.variety;
  const preferences = `${num("preferencesHonoured", m.preferences.honoured)} / ${num("preferencesStated", m.preferences.stated)}`;
  return [
    card("Phase match, peers", `${num("peerPhaseMatched", m.phaseMatch.peers.matched)} / ${num("peersAssigned", m.phaseMatch.peers.assigned)}`, [
      `${(100 * m.phaseMatch.peers.share).toFixed(1)}% of peer reviewers placed know the host's phase (or list none)`,
      `Lead Reviewers: ${num("leadPhaseMatched", m.phaseMatch.leads.matched)} / ${num("leadsAssigned", m.phaseMatch.leads.assigned)} list the host's phase` +
        (m.phaseMatch.leads.noPhases > 0 ? `; ${num("leadsWithoutPhases", m.phaseMatch.leads.noPhases)} list none and are not counted as a match` : ""),
    ]),
    card("Mean travel", `${num("meanTravelKm", m.travel.meanKm.toFixed(1))} km`, [
      `over ${num("travelMeasured", m.travel.measured)} journeys with coordinates`,
      `total ${num("totalTravelKm", Math.round(m.travel.totalKm))} km`,
    ]),
    card("Preferences and variety", preferences, [
      `placements honour a stated preference`,
      `same-school pairs ${num("sameSchoolPairs", v.sameSchoolPairs)} · reciprocal pairs ${num("reciprocalPairs", v.reciprocalPairs)}` +
        ` · repeats of last year ${num("repeats", v.repeats)}`,
    ]),
  ];
}

/** The headline cards: seats, Lead and peer seats, full teams, reciprocity, phase, travel, variety. */
export function headline({ check, solve, comparePublished = false }: ReportInput): string {
  const m = check.metrics;
  const cards = [seatCard(m, solve), ...roleCards(m, solve), teamsCard(m, solve, comparePublished), ...reciprocityCards(m, solve, comparePublished), ...goalCards(m)];
  return `<section id="headline"><h2>Headline figures</h2><div class="cards">
${cards.join("\n")}
</div></section>`;
}

/** Each goal below the seats with how far these seats let it go ("phase match 93.4% (at most 95.8% possible ...)"). */
function goalWords(solve: SolveResult): string {
  const lines = goalsInWords(solve);
  return lines.length === 0 ? "" : `<ul class="goal-words">${lines.map((line) => `<li>${h(line)}</li>`).join("")}</ul>`;
}

/** The solve's engine line and the checker's verdict (its violations, at most 200 listed). */
export function validity({ check, solve }: ReportInput): string {
  const refused = solve ? solve.rejectedPins.map((r) => `<li>${h(r.assignment.reviewId)} ${h(r.assignment.role)} ${h(r.assignment.personId)}: ${h(r.reason)}</li>`) : [];
  const pins = refused.length > 0 ? `<div class="violations" id="pins"><strong>${plural(refused.length, "pin")} could not be honoured</strong><ul>${refused.join("")}</ul></div>` : "";
  // Plain words only: the engine's name and stop reason are in summary.json.
  const engine = solve
    ? `<p class="muted">Allocated with seed ${solve.seed}; ${h(stopInWords(solve.stoppedBy))}.</p><p class="gap-words">${h(gapInWords(solve))}</p>${goalWords(solve)}${pins}`
    : "";
  if (check.valid) return `${engine}<p class="ok">The checker finds no broken hard rule.</p>`;
  const shown = check.violations.slice(0, 200);
  const rest = check.violations.length - shown.length;
  const items = shown.map((v) => `<li>[${h(v.rule)}] ${h(v.message)}</li>`).join("");
  const more = rest > 0 ? `<li>… and ${rest} more (see the checker's output)</li>` : "";
  const count = `<strong>${plural(check.violations.length, "hard-rule violation")}</strong>`;
  return `${engine}<div class="violations">${count}<ul>${items}${more}</ul></div>`;
}
