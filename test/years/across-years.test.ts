import { describe, expect, it } from "vitest";
import { generateYear, smallRandomSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import { parseYear } from "../../src/io/read-year.js";
import { ledgerCsv } from "../../src/io/write-outputs.js";
import { closedYearFiles } from "../../src/io/write-years.js";
import { yearNumber } from "../../src/model/history.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation, HistoryEntry } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { solve } from "../../src/solver/index.js";
import { closeYear, type Attendance } from "../../src/years/close-year.js";
import { expectedCarryOver, nextYearOf, noShows } from "../helpers/years.js";
import { serializeYear } from "../../src/io/write-year.js";

/** Closes a year through its files: the output folder read back, as next year's user would. */
function closeThroughFiles(problem: Problem, allocation: Allocation, attendance: Attendance[], label: string): Problem {
  const closed = closeYear(problem, allocation, { yearLabel: label, attendance });
  if (!closed.ok) throw new Error(JSON.stringify(closed.issues));
  const files = closedYearFiles(closed.value);
  expect(files["reviews.csv"]).toBeUndefined();
  // The folder's own files, as a reader lists them: previous-year/ is a subfolder it never reads
  // (its schools.csv beside the folder's would be two candidates for one file).
  const own = Object.fromEntries(Object.entries(files).filter(([name]) => !name.includes("/")));
  // Next year's reviews come as a new reviews.csv; an empty one reads the starting folder back.
  const read = parseYear({ ...own, "reviews.csv": "id,school_id,start\n" });
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.value;
}

async function solved(problem: Problem): Promise<Allocation> {
  const result = await solve(problem, { seed: 1 });
  expect(checkAllocation(problem, result.allocation).violations).toEqual([]);
  return result.allocation;
}

const key = (h: HistoryEntry) => `${h.year}|${h.reviewSchoolId}|${h.personId}|${h.role}`;
const sorted = (items: readonly string[]) => [...items].sort();

describe("closing a solved generated year with 8% no-shows", async () => {
  // The carry-over arithmetic across the years, without the limit on debts a school cannot pay.
  const generated = generateYear(smallRandomSpec(11, 24)).problem;
  const year1: Problem = { ...generated, policy: { ...generated.policy, carryOverWithinReach: false } };
  const allocation = await solved(year1);
  const attendance = noShows(allocation, 0.08, "no-shows/11");
  const next = closeThroughFiles(year1, allocation, attendance, "2024-25");

  it("gives each school previous + received − sent as its carry_over, counted independently", () => {
    const expected = expectedCarryOver(year1, allocation, attendance);
    expect(new Map(next.schools.map((s) => [s.id, s.carryOver]))).toEqual(expected);
    expect(attendance.length).toBeGreaterThan(0);
  });

  it("changes the carry-over by zero in sum over the schools", () => {
    const before = year1.schools.reduce((sum, s) => sum + s.carryOver, 0);
    const after = next.schools.reduce((sum, s) => sum + s.carryOver, 0);
    expect(after - before).toBe(0);
    expect(next.schools.some((s) => s.carryOver !== 0)).toBe(true);
  });

  it("adds exactly one history row per attended seat, peer and lead", () => {
    const absent = new Set(attendance.map((a) => `${a.reviewId}/${a.personId}`));
    const hostOf = new Map(year1.reviews.map((r) => [r.id, r.schoolId]));
    const attended = allocation.assignments.filter((a) => !absent.has(`${a.reviewId}/${a.personId}`));
    expect(sorted(next.history.map(key))).toEqual(sorted(attended.map((a) => key({ year: "2024-25", reviewSchoolId: hostOf.get(a.reviewId)!, personId: a.personId, role: a.role }))));
    expect(attended.some((a) => a.role === "lead")).toBe(true);
  });

  it("raises each indebted school's reciprocity target by its debt when the next year is solved (ledger.csv)", async () => {
    const year2 = nextYearOf(next, year1);
    const result = await solve(year2, { seed: 1 });
    expect(result.check.violations).toEqual([]);
    const ledger = new Map(ledgerCsv(result.check).trim().split("\n").slice(1).map((line) => {
      const [schoolId, , , , target] = line.split(",");
      return [schoolId!, Number(target)] as const;
    }));
    const hosted = new Map<string, number>();
    for (const review of indexYear({ ...year2, schools: year2.schools.map((s) => ({ ...s, carryOver: 0 })) }).reviews) hosted.set(review.host.id, (hosted.get(review.host.id) ?? 0) + review.peerSeats);
    const indebted = year2.schools.filter((s) => s.carryOver > 0);
    expect(indebted.length).toBeGreaterThan(0);
    for (const school of indebted) expect(ledger.get(school.id), school.id).toBe((hosted.get(school.id) ?? 0) + school.carryOver);
    for (const school of year2.schools.filter((s) => s.carryOver <= 0)) expect(ledger.get(school.id), school.id).toBe(Math.max(0, (hosted.get(school.id) ?? 0) + school.carryOver));
  });
});

describe("three years closed in a row on generated data, noRepeatYears 2", async () => {
  const labels = ["2024-25", "2025-26", "2026-27"];
  const first = generateYear(smallRandomSpec(5, 18)).problem;
  // Variety weighs nothing here, so only the rule keeps the solver off earlier pairings.
  // The chain is reconciled by plain arithmetic below: no limit on debts a school cannot pay.
  const years: Problem[] = [{ ...first, policy: { ...first.policy, noRepeatYears: 2, carryOverWithinReach: false, weights: { ...first.policy.weights, variety: 0 } } }];
  const allocations: Allocation[] = [];
  let start: Problem = years[0]!;
  for (const [i, label] of labels.entries()) {
    const year = i === 0 ? years[0]! : nextYearOf(start, years[i - 1]!);
    years[i] = year;
    const allocation = await solved(year);
    allocations.push(allocation);
    start = closeThroughFiles(year, allocation, noShows(allocation, 0.08, `three/${label}`), label);
  }
  const schoolOf = new Map(first.reviewers.map((r) => [r.id, r.schoolId]));

  it("reconciles ledger-years.csv with the histories: received, sent and the carry-over chain", () => {
    const ledger = start.ledgerYears ?? [];
    expect(ledger).toHaveLength(labels.length * first.schools.length);
    const carried = new Map(first.schools.map((s) => [s.id, 0]));
    for (const label of labels) {
      const peers = start.history.filter((h) => h.year === label && h.role === "peer");
      for (const school of first.schools) {
        const row = ledger.find((l) => l.year === label && l.schoolId === school.id)!;
        const received = peers.filter((h) => h.reviewSchoolId === school.id).length;
        const sent = peers.filter((h) => schoolOf.get(h.personId) === school.id).length;
        carried.set(school.id, carried.get(school.id)! + received - sent);
        expect([row.received, row.sent, row.balance, row.carryOverAfter]).toEqual([received, sent, sent - received, carried.get(school.id)]);
      }
    }
    expect(new Map(start.schools.map((s) => [s.id, s.carryOver]))).toEqual(carried);
  });

  it("places no reviewer at a school they reviewed within two years (the checker and a count from the history)", () => {
    for (const [i, allocation] of allocations.entries()) {
      const year = years[i]!;
      expect(checkAllocation(year, allocation).violations.filter((v) => v.rule === "no-repeat")).toEqual([]);
      const now = yearNumber(labels[i]!)!;
      const hostOf = new Map(year.reviews.map((r) => [r.id, r.schoolId]));
      const recent = new Set(year.history.filter((h) => h.role === "peer" && now - yearNumber(h.year)! <= 2).map((h) => `${h.personId}@${h.reviewSchoolId}`));
      const repeats = allocation.assignments.filter((a) => a.role === "peer" && recent.has(`${a.personId}@${hostOf.get(a.reviewId)}`));
      expect(repeats).toEqual([]);
    }
    // The rule had something to bar: the third year's history holds both earlier years.
    expect(new Set(years[2]!.history.map((h) => h.year))).toEqual(new Set(labels.slice(0, 2)));
  });

  it("writes the years' files back byte for byte (serializeYear of the read folder)", () => {
    const files = serializeYear(start);
    expect(files["ledger-years.csv"]!.split("\n")[0]).toBe("\uFEFFyear,school_id,received,sent,balance,carry_over_after");
    const read = parseYear({ ...files, "reviews.csv": files["reviews.csv"]! });
    expect(read.ok && serializeYear(read.value)).toEqual(files);
  });
});
