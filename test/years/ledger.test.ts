import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { academicYearLabel, currentYearNumber, yearNumber } from "../../src/model/history.js";
import { parseDay } from "../../src/model/dates.js";
import { compareYearLabels, standings } from "../../src/years/ledger.js";

const row = (year: string, schoolId: string, received: number, sent: number, carryOverAfter: number) => ({ year, schoolId, received, sent, balance: sent - received, carryOverAfter });

describe("year labels", () => {
  it("are ordered by the year they start with", () => {
    expect(yearNumber("2023-24")).toBe(2023);
    expect(yearNumber("2023/24")).toBe(2023);
    expect(yearNumber("2024")).toBe(2024);
    expect(yearNumber("last year")).toBeUndefined();
    expect(yearNumber("20234")).toBeUndefined();
    expect(["2025-26", "2009-10", "2024"].sort(compareYearLabels)).toEqual(["2009-10", "2024", "2025-26"]);
  });

  it("this year is the policy's label, else the academic year (September to August) of the first review", () => {
    expect(academicYearLabel(parseDay("2024-09-01")!)).toBe("2024-25");
    expect(academicYearLabel(parseDay("2025-08-31")!)).toBe("2024-25");
    expect(academicYearLabel(parseDay("2099-12-01")!)).toBe("2099-00");
    expect(currentYearNumber("", [parseDay("2025-03-04")!, parseDay("2024-11-04")!])).toBe(2024);
    expect(currentYearNumber("2030-31", [parseDay("2025-03-04")!])).toBe(2030);
    expect(currentYearNumber("", [])).toBeUndefined();
  });

  it("every day's academic year label starts with a year that is the day's year or the one before", () => {
    fc.assert(
      fc.property(fc.integer({ min: parseDay("1990-01-01")!, max: parseDay("2090-12-31")! }), (day) => {
        const calendarYear = Number(new Date(day * 86_400_000).toISOString().slice(0, 4));
        expect([calendarYear - 1, calendarYear]).toContain(yearNumber(academicYearLabel(day)));
      }),
      { numRuns: 200, seed: 4 },
    );
  });
});

describe("standings", () => {
  it("puts the schools owing most now first, then the lowest balance over the years, then id", () => {
    const rows = standings([
      row("2023-24", "S2", 3, 1, 2),
      row("2022-23", "S1", 2, 2, 0),
      row("2023-24", "S1", 4, 2, 2),
      row("2022-23", "S2", 0, 0, 0),
      row("2023-24", "S3", 0, 3, -3),
      row("2023-24", "S4", 1, 2, 2),
    ]);
    expect(rows.map((r) => [r.schoolId, r.carryOver, r.balance])).toEqual([
      ["S1", 2, -2],
      ["S2", 2, -2],
      ["S4", 2, 1],
      ["S3", -3, 3],
    ]);
    expect(rows[0]).toMatchObject({ received: 6, sent: 4, yearsMeetingCommitment: 1, years: [{ year: "2022-23", balance: 0 }, { year: "2023-24", balance: -2 }] });
  });

  it("takes what a school owes now from its latest closed year, whatever the rows' order", () => {
    const rows = standings([row("2024-25", "S1", 0, 1, 5), row("2023-24", "S1", 1, 0, 6)]);
    expect(rows[0]!.carryOver).toBe(5);
  });
});
