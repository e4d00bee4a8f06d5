import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serializeYear } from "../../src/io/write-year.js";
import { indexYear } from "../../src/model/year.js";
import { travelKm } from "../../src/model/year.js";
import { tightYear } from "../helpers/tight-year.js";
import { csvRows as rows, qar, readOutput as read, scratch, TINY } from "./qar.js";

const tmp = scratch("shortage");
afterAll(tmp.remove);

const problem = tightYear(7);
const folder = join(tmp.dir, "tight");
mkdirSync(folder);
for (const [name, text] of Object.entries(serializeYear(problem))) writeFileSync(join(folder, name), text);
const out = join(tmp.dir, "out");

/** The words the solver speaks in: they stay in summary.json and the docs. */
const SOLVER_WORDS = /\b(lns|bound-met|flows?|funnel|mip|engine)\b/i;
/** Another partnership's published figures. */
const PUBLISHED = /89%|82%|67%|2017-18|2023-24|published/;

describe("qar solve on a short year: the shortage sheet and who loses out", () => {
  it("qar solve <tight year> --out <out> --seed 1 writes shortage.csv, teams-by-group.csv and schools-without-team.csv", async () => {
    const { code, out: text } = await qar("solve", folder, "--out", out, "--seed", "1");
    expect(code).toBe(0);
    expect(text).toContain("shortage.csv, teams-by-group.csv, schools-without-team.csv");
    expect(read(out, "shortage.csv").split("\n")[0]).toBe("\uFEFFaction,week,hubs,review_ids,person_id,person_name,amount,unit,seats,seats_at_most,proven,detail");
    expect(read(out, "teams-by-group.csv").split("\n")[0]).toBe("\uFEFFgroup,value,reviews,peer_seats,full_teams,short_of_peers,no_peer_team,no_lead_reviewer,empty_seats");
    expect(read(out, "schools-without-team.csv").split("\n")[0]).toBe("\uFEFFschool_id,name,phase,hub,review_ids,peer_seats,places_sent");
    const sheet = rows(read(out, "shortage.csv"));
    expect(sheet.some((r) => r.action === "recruit-advanced" && r.week === "all")).toBe(true);
    for (const r of sheet) expect(Number(r.seats)).toBeLessThanOrEqual(Number(r.seats_at_most));
  });

  it("gives one count of the empty seats: explain, the terminal, the report and summary.json agree", async () => {
    const summary = JSON.parse(read(out, "summary.json")) as { emptySeats: { seats: number; reviews: number; noPeerTeam: number } };
    expect(summary.emptySeats.reviews).toBeGreaterThan(0);
    const explained = await qar("explain", folder, join(out, "allocation.csv"), "--quiet");
    const last = explained.out.trim().split("\n").at(-1)!;
    expect(last).toMatch(new RegExp(`^${summary.emptySeats.seats} empty seats on ${summary.emptySeats.reviews} reviews: ${summary.emptySeats.noPeerTeam} without a peer team`));
    const terminal = await qar("check", folder, join(out, "allocation.csv"));
    expect(terminal.out).toMatch(new RegExp(`^empty seats +${last.replace(/[()]/g, "\\$&")}$`, "m"));
    const html = read(out, "report.html");
    expect(Number(/data-short-reviews="(\d+)"/.exec(html)?.[1])).toBe(summary.emptySeats.reviews);
    expect(Number(/data-empty-seats="(\d+)"/.exec(html)?.[1])).toBe(summary.emptySeats.seats);
    const json = JSON.parse((await qar("explain", folder, join(out, "allocation.csv"), "--json")).out) as { counts: typeof summary.emptySeats };
    expect(json.counts).toMatchObject(summary.emptySeats);
  });

  it("the report opens with what would fill the empty seats, and its totals are shortage.csv's and summary.json's", () => {
    const html = read(out, "report.html");
    expect(/<section id="([^"]+)"/.exec(html)?.[1]).toBe("shortage");
    const sheet = rows(read(out, "shortage.csv"));
    const all = sheet.find((r) => r.action === "recruit-advanced" && r.week === "all")!;
    const item = /<li data-action="recruit-advanced" data-amount="(\d+)" data-seats="(\d+)" data-seats-at-most="(\d+)"/.exec(html)!;
    expect(item.slice(1).map(Number)).toEqual([Number(all.amount), Number(all.seats), Number(all.seats_at_most)]);
    const summary = JSON.parse(read(out, "summary.json")) as { shortage: { advanced: { short: number }; actions: Record<string, { amount: number; seats: number }> } };
    expect(summary.shortage.actions["recruit-advanced"]).toMatchObject({ amount: Number(all.amount), seats: Number(all.seats) });
    expect(summary.shortage.advanced.short).toBe(Number(all.amount));
  });

  it("shows who loses out: the groups add up to the year, and the schools sending without a team are those of the file", () => {
    const groups = rows(read(out, "teams-by-group.csv"));
    const year = indexYear(problem);
    const summary = JSON.parse(read(out, "summary.json")) as { emptySeats: { seats: number; noPeerTeam: number } };
    for (const group of ["phase", "size", "hub"]) {
      const mine = groups.filter((g) => g.group === group);
      const sum = (column: string) => mine.reduce((n, g) => n + Number(g[column]), 0);
      expect(sum("reviews"), group).toBe(year.reviews.length);
      expect(sum("no_peer_team"), group).toBe(summary.emptySeats.noPeerTeam);
      expect(sum("empty_seats"), group).toBe(summary.emptySeats.seats);
    }
    // Each school listed: all its reviews without a peer, and places sent as counted from allocation.csv.
    const allocation = rows(read(out, "allocation.csv"));
    for (const s of rows(read(out, "schools-without-team.csv"))) {
      for (const id of s.review_ids!.split(";")) expect(allocation.some((a) => a.review_id === id && a.role === "peer")).toBe(false);
      expect(allocation.filter((a) => a.role === "peer" && a.person_school_id === s.school_id).length).toBe(Number(s.places_sent));
    }
    const html = read(out, "report.html");
    expect(html).toContain(`<section id="losers">`);
    expect(Number(/data-sending="(\d+)"/.exec(html)?.[1])).toBe(rows(read(out, "schools-without-team.csv")).length);
  });

  it("speaks of the user's year only: no published figure of another partnership, no solver words in the report or the letters", () => {
    const html = read(out, "report.html");
    const text = html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>/g, "");
    expect(text).not.toMatch(PUBLISHED);
    expect(html).not.toMatch(SOLVER_WORDS);
    expect(read(out, "letters.csv")).not.toMatch(SOLVER_WORDS);
    // The solver's words stay in summary.json.
    expect(read(out, "summary.json")).toMatch(/"engine"/);
  });

  it("reports phase match for peers and for Lead Reviewers apart, and marks long journeys on the team cards", () => {
    const summary = JSON.parse(read(out, "summary.json")) as { phaseMatch: { peers: { matched: number }; leads: { matched: number; noPhases: number } } };
    const html = read(out, "report.html");
    expect(html).toContain(`data-metric="peerPhaseMatched">${summary.phaseMatch.peers.matched}<`);
    expect(html).toContain(`data-metric="leadPhaseMatched">${summary.phaseMatch.leads.matched}<`);
    const year = indexYear(problem);
    const long = new Set<string>();
    for (const a of rows(read(out, "allocation.csv"))) {
      const person = year.people[a.role as "lead" | "peer"].get(a.person_id!)!;
      const km = travelKm(person, year.reviewById.get(a.review_id!)!.host);
      if (km !== undefined && km > year.policy.longJourneyKm) long.add(`${a.review_id}/${a.person_id}`);
    }
    expect(long.size).toBeGreaterThan(0);
    expect((html.match(/data-long-journey/g) ?? []).length).toBe(long.size);
  });

  it("qar solve <tight year> --compare-published shows the published figures beside the year's", async () => {
    const compared = join(tmp.dir, "compared");
    expect((await qar("solve", folder, "--out", compared, "--seed", "1", "--quiet", "--compare-published")).code).toBe(0);
    expect(read(compared, "report.html")).toMatch(/published: 89% \(2017-18\), 82% \(2023-24\)/);
  });
});

describe("charts that tell the truth", () => {
  it("qar plan fixtures/years/tiny draws Lead Reviewer supply beside the advanced and peer supply, week by week", async () => {
    const plan = join(tmp.dir, "plan");
    expect((await qar("plan", TINY, "--out", plan, "--quiet")).code).toBe(0);
    const html = read(plan, "plan.html");
    const weeks = rows(read(plan, "weeks.csv"));
    for (const role of ["lead", "advanced", "peer"]) {
      const panel = new RegExp(`<g class="panel" data-role="${role}" data-needed="(\\d+)" data-supply="(\\d+)"`).exec(html);
      expect(panel, role).not.toBeNull();
      const column = { lead: "lead_supply", advanced: "advanced_supply", peer: "peer_supply" }[role]!;
      expect(Number(panel![2]), role).toBe(Math.round(weeks.reduce((n, w) => n + Number(w[column]), 0)));
      for (const w of weeks) expect(html).toContain(`data-week="${w.week}" data-role="${role}"`);
    }
    expect(Number(/data-role="lead" data-needed="\d+" data-supply="(\d+)"/.exec(html)![1])).toBeGreaterThan(0);
  });
});
