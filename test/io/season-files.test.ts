import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeFolderAtomically } from "../../src/io/files.js";
import { parseAllocation, parseAllocationRows } from "../../src/io/read-allocation.js";
import { parseResponses } from "../../src/io/read-responses.js";
import { parseYear } from "../../src/io/read-year.js";
import { serializeYear } from "../../src/io/write-year.js";
import { allocationCsv } from "../../src/io/write-outputs.js";
import { indexYear } from "../../src/model/year.js";

const baseDir = new URL("../bad-inputs/base/", import.meta.url).pathname;
const base: Record<string, string> = Object.fromEntries(
  ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"].map((file) => [file, readFileSync(join(baseDir, file), "utf8")]),
);
const where = (result: { ok: boolean; errors?: readonly { file: string; row?: number; column?: string }[] }) => (result.ok ? [] : result.errors!.map((e) => [e.file, e.row, e.column]));

describe("allocation.csv status", () => {
  it("without a status column every row is proposed", () => {
    const read = parseAllocation("review_id,role,person_id\nR1,lead,L1\nR1,peer,P1\n");
    expect(read.ok && read.value).toEqual({ assignments: [{ reviewId: "R1", role: "lead", personId: "L1" }, { reviewId: "R1", role: "peer", personId: "P1" }] });
  });

  it("confirmed rows keep their status and sequence; declined rows fill no seat and are kept apart, with their rows", () => {
    const text = "review_id,role,person_id,status,sequence\nR1,lead,L1,Confirmed,2\nR1,peer,P1,,\nR1,peer,P2,DECLINED,1\nR2,peer,P3,proposed,0\n";
    const read = parseAllocationRows(text);
    expect(read.ok && read.value).toEqual({
      allocation: {
        assignments: [{ reviewId: "R1", role: "lead", personId: "L1", status: "confirmed", sequence: 2 }, { reviewId: "R1", role: "peer", personId: "P1" }, { reviewId: "R2", role: "peer", personId: "P3", sequence: 0 }],
        declined: [{ reviewId: "R1", role: "peer", personId: "P2", sequence: 1 }],
      },
      assignmentRows: [2, 3, 5],
      declinedRows: [4],
    });
  });

  it("a bad status, a bad sequence, and a person both on a team and declining it are errors at their row and column", () => {
    const text = "review_id,role,person_id,status,sequence\nR1,peer,P1,maybe,\nR1,peer,P2,,-1\nR1,peer,P3,proposed,\nR1,peer,P3,declined,\n";
    expect(where(parseAllocation(text))).toEqual([
      ["allocation.csv", 2, "status"],
      ["allocation.csv", 3, "sequence"],
      ["allocation.csv", 5, "status"],
    ]);
  });

  it("what allocationCsv writes reads back the same, declined rows included", () => {
    const year = parseYear(base);
    if (!year.ok) throw new Error("base year unreadable");
    const allocation = {
      assignments: [{ reviewId: "R1", role: "lead" as const, personId: "L1", status: "confirmed" as const, sequence: 3 }, { reviewId: "R1", role: "peer" as const, personId: "P3" }],
      declined: [{ reviewId: "R1", role: "peer" as const, personId: "P5", sequence: 3 }],
    };
    const text = allocationCsv(indexYear(year.value), allocation);
    expect(text.split("\n")[0]).toBe("\uFEFFreview_id,host_school_id,start,end,role,person_id,person_name,person_school_id,level,status,sequence");
    const back = parseAllocation(text);
    expect(back.ok && back.value).toEqual({ ...allocation, assignments: [allocation.assignments[0], { ...allocation.assignments[1], sequence: 0 }] });
  });
});

describe("responses.csv", () => {
  it("reads confirmed and declined in any case, and yes and no", () => {
    const read = parseResponses("Review ID,Person ID,Response\nR1,P1,Confirmed\nR1,P2,declined\nR2,P3,YES\nR2,P4,no\n");
    expect(read.ok && read.value).toEqual({
      responses: [
        { reviewId: "R1", personId: "P1", response: "confirmed" },
        { reviewId: "R1", personId: "P2", response: "declined" },
        { reviewId: "R2", personId: "P3", response: "confirmed" },
        { reviewId: "R2", personId: "P4", response: "declined" },
      ],
      rows: [2, 3, 4, 5],
    });
  });

  it("an unknown answer, a blank answer and a blank id are errors at their row and column", () => {
    const read = parseResponses("review_id,person_id,response\nR1,P1,maybe\nR1,P2,\n,P3,yes\n");
    expect(where(read)).toEqual([
      ["responses.csv", 2, "response"],
      ["responses.csv", 3, "response"],
      ["responses.csv", 4, "review_id"],
    ]);
    expect(where(parseResponses("review_id,person\nR1,P1\n"))).toEqual([["responses.csv", 1, "person_id"], ["responses.csv", 1, "response"]]);
  });
});

describe("contact columns", () => {
  it("email, address and postcode are read where given and written back only when some row has them", () => {
    const schools = base["schools.csv"]!.replace(/^(.*)\n/, "$1,address,postcode,email\n").replace(/\n(S1,[^\n]*)/, '\n$1,"1 High St, Northby",NB1 1AA,head@s1.example');
    const reviewers = base["reviewers.csv"]!.replace(/^(.*)\n/, "$1,email\n").replace(/\n(P1,[^\n]*)/, "\n$1,ada@example.org");
    const read = parseYear({ ...base, "schools.csv": schools, "reviewers.csv": reviewers });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.value.schools[0]).toMatchObject({ address: "1 High St, Northby", postcode: "NB1 1AA", email: "head@s1.example" });
    expect(read.value.schools[1]).not.toHaveProperty("email");
    expect(read.value.reviewers[0]!.email).toBe("ada@example.org");
    const written = serializeYear(read.value);
    expect(written["schools.csv"]!.split("\n")[0]).toMatch(/,address,postcode,email$/);
    expect(written["leads.csv"]!.split("\n")[0]).not.toContain("email");
    const again = parseYear(written);
    expect(again.ok && again.value).toEqual(read.value);
  });
});

describe("writeFolderAtomically with subfolders", () => {
  const root = mkdtempSync(join(tmpdir(), "qar-folder-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("writes calendars/<name>, replaces our subfolder as a whole and keeps the user's files", () => {
    const out = join(root, "out");
    writeFolderAtomically(out, { "a.csv": "1", "calendars/P1.ics": "one", "calendars/P2.ics": "two" });
    writeFileSync(join(out, "notes.txt"), "mine");
    writeFolderAtomically(out, { "a.csv": "2", "calendars/P2.ics": "two again" });
    expect(readdirSync(out).filter((name) => !name.startsWith(".")).sort()).toEqual(["a.csv", "calendars", "notes.txt"]);
    expect(readdirSync(join(out, "calendars"))).toEqual(["P2.ics"]);
    expect(readFileSync(join(out, "calendars", "P2.ics"), "utf8")).toBe("two again");
    expect(readdirSync(root).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it.each(["../escape.ics", "calendars/../../x", "/abs.ics", "calendars//x", "a\\b.ics"])("refuses the name %j and leaves the folder as it was", (name) => {
    const out = join(root, "kept");
    writeFolderAtomically(out, { "a.csv": "kept" });
    expect(() => writeFolderAtomically(out, { "a.csv": "new", [name]: "x" })).toThrow(/not a plain relative file name/);
    expect(readFileSync(join(out, "a.csv"), "utf8")).toBe("kept");
    expect(existsSync(join(root, "escape.ics"))).toBe(false);
    expect(readdirSync(root).filter((entry) => entry.startsWith("."))).toEqual([]);
    expect(readdirSync(out).filter((entry) => entry.startsWith(".qar-write"))).toEqual([]);
  });
});
