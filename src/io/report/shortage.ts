import { emptySeatCounts } from "../../check.js";
import type { Shortage, ShortageAction, ShortageRow } from "../../plan/shortage.js";
import type { GroupRow, WhoLosesOut } from "../../plan/who-loses-out.js";
import { capital, emptySeatsInWords } from "../words.js";
import { h, percent, plural, sectionStart } from "../html/format.js";
import type { ReportInput } from "./input.js";

// The report's first section, what would fill the empty seats (the shortage sheet in words), and
// who loses out (teams by phase, size and hub, schools sending without a team, fairness).

/** The seats a line fills, in words: exactly when proven, else at least and at most. */
export function seatsInWords(row: Pick<ShortageRow, "seats" | "seatsAtMost" | "proven">): string {
  return row.proven ? `${plural(row.seats, "seat")} (proven)` : `at least ${row.seats}, at most ${plural(row.seatsAtMost, "seat")}`;
}

const totalOf = (shortage: Shortage, action: ShortageAction) => shortage.rows.find((r) => r.action === action && r.week === "all");
const weeksOf = (shortage: Shortage, action: ShortageAction) => shortage.rows.filter((r) => r.action === action && r.week !== "all");

function advancedItem(shortage: Shortage): string {
  const a = shortage.advanced;
  const total = totalOf(shortage, "recruit-advanced");
  if (!total) return "";
  const weeks = weeksOf(shortage, "recruit-advanced");
  return `<li data-action="recruit-advanced" data-amount="${total.amount}" data-seats="${total.seats}" data-seats-at-most="${total.seatsAtMost}"><strong>Advanced reviewers.</strong> \
${plural(a.teams, "team")} need an advanced reviewer each; the advanced reviewers there are can give at most ${a.staffed} of them one, whatever \
the allocation, so ${plural(a.short, "team")} stay without peers. <strong>${total.amount} more advanced reviewer-reviews</strong>, in the \
${plural(weeks.length, "week")} below, would staff them: ${seatsInWords(total)}. A recruit must be available that week and come from where the review takes its reviewers (for a QAR, beyond the host's hub, locality and trust).</li>`;
}

function secondItem(shortage: Shortage, year: ReportInput["year"]): string {
  const total = totalOf(shortage, "second-review");
  if (!total) return "";
  const people = shortage.rows.filter((r) => r.action === "second-review" && r.week !== "all");
  const shown = people.slice(0, 12).map((r) => {
    const review = year.reviewById.get(r.reviewIds[0]!);
    return `<li>${h(r.personName ?? "")} <span class="muted">${h(r.personId ?? "")}</span> on ${h(r.reviewIds[0] ?? "")}${review ? ` (${h(review.host.name)}, week of ${h(r.week)})` : ""}: ${seatsInWords(r)}</li>`;
  });
  const more = people.length > shown.length ? `<li class="muted">… and ${people.length - shown.length} more in shortage.csv</li>` : "";
  return `<li data-action="second-review" data-amount="${total.amount}" data-seats="${total.seats}"><strong>One more review from advanced reviewers at their maximum.</strong> \
${plural(people.length, "advanced reviewer")} already on all the reviews they offered could each staff a team without peers with one more; all of them \
together: ${seatsInWords(total)}. Most seats first:<ul>${shown.join("")}${more}</ul></li>`;
}

function simpleItem(shortage: Shortage, action: ShortageAction, title: string, what: string): string {
  const total = totalOf(shortage, action);
  if (!total) return "";
  return `<li data-action="${action}" data-amount="${total.amount}" data-seats="${total.seats}"><strong>${title}</strong> ${total.amount} ${what}: ${seatsInWords(total)}.</li>`;
}

function movesItem(shortage: Shortage): string {
  const moves = shortage.rows.filter((r) => r.action === "move-date");
  if (moves.length === 0) return "";
  const rows = moves.map((m) => `<li>${h(m.detail)}: ${seatsInWords(m)}</li>`);
  return `<li data-action="move-date" data-amount="${moves.length}"><strong>Date moves</strong> (reviews with a window): <ul>${rows.join("")}</ul></li>`;
}

/** One row per week: what each action asks of it and the seats it fills. */
function weekTable(shortage: Shortage): string {
  const actions: [ShortageAction, string][] = [
    ["recruit-advanced", "advanced reviewer-reviews"],
    ["recruit-reviewers", "reviewer-reviews"],
    ["recruit-lead", "Lead Reviewer days"],
  ];
  const weeks = [...new Set(shortage.rows.filter((r) => r.week !== "all" && actions.some(([a]) => a === r.action)).map((r) => r.week))].sort();
  if (weeks.length === 0) return "";
  const cell = (week: string, action: ShortageAction) => {
    const row = shortage.rows.find((r) => r.action === action && r.week === week);
    return row ? `<td class="num" data-v="${row.amount}">${row.amount}</td><td>${seatsInWords(row)}</td>` : `<td class="num" data-v="0"></td><td></td>`;
  };
  const hubs = (week: string) => [...new Set(shortage.rows.filter((r) => r.week === week && actions.some(([a]) => a === r.action)).flatMap((r) => r.hubs))].join(", ");
  const body = weeks.map((w) => `<tr><td class="nowrap">${h(w)}</td>${actions.map(([a]) => cell(w, a)).join("")}<td>${h(hubs(w))}</td></tr>`);
  const head = actions.map(([, unit]) => `<th class="num">${unit}</th><th>seats</th>`).join("");
  return `<table class="sortable"><thead><tr><th>week</th>${head}<th>hosts' hubs</th></tr></thead><tbody>
${body.join("\n")}
</tbody></table>`;
}

/**
 * The report's first section: the empty seats and what would fill them, in the units a
 * director recruits in, each with the seats it fills (proven where the bound allows).
 */
export function shortageSection({ year, check, shortage }: ReportInput): string {
  const title = sectionStart("shortage", "What would fill the empty seats");
  if (check.unfilled.length === 0) return `${title}<p class="ok">Every seat is filled.</p></section>`;
  if (!shortage) return "";
  if (shortage.skipped) {
    return `${title}<p>${h(capital(emptySeatsInWords(emptySeatCounts(year, check.unfilled))))}. What would fill them was not worked out: the \
run's time limit was reached first. Solve again with a longer --time-limit, or none, for this section and shortage.csv.</p></section>`;
  }
  const items = [
    advancedItem(shortage),
    secondItem(shortage, year),
    simpleItem(shortage, "recruit-reviewers", "Reviewers of any level.", "more reviewer-reviews would fill the teams short of peers"),
    simpleItem(shortage, "recruit-lead", "Lead Reviewers.", "Lead Reviewer days would lead the reviews without one"),
    movesItem(shortage),
  ].filter(Boolean);
  return `${title}<p>${h(capital(emptySeatsInWords(emptySeatCounts(year, check.unfilled))))}. Each line below is supply that would fill some of \
them, with the seats it fills beyond this allocation: "proven" where a valid allocation with that supply fills exactly that many and the seat \
bound with that supply allows no more; otherwise at least (such an allocation) and at most (the bound). The lines are alternatives; \
the file shortage.csv lists every one.</p>
<ul class="shortage">${items.join("\n")}</ul>
${weekTable(shortage)}</section>`;
}

function groupTable(rows: readonly GroupRow[], label: string): string {
  const body = rows.map((g) => {
    const without = g.noPeerTeam > 0 ? ` class="num owe"` : ` class="num"`;
    return `<tr><td data-v="${h(g.value)}">${h(g.group === "size" ? `${g.value} peer seats` : g.value)}</td><td class="num">${g.reviews}</td><td class="num">${g.fullTeams}</td>\
<td class="num">${g.shortOfPeers}</td><td${without}>${g.noPeerTeam}</td><td class="num" data-v="${g.reviews === 0 ? 0 : g.noPeerTeam / g.reviews}">${percent(g.noPeerTeam, g.reviews)}</td>\
<td class="num">${g.noLeadReviewer}</td><td class="num">${g.emptySeats}</td></tr>`;
  });
  return `<table class="sortable groups" data-group="${h(rows[0]?.group ?? "")}"><thead><tr><th>${label}</th><th class="num">reviews</th><th class="num">full</th><th class="num">short of peers</th>\
<th class="num">no peer team</th><th class="num">share without peers</th><th class="num">no Lead Reviewer</th><th class="num">empty seats</th></tr></thead><tbody>
${body.join("\n")}
</tbody></table>`;
}

function fairnessWords(who: WhoLosesOut): string {
  const f = who.fairness;
  if (!f) {
    return `<p class="muted">No fairness policy: the allocation fills the most seats, which staffs the largest teams first where advanced reviewers are short. \
<code>protectedPhases</code> (and <code>minPeersPerTeam</code>) in policy.json put chosen schools' teams first, at a price in seats (docs/policy.md).</p>`;
  }
  const what = `${f.protectedPhases.length > 0 ? `protected phases ${f.protectedPhases.join(", ")}` : "every review"}${f.minPeersPerTeam > 0 ? `, at least ${plural(f.minPeersPerTeam, "peer")} a team` : ""}`;
  const cost = f.costInSeats === undefined ? "" : ` It cost at most <span data-fairness="cost">${f.costInSeats}</span> seats: the seat bound without fairness minus the seats filled with it.`;
  return `<p data-fairness="given" data-given="${f.given}" data-protected="${f.protectedReviews}">Fairness (${h(what)}): ${f.given} of ${plural(f.protectedReviews, "protected review")} have a team of at least their minimum.${cost}</p>`;
}

/** Who loses out: teams by phase, size and hub; the schools that send without receiving a team; fairness. */
export function whoLosesOutSection({ losers }: ReportInput): string {
  if (!losers) return "";
  const title = sectionStart("losers", "Who loses out");
  const by = (group: GroupRow["group"]) => losers.groups.filter((g) => g.group === group);
  const hubs = [...by("hub")].sort((a, b) => b.noPeerTeam / Math.max(1, b.reviews) - a.noPeerTeam / Math.max(1, a.reviews) || (a.value < b.value ? -1 : 1));
  const schools = losers.sendingWithoutTeam;
  const shown = [...schools].sort((a, b) => b.placesSent - a.placesSent || (a.schoolId < b.schoolId ? -1 : 1)).slice(0, 20);
  const list = shown.map((s) => `<li>${h(s.name)} <span class="muted">${h(s.schoolId)} · ${h(s.phase)} · ${h(s.hub)}</span>: sends ${plural(s.placesSent, "place")}, receives none of its ${plural(s.peerSeats, "seat")}</li>`);
  const more = schools.length > shown.length ? `<li class="muted">… and ${schools.length - shown.length} more in schools-without-team.csv</li>` : "";
  return `${title}<p data-without-team="${losers.withoutTeam}" data-sending="${schools.length}" data-places="${losers.placesSentWithoutTeam}">${plural(losers.withoutTeam, "school")} \
${losers.withoutTeam === 1 ? "has" : "have"} no peer team for ${losers.withoutTeam === 1 ? "its" : "their"} own review; ${schools.length} of them still send \
${plural(losers.placesSentWithoutTeam, "place")} to other schools' reviews.</p>
${fairnessWords(losers)}
${schools.length > 0 ? `<h3>Schools that send places without receiving a team</h3><ul class="losers">${list.join("")}${more}</ul>` : ""}
<h3>By the host's phase</h3>${groupTable(by("phase"), "phase")}
<h3>By team size</h3>${groupTable(by("size"), "team size")}
<h3>By hub</h3>${groupTable(hubs, "hub")}
<p class="muted">Also in teams-by-group.csv and schools-without-team.csv.</p></section>`;
}
