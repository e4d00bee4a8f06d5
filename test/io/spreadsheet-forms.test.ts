/**
 * Properties of the forgiving readings: every date in 2000–2100 reads back from each form a
 * spreadsheet writes, an accepted date is always a real ISO date, and a misspelt optional
 * header is never silent.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { headerProblems, normaliseHeader } from "../../src/io/headers.js";
import { readDate } from "../../src/io/read-date.js";
import { YEAR_FILES } from "../../src/io/year-files.js";
import { formatDay, parseDay } from "../../src/model/dates.js";

const FIRST = parseDay("2000-01-01")!;
const LAST = parseDay("2100-12-31")!;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

describe("dates as spreadsheets write them", () => {
  it("property: every day of 2000–2100 reads back from ISO, dd/mm/yyyy, d/m/yy, a month name with its weekday, and Excel's day number", () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST, max: LAST }), (day) => {
        const iso = formatDay(day);
        const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
        const forms = [
          iso,
          `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`,
          `${d}.${m}.${y}`,
          `${WEEKDAYS[(((day + 4) % 7) + 7) % 7]} ${d} ${MONTHS[m - 1]} ${y}`,
          String(day + 25_569),
          ...(y < 2100 ? [`${d}/${m}/${String(y).slice(2)}`] : []),
        ];
        for (const form of forms) expect(readDate(form), form).toEqual({ day, iso });
      }),
      { numRuns: 300, seed: 19 },
    );
  });

  it("property: whatever the text, readDate gives a real ISO date within 2000–2100 or a problem, never an exception", () => {
    const text = fc.oneof(fc.string({ maxLength: 30 }), fc.stringMatching(/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/), fc.stringMatching(/^\d{4}-\d{1,2}-\d{1,2}$/), fc.integer({ min: 0, max: 100_000 }).map(String));
    fc.assert(
      fc.property(text, (cell) => {
        const read = readDate(cell);
        if ("iso" in read) {
          expect(parseDay(read.iso)).toBe(read.day);
          expect(read.day).toBeGreaterThanOrEqual(FIRST);
          expect(read.day).toBeLessThanOrEqual(LAST);
        } else {
          expect(read.problem.length).toBeLessThan(300);
        }
      }),
      { numRuns: 500, seed: 20 },
    );
  });
});

describe("a misspelt optional header is never silent", () => {
  const optional = Object.values(YEAR_FILES).flatMap((spec) => spec.optional.map((column) => ({ spec, column })));
  /** Ways a spreadsheet user misspells a header: punctuation, case, spaces, a lost or doubled letter. */
  const misspell = fc.constantFrom(
    (c: string) => c.replace(/_/g, ". "),
    (c: string) => `${c.toUpperCase()}.`,
    (c: string) => c.replace(/_/g, ""),
    (c: string) => (c.length >= 5 ? c.slice(0, 2) + c.slice(3) : `${c}:`),
    (c: string) => (c.length >= 4 ? c + c.at(-1) : `(${c})`),
  );

  it("property: each optional column of each file, misspelt, is an error that names it", () => {
    fc.assert(
      fc.property(fc.constantFrom(...optional), misspell, ({ spec, column }, spell) => {
        const written = spell(column);
        fc.pre(normaliseHeader(written) !== column); // a spelling the reader forgives is no misspelling
        const header = [...spec.required, ...spec.optional.filter((c) => c !== column), written];
        const problems = headerProblems(spec.file, header, spec);
        expect(problems, `${spec.file}: ${written}`).toContainEqual(expect.objectContaining({ code: "unknown-column", message: expect.stringContaining(`did you mean "${column}"?`) }));
      }),
      { numRuns: 200, seed: 21 },
    );
  });

  it("any other unknown column is one warning", () => {
    const spec = YEAR_FILES.schools;
    const problems = headerProblems(spec.file, [...spec.required, "website", "head teacher"], spec);
    expect(problems.map((p) => [p.code, p.column])).toEqual([
      ["warning", "website"],
      ["warning", "head teacher"],
    ]);
  });
});
