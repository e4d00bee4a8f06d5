import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { formatDay, weekStart } from "../../src/model/dates.js";
import { indexYear, type Year } from "../../src/model/year.js";
import { shortageWithoutMoves, type ShortageRow } from "../../src/plan/shortage.js";
import { whoLosesOut } from "../../src/plan/who-loses-out.js";
import { allowedPair } from "../../src/rules/index.js";
import { solve } from "../../src/solver/index.js";
import { tightYear, withRecruits } from "../helpers/tight-year.js";

/**
 * The independent count: a maximum matching (augmenting paths, Kuhn) of advanced reviewers,
 * one review each, to the teams that need one, over the pairs the rules allow.
 */
function advancedMatching(year: Year): number {
  const teams = year.reviews.filter((r) => r.peerSeats > 0 && r.kind.minAdvancedPerTeam > 0);
  const people = year.reviewers.filter((p) => p.level === "advanced" && p.maxReviews >= 1);
  const options = new Map(people.map((p) => [p, teams.filter((t) => allowedPair(year, p, t))]));
  const holder = new Map<string, (typeof people)[number]>();
  const augment = (person: (typeof people)[number], seen: Set<string>): boolean => {
    for (const team of options.get(person)!) {
      if (seen.has(team.id)) continue;
      seen.add(team.id);
      const other = holder.get(team.id);
      if (!other || augment(other, seen)) {
        holder.set(team.id, person);
        return true;
      }
    }
    return false;
  };
  let matched = 0;
  for (const person of people) if (augment(person, new Set())) matched += 1;
  return matched;
}

describe("the shortage sheet", async () => {
  const problem = tightYear(7);
  const result = await solve(problem, { seed: 1 });
  const sheet = shortageWithoutMoves(result.year, result.allocation, { bound: result.bound, witnesses: true });
  const weekRows = sheet.rows.filter((r) => r.action === "recruit-advanced" && r.week !== "all");
  const all = sheet.rows.find((r) => r.action === "recruit-advanced" && r.week === "all")!;

  it("is a short year, solved exactly (the sheet's totals are the optimum's)", () => {
    expect(result.check.valid).toBe(true);
    expect(result.proven).toBe(true);
    expect(sheet.advanced.short).toBeGreaterThan(3);
    expect(weekRows.length).toBeGreaterThan(2);
  });

  it("its advanced reviewer-reviews total matches an independent count of advanced reviewer places against teams", () => {
    const teams = result.year.reviews.filter((r) => r.peerSeats > 0).length;
    const matched = advancedMatching(result.year);
    expect(sheet.advanced.teams).toBe(teams);
    expect(sheet.advanced.staffed).toBe(matched);
    expect(all.amount).toBe(teams - matched);
    expect(weekRows.reduce((n, r) => n + r.amount, 0)).toBe(teams - matched);
    // Week by week: the teams of the week that got no peer, counted from the allocation's rows.
    const peers = new Set(result.allocation.assignments.filter((a) => a.role === "peer").map((a) => a.reviewId));
    for (const row of weekRows) {
      const week = result.year.reviews.filter((r) => formatDay(weekStart(r.span.from)) === row.week && r.peerSeats > 0 && !peers.has(r.id));
      expect(row.amount, row.week).toBe(week.length);
      expect([...row.reviewIds].sort(), row.week).toEqual(week.map((r) => r.id).sort());
    }
  });

  it("every line's seats are met by a valid allocation with its supply, and never exceed its bound", () => {
    const filled = result.check.metrics.filled.total;
    expect(sheet.rows.length).toBeGreaterThan(weekRows.length);
    for (const row of sheet.rows) {
      const label = `${row.action} ${row.week} ${row.personId ?? ""}`;
      expect(row.seats, label).toBeLessThanOrEqual(row.seatsAtMost);
      expect(row.proven, label).toBe(row.seats === row.seatsAtMost);
      expect(row.witness, label).toBeDefined();
      const check = checkAllocation(withRecruits(problem, row.witness!), row.witness!.allocation);
      expect(check.violations, label).toEqual([]);
      expect(check.metrics.filled.total - filled, label).toBe(row.seats);
    }
  });

  it("every week's advanced recruits together fill at least what the best week alone does, and at most the empty peer seats", () => {
    const empty = result.check.metrics.seats.peer - result.check.metrics.filled.peer;
    expect(all.seatsAtMost).toBeLessThanOrEqual(empty);
    expect(all.seats).toBeGreaterThanOrEqual(Math.max(...weekRows.map((r) => r.seats)));
    expect(weekRows.some((r) => r.proven)).toBe(true);
  });

  it("names advanced reviewers at their maximum who could take one more review, each on a team without peers", () => {
    const seconds = sheet.rows.filter((r) => r.action === "second-review" && r.week !== "all");
    expect(seconds.length).toBeGreaterThan(0);
    const peers = new Set(result.allocation.assignments.filter((a) => a.role === "peer").map((a) => a.reviewId));
    for (const row of seconds) {
      const person = result.year.people.peer.get(row.personId!)!;
      expect(person.level).toBe("advanced");
      expect(result.allocation.assignments.filter((a) => a.personId === person.id)).toHaveLength(person.maxReviews);
      expect(peers.has(row.reviewIds[0]!)).toBe(false);
      expect(row.personName).toBe(person.name);
    }
  });
});

describe("fairness: trading seats for teams", async () => {
  // A year where the most seats leave special schools without a peer team.
  const seed = 2;
  const plain = await solve(tightYear(seed), { seed: 1 });
  const fair = await solve(tightYear(seed, { protectedPhases: ["special"] }), { seed: 1 });
  const special = (r: { host: { phase?: string } }) => r.host.phase === "special";
  const staffed = (allocation: typeof plain.allocation) => new Set(allocation.assignments.filter((a) => a.role === "peer").map((a) => a.reviewId));

  it("protectedPhases changes who gets a team, and every allocation passes the checker", () => {
    for (const result of [plain, fair]) expect(checkAllocation(result.year, result.allocation).violations).toEqual([]);
    const specials = plain.year.reviews.filter(special);
    const before = specials.filter((r) => staffed(plain.allocation).has(r.id)).length;
    const after = specials.filter((r) => staffed(fair.allocation).has(r.id)).length;
    expect(before).toBeLessThan(specials.length);
    expect(after).toBeGreaterThan(before);
    // Teams that had peers lose them: the advanced reviewers went to the special schools.
    const lost = plain.year.reviews.filter((r) => staffed(plain.allocation).has(r.id) && !staffed(fair.allocation).has(r.id));
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.some((r) => !special(r))).toBe(true);
  });

  it("reports its cost in seats: the seat bound without fairness minus the seats filled with it", () => {
    const who = whoLosesOut(fair.year, fair.allocation, fair.bound);
    expect(who.fairness).toBeDefined();
    // The bound is fairness-free: the same as the plain year's, which its solve meets.
    expect(fair.bound.filledSeats).toBe(plain.bound.filledSeats);
    expect(plain.proven).toBe(true);
    expect(who.fairness!.costInSeats).toBe(plain.check.metrics.filled.total - fair.check.metrics.filled.total);
    expect(who.fairness!.costInSeats).toBeGreaterThan(0);
    expect(who.fairness!.given).toBe(fair.year.reviews.filter(special).filter((r) => staffed(fair.allocation).has(r.id)).length);
    expect(whoLosesOut(plain.year, plain.allocation, plain.bound).fairness).toBeUndefined();
  });
});
