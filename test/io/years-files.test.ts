import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { InputError } from "../../src/io/errors.js";
import { parseYear } from "../../src/io/read-year.js";
import { parseAttendance, parseLedgerYears, parsePathway } from "../../src/io/read-years.js";

const baseDir = new URL("../bad-inputs/base/", import.meta.url).pathname;
const base: Record<string, string> = Object.fromEntries(["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"].map((file) => [file, readFileSync(join(baseDir, file), "utf8")]));
const where = (errors: readonly InputError[]) => errors.map((e) => [e.file, e.row, e.column]);
const errorsOf = (files: Record<string, string>) => {
  const result = parseYear({ ...base, ...files });
  return result.ok ? [] : result.errors;
};
const LEDGER_HEADER = "year,school_id,received,sent,balance,carry_over_after\n";

describe("ledger-years.csv in a year folder", () => {
  it("is read into the problem, and left out when the folder has none", () => {
    const read = parseYear({ ...base, "ledger-years.csv": `${LEDGER_HEADER}2023-24,S001,2,3,1,-1\n` });
    expect(read.ok && read.value.ledgerYears).toEqual([{ year: "2023-24", schoolId: "S001", received: 2, sent: 3, balance: 1, carryOverAfter: -1 }]);
    const without = parseYear(base);
    expect(without.ok && without.value.ledgerYears).toBeUndefined();
  });

  it("refuses a balance that is not sent − received, a school listed twice in a year, and blank or negative counts", () => {
    const errors = errorsOf({ "ledger-years.csv": `${LEDGER_HEADER}2023-24,S001,2,3,0,0\n2023-24,S002,1,1,0,0\n2023-24,S002,1,1,0,0\n2023-24,S003,,1,1,0\n2023-24,S004,-1,1,2,0\n` });
    expect(where(errors)).toEqual([
      ["ledger-years.csv", 2, "balance"],
      ["ledger-years.csv", 5, "received"],
      ["ledger-years.csv", 6, "received"],
      ["ledger-years.csv", 4, "school_id"],
    ]);
    expect(errors[0]!.message).toContain("sent − received is 1");
    expect(errors[3]!.message).toContain("listed twice for 2023-24 (first in row 3)");
  });

  it("needs its columns", () => {
    expect(where(errorsOf({ "ledger-years.csv": "year,school_id,received,sent,balance\n2023-24,S001,1,1,0\n" }))).toEqual([["ledger-years.csv", 1, "carry_over_after"]]);
  });

  it("reads alone for qar ledger, with the same checks", () => {
    const ok = parseLedgerYears(`${LEDGER_HEADER}2022-23,X,0,0,0,0\n`);
    expect(ok.ok && ok.value.rows).toEqual([2]);
    const bad = parseLedgerYears(`${LEDGER_HEADER}2022-23,X,0,0,0,0\n2022-23,X,1,0,-1,1\n`);
    expect(bad.ok ? [] : where(bad.errors)).toEqual([["ledger-years.csv", 3, "school_id"]]);
  });
});

describe("history.csv years with noRepeatYears", () => {
  const history = "year,review_school_id,person_id,role\n2022-23,S001,P0001,peer\nlast year,S002,P0001,peer\n";

  it("must start with a year when noRepeatYears is on, since the rule orders them", () => {
    const errors = errorsOf({ "history.csv": history, "policy.json": `{"noRepeatYears": 2}` });
    expect(where(errors)).toEqual([["history.csv", 3, "year"]]);
    expect(errors[0]!.message).toContain("noRepeatYears");
  });

  it("may be any text when the rule is off", () => {
    expect(errorsOf({ "history.csv": history })).toEqual([]);
  });
});

describe("policy keys of the years", () => {
  it("accepts maxCarryOver null (no cap) or a whole number, and a year label that starts with a year", () => {
    expect(errorsOf({ "policy.json": `{"maxCarryOver": null, "yearLabel": "2024-25", "reviewsForAdvanced": 4, "noRepeatYears": 1, "weights": {"firstReview": 0}}` })).toEqual([]);
    expect(errorsOf({ "policy.json": `{"maxCarryOver": 2, "yearLabel": ""}` })).toEqual([]);
  });

  it("refuses a negative cap, a label without a year, and reviewsForAdvanced 0", () => {
    const errors = errorsOf({ "policy.json": `{"maxCarryOver": -1, "yearLabel": "this year", "reviewsForAdvanced": 0}` });
    expect(errors.map((e) => e.column)).toEqual(["maxCarryOver", "reviewsForAdvanced", "yearLabel"]);
    expect(errors.find((e) => e.column === "yearLabel")!.message).toContain("must start with the year it begins in");
  });
});

describe("attendance.csv and pathway.csv", () => {
  it("reads attended yes or no (any case), with each row's spreadsheet row", () => {
    const read = parseAttendance("review_id,person_id,attended\nR1,P1,Yes\n\nR2,P2,no\n");
    expect(read.ok && read.value).toEqual({ items: [{ reviewId: "R1", personId: "P1", attended: true }, { reviewId: "R2", personId: "P2", attended: false }], rows: [2, 4] });
  });

  it("names a blank or unknown attended value and a missing column", () => {
    const bad = parseAttendance("review_id,person_id,attended\nR1,P1,\nR2,,no\n");
    expect(bad.ok ? [] : where(bad.errors)).toEqual([["attendance.csv", 2, "attended"], ["attendance.csv", 3, "person_id"]]);
    const missing = parseAttendance("review_id,person_id\nR1,P1\n");
    expect(missing.ok ? [] : where(missing.errors)).toEqual([["attendance.csv", 1, "attended"]]);
  });

  it("reads back who waits since when from a pathway.csv", () => {
    const read = parsePathway("reviewer_id,name,school_id,level,reviews_completed,last_review_year,eligible_for_advanced,waiting_for_first_review,waiting_since\nP1,A,S1,trainee,0,,no,yes,2022-23\nP2,B,S1,reviewer,2,2023-24,no,no,\n");
    expect(read.ok && read.value.items).toEqual([{ reviewerId: "P1", waitingSince: "2022-23" }, { reviewerId: "P2" }]);
  });
});
