import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { parseYear } from "../../src/io/read-year.js";
import { renderReport } from "../../src/io/report/index.js";
import { explain } from "../../src/explain.js";
import { renderPlan } from "../../src/io/report-plan.js";
import { movesCsv, standbyCsv, weeksCsv } from "../../src/io/write-plan.js";
import { serializeYear } from "../../src/io/write-year.js";
import { indexYear } from "../../src/model/year.js";
import { plan } from "../../src/plan/index.js";
import { standbyList } from "../../src/plan/standby.js";
import { solve } from "../../src/solver/index.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

const baseDir = new URL("../bad-inputs/base/", import.meta.url).pathname;
const base: Record<string, string> = Object.fromEntries(
  ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"].map((file) => [file, readFileSync(join(baseDir, file), "utf8")]),
);
const withWindow = (cell: string) => {
  const [header, first, ...rest] = base["reviews.csv"]!.trimEnd().split("\n");
  return { ...base, "reviews.csv": `${[`${header},window`, `${first},${cell}`, ...rest.map((line) => `${line},`)].join("\n")}\n` };
};

const EVIL = `<script>alert("x")</script>`;

/** Two reviews in one week, two peer reviewers who can serve both, a third with a hostile name. */
function smallYear() {
  return problem({
    schools: [school("S1"), school("S2"), school("S3"), school("S4")],
    reviewers: [reviewer("P1", "S3"), reviewer("P2", "S4", { level: "reviewer" }), reviewer("P3", "S4", { name: EVIL })],
    leads: [lead("L1"), lead("L2", { name: EVIL })],
    reviews: [review("R1", "S1", "2024-03-04", { seats: 1 }), review("R2", "S2", "2024-03-11", { seats: 2 })],
  });
}

describe("the window column of reviews.csv", () => {
  it("reads dates and ranges in the availability format, and leaves a blank cell as no window", () => {
    const result = parseYear(withWindow("2024-03-04..2024-03-08;2024-03-18"));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.reviews[0]!.window).toEqual([{ from: "2024-03-04", to: "2024-03-08" }, { from: "2024-03-18", to: "2024-03-18" }]);
    expect(result.value.reviews[1]!.window).toBeUndefined();
  });

  it("a date that does not exist is an error with its row and column", () => {
    const result = parseYear(withWindow("2024-02-28..2024-02-30"));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.map((e) => [e.file, e.row, e.column])).toEqual([["reviews.csv", 2, "window"]]);
  });

  it("is written back only when some review has a window, and reads back as it was", () => {
    const plain = smallYear();
    expect(serializeYear(plain)["reviews.csv"]!.split("\n")[0]).toBe("\uFEFFid,school_id,start,days,seats");
    const windowed = { ...plain, reviews: plain.reviews.map((r, i) => (i === 0 ? { ...r, window: [{ from: "2024-03-04", to: "2024-03-15" }] } : r)) };
    const files = serializeYear(windowed);
    expect(files["reviews.csv"]!.split("\n")[0]).toBe("\uFEFFid,school_id,start,days,seats,window");
    const back = parseYear(files);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.value.reviews.map((r) => r.window)).toEqual([[{ from: "2024-03-04", to: "2024-03-15" }], undefined]);
  });
});

describe("plan and standby files", () => {
  // Supply by hand: each Lead Reviewer (10 reviews) may lead both reviews, so 2 a week between
  // them; P1 and P3 (advanced, 1 review each) split theirs over the two weeks, 1 a week, and P2
  // (1 review) adds 0.5 to the peers.
  it("weeks.csv, moves.csv and standby.csv have the columns the issue names", async () => {
    const result = await plan(smallYear(), { exact: false });
    expect(weeksCsv(result.weeks)).toBe(
      "\uFEFFweek,reviews,peer_seats,lead_seats,peer_places_available,advanced_places_available,lead_places_available,shortfall,advanced_teams,lead_supply,advanced_supply,peer_supply\n2024-03-04,1,1,1,3,2,2,0,1,2,1,1.5\n2024-03-11,1,2,1,3,2,2,0,1,2,1,1.5\n",
    );
    expect(movesCsv(result.moves)).toBe("\uFEFFreview_id,from_start,to_start,seats_gained\n");
    expect(standbyCsv([{ reviewId: "R1", rank: 1, role: "peer", personId: "P2", level: "reviewer" }, { reviewId: "R1", rank: 1, role: "lead", personId: "L1" }])).toBe(
      "\uFEFFreview_id,rank,role,person_id,level\nR1,1,peer,P2,reviewer\nR1,1,lead,L1,\n",
    );
  });

  it("plan.html shows every week in its chart, escapes names and loads nothing", async () => {
    const result = await plan({ ...smallYear(), schools: [school("S1", { name: EVIL }), ...smallYear().schools.slice(1)] }, { exact: false });
    const html = renderPlan(result, `Plan of ${EVIL}`);
    for (const week of result.weeks) expect(html).toContain(`data-week="${week.week}"`);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
  });

  it("the report shows the week chart and, per team card, its standby list with names escaped", async () => {
    const p = smallYear();
    const solved = await solve(p, { engine: "greedy", seed: 1 });
    const year = indexYear(p);
    const check = checkAllocation(year, solved.allocation);
    const html = renderReport({ year, allocation: solved.allocation, check, solve: solved, explanation: explain(year, solved.allocation), standby: standbyList(year, solved.allocation) });
    expect(html).toContain(`<section id="weeks">`);
    expect(html).toContain(`data-week="2024-03-04"`);
    const standby = standbyList(year, solved.allocation);
    expect(standby.length).toBeGreaterThan(0);
    for (const review of year.reviews) {
      const card = html.slice(html.indexOf(`id="team-${review.id}"`), html.indexOf("</article>", html.indexOf(`id="team-${review.id}"`)));
      const mine = standby.filter((row) => row.reviewId === review.id);
      expect((card.match(/data-standby=/g) ?? []).length, review.id).toBe(mine.length);
      for (const row of mine) expect(card).toContain(row.personId);
    }
    expect(html).not.toContain(EVIL);
  });
});
