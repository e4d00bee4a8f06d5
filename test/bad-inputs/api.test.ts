/**
 * The API as strict as the CSV files (issue 29 items 3, 7, 8 and 9): hostile objects given to
 * `validateProblem`, `solve`, `solveInWorker`, `explain`, `repair`, `respond` and `closeYear`.
 * Each is refused with an `InvalidInputError` naming the file, row and column the value would
 * have in a folder (and its `path`), or handled correctly; never a TypeError from inside.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation, closeYear, explain, InvalidInputError, repair, respond, solve, validateProblem } from "../../src/core.js";
import { compareScores } from "../../src/goals/index.js";
import { readYearFolder } from "../../src/io/files.js";
import { parseYear } from "../../src/io/read-year.js";
import { serializeYear } from "../../src/io/write-year.js";
import { makePolicy, MAX_WEIGHT, MIN_SEAT_WEIGHT } from "../../src/model/policy.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation } from "../../src/model/schema.js";
import { solve as solveUnchecked, type EngineName } from "../../src/solver/index.js";
import { solveInWorker } from "../../src/worker/solve-in-worker.js";

const base = (() => {
  const read = readYearFolder(new URL("./base/", import.meta.url).pathname);
  if (!read.ok) throw new Error("the base year must read");
  return read.value;
})();
/** The base year as plain JSON, as a service receives it. */
const posted = (): Record<string, unknown> => JSON.parse(JSON.stringify(base)) as Record<string, unknown>;

/** The errors an `InvalidInputError` carries, or a failure naming what was thrown instead. */
async function refusal(call: () => unknown): Promise<readonly { file: string; row?: number; column?: string; path?: readonly unknown[]; message: string; code: string }[]> {
  try {
    await call();
  } catch (error) {
    expect(error, String(error)).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).errors;
  }
  throw new Error("expected an InvalidInputError, but the call went through");
}

let published: Promise<Allocation> | undefined;
const allocation = () => (published ??= solve(base, { seed: 1, exactBound: false }).then((r) => r.allocation));

describe("hostile API input", () => {
  it.each(["__proto__", "constructor", "prototype", "toString"])("a top-level %s key: an unknown key for validateProblem and solve, never a TypeError", async (key) => {
    const input = JSON.parse(`{${JSON.stringify(key)}: {"polluted": true}}`) as Record<string, unknown>;
    Object.assign(input, posted());
    const checked = validateProblem(input);
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.errors).toMatchObject([{ code: "unknown-column", file: "problem", path: [key], message: expect.stringContaining("unknown key") }]);
    expect(await refusal(() => solve(input as unknown as Problem))).toMatchObject([{ path: [key] }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "quantum"])("engine %j: an unknown engine, for solve, solveInWorker and the unchecked solve alike", async (name) => {
    // As a caller without the types would pass it.
    const engine = name as EngineName;
    expect(await refusal(() => solve(base, { engine }))).toMatchObject([{ file: "options", column: "engine", message: expect.stringContaining("is not an engine; use one of auto") }]);
    expect(await refusal(() => solveInWorker(base, { engine }))).toMatchObject([{ column: "engine" }]);
    await expect(solveUnchecked(base, { engine })).rejects.toThrow(RangeError);
    await expect(solveUnchecked(base, { engine })).rejects.toThrow(/unknown engine/);
  });

  it.each([NaN, -1, 0, Infinity, -Infinity])("timeLimitMs %d: refused, for solve and solveInWorker", async (timeLimitMs) => {
    expect(await refusal(() => solve(base, { timeLimitMs }))).toMatchObject([{ file: "options", column: "timeLimitMs", path: ["options", "timeLimitMs"] }]);
    expect(await refusal(() => solveInWorker(base, { timeLimitMs }))).toMatchObject([{ column: "timeLimitMs" }]);
  });

  it.each([["maybe"], [null], ["yes"], [undefined], [1]])("respond() with the answer %j: refused at responses.csv row 2, column response", async (answer) => {
    const seat = (await allocation()).assignments[0]!;
    const errors = await refusal(() => respond(base, { assignments: [seat] }, [{ reviewId: seat.reviewId, personId: seat.personId, response: answer } as never]));
    expect(errors).toMatchObject([{ file: "responses.csv", row: 2, column: "response", path: ["responses", 0, "response"] }]);
  });

  it("the season's options checked as strictly: explain's freezeBefore, repair's and respond's replyBy and freezeBefore, respond's noReoffer", async () => {
    const seats = await allocation();
    for (const freezeBefore of ["2025-02-30", "soon", 20250101]) {
      expect(await refusal(() => explain(base, seats, { freezeBefore } as never)), String(freezeBefore)).toMatchObject([{ file: "options", column: "freezeBefore", path: ["options", "freezeBefore"] }]);
    }
    expect(await refusal(() => repair(base, seats, [], { replyBy: "next Friday" }))).toMatchObject([{ column: "replyBy", message: expect.stringContaining("not a real date") }]);
    expect(await refusal(() => respond(base, seats, [], { freezeBefore: "31/02/2025" }))).toMatchObject([{ column: "freezeBefore" }]);
    expect(await refusal(() => respond(base, seats, [], { noReoffer: "yes" } as never))).toMatchObject([{ column: "noReoffer" }]);
    // Real dates go through.
    expect(explain(base, seats, { freezeBefore: "2024-01-01" }).seats).toBeDefined();
  });

  it("closeYear() with attended \"no\", \"yes\", 0 or null: refused; false counts the seat as missed", async () => {
    const seats = await allocation();
    const seat = seats.assignments[0]!;
    for (const attended of ["no", "yes", 0, null]) {
      const errors = await refusal(() => closeYear(base, seats, { yearLabel: "2024-25", attendance: [{ reviewId: seat.reviewId, personId: seat.personId, attended } as never] }));
      expect(errors, String(attended)).toMatchObject([{ file: "attendance.csv", row: 2, column: "attended" }]);
    }
    const closed = closeYear(base, seats, { yearLabel: "2024-25", attendance: [{ reviewId: seat.reviewId, personId: seat.personId, attended: false }] });
    expect(closed.ok && closed.value.missed).toEqual([seat]);
  });

  it("repair() with an unknown change, a move without a real date, or no id: input errors at changes.csv rows, never a TypeError", async () => {
    const seats = await allocation();
    const errors = await refusal(() => repair(base, seats, [{ change: "explode", id: "P1" }, { change: "move", id: "R1" }, { change: "move", id: "R1", start: "2024-02-30" }, { change: "withdraw" }] as never));
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, "change"],
      [3, "value"],
      [4, "value"],
      [5, "id"],
    ]);
    expect(errors[0]!.message).toBe('is "explode"; use withdraw, cancel or move');
  });

  it("an allocation of another year: explain(), repair() and respond() refuse it at allocation.csv row and column; closeYear() returns the same issues; checkAllocation() reports it", async () => {
    const seats = await allocation();
    const foreign: Allocation = { assignments: seats.assignments.map((a) => ({ ...a, reviewId: `X${a.reviewId}` })) };
    const wanted = { file: "allocation.csv", row: 2, column: "review_id", path: ["allocation", "assignments", 0, "reviewId"], message: expect.stringContaining("which is not in the year") };
    expect((await refusal(() => explain(base, foreign)))[0]).toMatchObject(wanted);
    expect((await refusal(() => repair(base, foreign, [])))[0]).toMatchObject(wanted);
    expect((await refusal(() => respond(base, foreign, [])))[0]).toMatchObject(wanted);
    const closed = closeYear(base, foreign, { yearLabel: "2024-25" });
    expect(closed.ok ? [] : closed.issues).toHaveLength(foreign.assignments.length);
    expect(closed.ok ? undefined : closed.issues[0]).toMatchObject({ source: "allocation", index: 0, field: "review_id" });
    const checked = checkAllocation(base, foreign);
    expect(checked.violations.map((v) => v.rule)).toEqual(foreign.assignments.map(() => "known-people"));
    // One test behind both: the refusal's rows say what qar check's violations say.
    const refused = (await refusal(() => explain(base, foreign))).filter((e) => e.row !== undefined);
    expect(refused.map((e) => e.message.split(";")[0])).toEqual(checked.violations.slice(0, refused.length).map((v) => v.message));
  });

  it("a pin given twice is honoured once and not reported refused", async () => {
    const seat = (await allocation()).assignments.find((a) => a.role === "peer")!;
    const pin = { reviewId: seat.reviewId, personId: seat.personId, role: seat.role, kind: "fix" as const };
    const pinned = { ...base, pins: [pin, pin] };
    const result = await solve(pinned, { seed: 1, exactBound: false });
    expect(result.rejectedPins).toEqual([]);
    expect(result.allocation.assignments).toContainEqual(expect.objectContaining({ reviewId: seat.reviewId, personId: seat.personId }));
    expect(checkAllocation(pinned, result.allocation).valid).toBe(true);
  });

  it("a problem past the table limits (200,001 reviews, a 20,000-character name, a list of 20,000 ranges) is refused before any work, quickly", () => {
    const many = posted();
    many.reviews = Array.from({ length: 200_001 }, (_, i) => ({ id: `R${i}`, schoolId: "S1", start: "2024-01-15" }));
    const started = performance.now();
    const tooMany = validateProblem(many);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(tooMany.ok ? [] : tooMany.errors).toMatchObject([{ code: "too-large", file: "reviews.csv", path: ["reviews"], message: expect.stringContaining("at most 200,000") }]);
    const long = posted();
    (long.schools as { name: string }[])[1]!.name = "x".repeat(20_000);
    const longName = validateProblem(long);
    expect(longName.ok ? [] : longName.errors).toMatchObject([{ code: "too-large", file: "schools.csv", row: 3, column: "name" }]);
    const ranges = posted();
    (ranges.reviewers as { available: unknown[] }[])[0]!.available = Array.from({ length: 20_000 }, () => ({ from: "2024-01-01", to: "2024-01-02" }));
    expect(validateProblem(ranges).ok).toBe(false);
  });
});

describe("seat weights", () => {
  it("seat 0 and 1e-9 are refused with the honest bound and its reason, from policy.json and from the API", () => {
    for (const seat of [0, 1e-9, 0.5]) {
      const read = parseYear({ ...serializeYear(base), "policy.json": JSON.stringify({ weights: { seat } }) });
      expect(read.ok ? [] : read.errors, String(seat)).toMatchObject([{ file: "policy.json", column: "weights.seat", message: expect.stringContaining("must be 1 or more: filling seats is the first goal") }]);
      expect(makePolicy({ weights: { seat } }).success).toBe(false);
    }
  });

  it("one seat more always wins, whatever the accepted seat weights, the seats already filled and the other goals", () => {
    const weight = fc.double({ min: MIN_SEAT_WEIGHT, max: MAX_WEIGHT, noNaN: true });
    fc.assert(
      fc.property(weight, weight, fc.nat(200_000), fc.nat(1_000_000), fc.boolean(), fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.double({ min: -1e12, max: 1e12, noNaN: true }), (leadSeat, seat, leads, peers, lead, better, worse) => {
        const tier = (l: number, p: number) => leadSeat * l + seat * p;
        const more = lead ? tier(leads + 1, peers) : tier(leads, peers + 1);
        expect(compareScores([more, worse], [tier(leads, peers), better])).toBeGreaterThan(0);
        expect(compareScores([tier(leads, peers), better], [more, worse])).toBeLessThan(0);
      }),
      { numRuns: 500, seed: 29 },
    );
  });
});
