import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation } from "../../src/check.js";
import { parseAllocation } from "../../src/io/read-allocation.js";
import { parseResponses } from "../../src/io/read-responses.js";
import { parseChanges } from "../../src/io/read-changes.js";
import { parseYear } from "../../src/io/read-year.js";
import { serializeYear } from "../../src/io/write-year.js";
import { solve } from "../../src/solver/index.js";
import { randomYear } from "../helpers/random-year.js";

const FILES = ["schools.csv", "reviewers.csv", "leads.csv", "reviews.csv"] as const;

/** Text that looks like a spreadsheet export gone wrong: quotes, separators, dates, numbers, junk. */
const cellText = fc.oneof(
  fc.string(),
  fc.constantFrom("", '"', '""', ",", ";", "\n", "\r\n", "2024-02-30", "2024-13-01", "1e309", "-1", "NaN", "0x10", "  ", "=cmd()", "\uFEFF", "2024-03-05..2024-03-01", "primary", "ADVANCED"),
  fc.integer().map(String),
  fc.double().map(String),
);

function assertWellFormed(result: ReturnType<typeof parseYear>): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const error of result.errors) {
    expect(typeof error.file).toBe("string");
    expect(error.message.length).toBeGreaterThan(0);
    expect(error.message).not.toMatch(/\n\s+at /);
    if (error.row !== undefined) expect(error.row).toBeGreaterThanOrEqual(1);
  }
}

describe("fuzzing the readers and the solve path", () => {
  it("arbitrary text in any year file gives a result or errors, never an exception", () => {
    const base = serializeYear(randomYear(1, { reviews: 4 }));
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.string({ unit: "binary", maxLength: 400 }), (file, text) => {
        assertWellFormed(parseYear({ ...base, [file]: text }));
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("arbitrary bytes (not UTF-8 included) give a result or errors", () => {
    const base = serializeYear(randomYear(2, { reviews: 4 }));
    fc.assert(
      fc.property(fc.constantFrom(...FILES), fc.uint8Array({ maxLength: 300 }), (file, bytes) => {
        assertWellFormed(parseYear({ ...base, [file]: bytes }));
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it("a valid year with one cell broken is rejected cleanly or solved validly", async () => {
    const base = serializeYear(randomYear(3, { reviews: 6 }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FILES), fc.nat(), fc.nat(), cellText, async (file, rowPick, cellPick, text) => {
        const lines = base[file]!.split("\n");
        const row = 1 + (rowPick % Math.max(1, lines.length - 2));
        const cells = lines[row]!.split(",");
        cells[cellPick % cells.length] = JSON.stringify(text);
        lines[row] = cells.join(",");
        const result = parseYear({ ...base, [file]: lines.join("\n") });
        assertWellFormed(result);
        if (result.ok) {
          const solved = await solve(result.value, { engine: "greedy", seed: 1 });
          expect(checkAllocation(result.value, solved.allocation).valid).toBe(true);
        }
      }),
      { numRuns: 150, seed: 9 },
    );
  });

  it("a wide random year (history, pins, blank hubs and localities, review lengths, several ranges) written to its files reads back the same", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 12 }), (seed, reviews) => {
        const problem = randomYear(seed, { reviews, wide: true });
        const read = parseYear(serializeYear(problem));
        expect(read.ok && read.value).toEqual(problem);
      }),
      { numRuns: 40, seed: 12 },
    );
  });

  it("allocation, changes and responses readers never throw", () => {
    const headers = fc.constantFrom("", "review_id,role,person_id,status,sequence\n", "change,id,value\n", "review_id,person_id,response\n");
    fc.assert(
      fc.property(headers, fc.string({ unit: "binary", maxLength: 300 }), (header, body) => {
        const text = header + body;
        for (const result of [parseAllocation(text), parseChanges(text), parseResponses(text)]) {
          if (!result.ok) for (const e of result.errors) expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300, seed: 10 },
    );
  });

  it("a policy.json of arbitrary JSON gives a policy or errors naming the key", () => {
    const base = serializeYear(randomYear(4, { reviews: 3 }));
    fc.assert(
      fc.property(fc.json(), (json) => {
        assertWellFormed(parseYear({ ...base, "policy.json": json }));
      }),
      { numRuns: 200, seed: 11 },
    );
  });
});
