import fc from "fast-check";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { allocationDiff, changedRows, rowKey } from "../../src/solver/diff.js";
import { csvRows, PLANTED, qar, scratch, YEAR } from "./qar.js";

const tmp = scratch("diff");
afterAll(tmp.remove);
const before = join(PLANTED, "valid.csv");
const after = join(tmp.dir, "after.csv");
// From valid.csv: P4 leaves R1, P2 moves from R2 to R3, L2 joins R3 as a second thought.
const lines = readFileSync(before, "utf8").trim().split("\n");
writeFileSync(
  after,
  [...lines.filter((line) => !line.includes(",P4,")).map((line) => (line.startsWith("R2,") && line.includes(",P2,") ? line.replace(/^R2,S3,2024-02-05,2024-02-07/, "R3,S4,2024-02-06,2024-02-08") : line)), "R3,,,,lead,L2,,,"].join("\n"),
);

describe("qar diff", () => {
  it("qar diff planted/valid.csv <after>: one line per person added, moved or removed, and the counts", async () => {
    const { code, out, err } = await qar("diff", before, after);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toBe("removed peer P4  from R1\nmoved   peer P2  R2 -> R3\nadded   lead L2  to R3\n3 changes: 1 added, 1 moved, 1 removed\n");
  });

  it("qar diff <a> <b> --json: ok, the counts and each change as data", async () => {
    const { code, out } = await qar("diff", before, after, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      ok: true,
      before,
      after,
      changes: { added: 1, moved: 1, removed: 1 },
      diff: [
        { change: "removed", role: "peer", personId: "P4", fromReviewId: "R1" },
        { change: "moved", role: "peer", personId: "P2", fromReviewId: "R2", toReviewId: "R3" },
        { change: "added", role: "lead", personId: "L2", toReviewId: "R3" },
      ],
    });
  });

  it("qar diff <a> <b> --out diff.csv writes the changes (with a BOM) as repair's diff.csv; an allocation compared with itself has none", async () => {
    const file = join(tmp.dir, "changes", "diff.csv");
    expect((await qar("diff", before, after, "--out", file, "--quiet")).code).toBe(0);
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("\uFEFFchange,role,person_id,from_review_id,to_review_id\n")).toBe(true);
    expect(csvRows(text).map((row) => row.change)).toEqual(["removed", "moved", "added"]);
    expect((await qar("diff", before, before)).out).toBe("no seat changed\n");
  });

  it("qar diff <allocation.csv> <results.xlsx> of one solve: the workbook's allocation sheet is the same allocation", async () => {
    const out = join(tmp.dir, "solved");
    expect((await qar("solve", YEAR, "--out", out, "--seed", "1", "--quiet")).code).toBe(0);
    const { code, out: text } = await qar("diff", join(out, "allocation.csv"), join(out, "results.xlsx"));
    expect(code).toBe(0);
    expect(text).toBe("no seat changed\n");
  });

  it("qar diff <missing> <b>: exit 1, the file named; --out onto an input is refused", async () => {
    const missing = await qar("diff", join(tmp.dir, "nope.csv"), after);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("nope.csv");
    const onto = await qar("diff", before, after, "--out", after);
    expect(onto.code).toBe(1);
    expect(onto.err).toContain("is one of the allocations compared");
    expect(readFileSync(after, "utf8")).toContain("R3,,,,lead,L2,,,");
    // The same file through a linked folder is refused as well, before anything is written.
    const linked = join(tmp.dir, "linked");
    symlinkSync(tmp.dir, linked);
    const through = await qar("diff", before, after, "--out", join(linked, "after.csv"));
    expect(through.code).toBe(1);
    expect(through.err).toContain("an output never overwrites an input");
    expect(readFileSync(after, "utf8")).toContain("R3,,,,lead,L2,,,");
  });

  it("the changes account for every changed row: removed + added + 2 × moved, and applying them gives the later allocation (property)", () => {
    const row = fc.record({ reviewId: fc.constantFrom("R1", "R2", "R3"), role: fc.constantFrom("lead" as const, "peer" as const), personId: fc.constantFrom("P1", "P2", "P3", "L1") });
    const allocation = fc.uniqueArray(row, { selector: rowKey, maxLength: 8 }).map((assignments) => ({ assignments }));
    fc.assert(
      fc.property(allocation, allocation, (a, b) => {
        const diff = allocationDiff(a, b);
        const moved = diff.filter((d) => d.change === "moved").length;
        expect(diff.length + moved).toBe(changedRows(a, b));
        const rows = new Set(a.assignments.map(rowKey));
        for (const d of diff) {
          if (d.fromReviewId !== undefined) rows.delete(rowKey({ reviewId: d.fromReviewId, role: d.role, personId: d.personId }));
          if (d.toReviewId !== undefined) rows.add(rowKey({ reviewId: d.toReviewId, role: d.role, personId: d.personId }));
        }
        expect([...rows].sort()).toEqual(b.assignments.map(rowKey).sort());
      }),
      { seed: 43 },
    );
  });
});
