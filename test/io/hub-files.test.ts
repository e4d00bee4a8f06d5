/**
 * Per-hub outputs for hub managers (issue 28): `hubs/<hub>.csv` holds every seat of the reviews
 * the hub's schools host (empty seats as `unfilled` rows) and every duty of the hub's reviewers,
 * and nothing else; file names are the hubs' names, made safe.
 */
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { hubFiles, hubTables } from "../../src/io/hub-files.js";
import { readableStems } from "../../src/io/file-names.js";
import { isSafeOutputName } from "../../src/io/out-folder.js";
import { indexYear } from "../../src/model/year.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

describe("hubs/<hub>.csv", () => {
  it("every seat of a hosted review is in its host's hub file once (filled or unfilled), every duty in the reviewer's hub file once, nothing else (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 10_000 }), async (seed) => {
        const problem = randomYear(seed, { reviews: 8, hubs: 3 });
        const result = await solve(problem, { seed: 1, engine: "greedy", exactBound: false });
        expect(checkAllocation(problem, result.allocation).valid).toBe(true);
        const year = indexYear(problem);
        const tables = hubTables(year, result.allocation);
        expect([...tables.keys()].sort()).toEqual([...new Set(problem.schools.flatMap((s) => (s.hub === undefined ? [] : [s.hub])))].sort());
        const hosted: string[] = [];
        const duties: string[] = [];
        for (const [hub, table] of tables) {
          for (const row of table.rows) {
            const [rowHub, section, reviewId, , , , , role, personId, , personSchool, , status] = row as string[];
            expect(rowHub).toBe(hub);
            const review = year.reviewById.get(reviewId!)!;
            if (section === "hosted") {
              expect(review.hostSchool?.hub).toBe(hub);
              hosted.push(`${reviewId} ${role} ${status === "unfilled" ? "-" : personId}`);
            } else {
              expect(section).toBe("duty");
              expect(year.schools.get(personSchool!)?.hub).toBe(hub);
              duties.push(`${reviewId} ${personId}`);
            }
          }
        }
        const expectedHosted = year.reviews
          .filter((r) => r.hostSchool?.hub !== undefined)
          .flatMap((r) => {
            const team = result.allocation.assignments.filter((a) => a.reviewId === r.id);
            const leads = team.filter((a) => a.role === "lead").map((a) => `${r.id} lead ${a.personId}`);
            const peers = team.filter((a) => a.role === "peer").map((a) => `${r.id} peer ${a.personId}`);
            return [...leads, ...(leads.length === 0 ? [`${r.id} lead -`] : []), ...peers, ...Array.from({ length: r.peerSeats - peers.length }, () => `${r.id} peer -`)];
          });
        expect(hosted.sort()).toEqual(expectedHosted.sort());
        const expectedDuties = result.allocation.assignments.filter((a) => a.role === "peer" && year.people.peer.get(a.personId)?.school?.hub !== undefined).map((a) => `${a.reviewId} ${a.personId}`);
        expect(duties.sort()).toEqual(expectedDuties.sort());
      }),
      { numRuns: 12 },
    );
  });

  it("files are named by hub, readable and safe; each starts with a BOM and its header", async () => {
    const problem = randomYear(7, { reviews: 6, hubs: 2 });
    const renamed = { ...problem, schools: problem.schools.map((s, i) => ({ ...s, hub: i % 2 === 0 ? "Ash Field" : "North/East: CON" })) };
    const result = await solve(renamed, { seed: 1, engine: "greedy", exactBound: false });
    expect(checkAllocation(renamed, result.allocation).valid).toBe(true);
    const files = hubFiles(indexYear(renamed), result.allocation);
    expect(Object.keys(files).sort()).toEqual(["hubs/Ash Field.csv", "hubs/North-East- CON.csv"]);
    for (const [name, text] of Object.entries(files)) {
      expect(isSafeOutputName(name)).toBe(true);
      expect(text.startsWith("\uFEFFhub,section,review_id,host_school_id,host_school_name,start,end,role,person_id,person_name,person_school_id,level,status\n")).toBe(true);
      const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
      expect(new Set(rows.map((row) => row.hub)).size).toBe(1);
    }
  });

  it("readableStems: file-system characters become -, reserved names and case collisions are told apart", () => {
    expect([...readableStems(["Ash Field", "ash field", "a/b\\c:d*e", "CON", "...", " Ørsted Hub ", "x\u0000y"]).values()]).toEqual([
      "Ash Field",
      "ash field (2)",
      "a-b-c-d-e",
      "_CON",
      "_",
      "Ørsted Hub",
      "x-y",
    ]);
  });
});
