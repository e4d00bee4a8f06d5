/**
 * Every CSV output starts with a UTF-8 BOM (issue 28), and every reader of the project reads a
 * file with a BOM exactly as the same file without it, whether given as text or as bytes (as a
 * spreadsheet saves "CSV UTF-8", and as `qar` now writes its outputs).
 */
import { describe, expect, it } from "vitest";
import { parseAllocation } from "../../src/io/read-allocation.js";
import { parseChanges } from "../../src/io/read-changes.js";
import { parseResponses } from "../../src/io/read-responses.js";
import { parseAttendance, parseLedgerYears, parsePathway, schoolNames } from "../../src/io/read-years.js";
import { parseGroupsCsv } from "../../src/io/groups/read-groups.js";
import { parsePolicy } from "../../src/io/read-policy.js";
import { parseYear } from "../../src/io/read-year.js";
import { BOM, toCsv } from "../../src/io/csv-text.js";
import type { InputError } from "../../src/io/errors.js";

const plain: Record<string, [string, (contents: string | Uint8Array) => unknown]> = {
  "allocation.csv": ["review_id,role,person_id,status\nR1,lead,L1,confirmed\nR1,peer,P1,\n", (c) => parseAllocation(c)],
  "changes.csv": ["change,id,value\nwithdraw,P1,\nmove,R1,2024-03-11\n", (c) => parseChanges(c)],
  "responses.csv": ["review_id,person_id,response\nR1,P1,yes\n", (c) => parseResponses(c)],
  "ledger-years.csv": ["year,school_id,received,sent,balance,carry_over_after\n2023-24,S1,2,1,-1,1\n", (c) => parseLedgerYears(c)],
  "attendance.csv": ["review_id,person_id,attended\nR1,P1,no\n", (c) => parseAttendance(c)],
  "pathway.csv": ["reviewer_id,waiting_since\nP1,2023-24\n", (c) => parsePathway(c)],
  "schools.csv": ["id,name,hub,phase,pupils\nS1,Ödön Varga Primary,North,primary,\"1,200\"\n", (c) => schoolNames(c)],
  "groups.csv": ["programme,group_id,school_id\nGTT,G1,A\nGTT,G1,B\nGTT,G1,C\n", (c) => parseGroupsCsv(c, "groups.csv")],
  "policy.json": ['{"minDistanceKm": 7}', (c) => {
    const errors: InputError[] = [];
    return [parsePolicy("policy.json", c, errors)?.minDistanceKm, errors];
  }],
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe("a BOM in front of every file the project reads", () => {
  it.each(Object.keys(plain))("%s reads the same with a BOM, as text and as bytes", (name) => {
    const [text, read] = plain[name]!;
    const expected = read(text);
    expect(JSON.stringify(expected)).not.toContain('"ok":false');
    expect(read(`${BOM}${text}`)).toEqual(expected);
    expect(read(bytes(`${BOM}${text}`))).toEqual(expected);
  });

  it("a year whose every file starts with a BOM (as qar close-year writes them) reads as the year without", () => {
    const files = {
      "schools.csv": toCsv(["id", "name", "hub", "phase", "pupils"], [["S1", "Dr. Ödön Varga School", "North", "primary", 200]]),
      "reviewers.csv": toCsv(["id", "name", "school_id", "level", "available"], [["P1", "Dr. Ödön Varga", "S1", "advanced", "2024-01-08..2024-03-29"]]),
      "leads.csv": toCsv(["id", "name", "available"], [["L1", "Zoë Ağaoğlu", "2024-01-08..2024-03-29"]]),
      "reviews.csv": toCsv(["id", "school_id", "start"], [["R1", "S1", "2024-01-15"]]),
    };
    for (const text of Object.values(files)) expect(text.startsWith(BOM)).toBe(true);
    const without = Object.fromEntries(Object.entries(files).map(([name, text]) => [name, text.slice(1)]));
    const read = parseYear(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, bytes(text)])));
    expect(read.ok && read.value.reviewers[0]!.name).toBe("Dr. Ödön Varga");
    expect(read).toEqual(parseYear(without));
  });
});
