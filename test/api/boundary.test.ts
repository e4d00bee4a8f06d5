/**
 * The API checks what it is given (issue 20 item 6, issue 19 item 4): an invalid date, an
 * unknown reference, NaN or a negative count is an error with a code and a path, never dropped;
 * `solve`, `checkAllocation`, `explain`, `repair` and `closeYear` throw `InvalidInputError`
 * carrying those errors, and keep their result shape for valid input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkAllocation, closeYear, explain, InvalidInputError, repair, solve, validateProblem, type InputError } from "qar-allocator/core";
import type { Problem } from "../../src/model/problem.js";
import { randomYear } from "../helpers/random-year.js";

const year = randomYear(11, { reviews: 6 });

/** The errors `fn` throws as an InvalidInputError (fails if it throws anything else or nothing). */
async function thrown(fn: () => unknown): Promise<readonly InputError[]> {
  try {
    await fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInputError);
    return (error as InvalidInputError).errors;
  }
  throw new Error("expected an InvalidInputError");
}

const withReview = (patch: Record<string, unknown>) => ({ ...year, reviews: year.reviews.map((r, i) => (i === 2 ? { ...r, ...patch } : r)) }) as Problem;

describe("the API's boundary", () => {
  it("solve() refuses a problem naming an unknown school, with the code, path, file, row and column", async () => {
    const errors = await thrown(() => solve(withReview({ schoolId: "S9999" })));
    expect(errors).toEqual([{ code: "unknown-reference", file: "reviews.csv", row: 4, column: "school_id", path: ["reviews", 2, "schoolId"], message: 'unknown school "S9999"' }]);
  });

  it.each([
    [{ start: "2024-02-30" }, "start", "must be a real date"],
    [{ start: "04/03/2024" }, "start", "YYYY-MM-DD"],
    [{ start: "2204-03-04" }, "start", "outside the years 2000–2100"],
    [{ days: Number.NaN }, "days", "expected number"],
    [{ seats: -1 }, "seats", "-1 is below the smallest allowed value, 0"],
  ])("solve() refuses a review with %j", async (patch, field, contains) => {
    const errors = await thrown(() => solve(withReview(patch)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "bad-value", path: ["reviews", 2, field], file: "reviews.csv", row: 4 });
    expect(errors[0]!.message).toContain(contains);
  });

  it("maxReviews: NaN is an error, not 'no limit'", async () => {
    const problem = { ...year, reviewers: year.reviewers.map((r, i) => (i === 0 ? { ...r, maxReviews: Number.NaN } : r)) };
    const errors = await thrown(() => solve(problem));
    expect(errors).toMatchObject([{ code: "bad-value", path: ["reviewers", 0, "maxReviews"], column: "max_reviews" }]);
  });

  it("an ESC in an id is refused; in a name it is taken out", async () => {
    const escaped = { ...year, schools: year.schools.map((s, i) => (i === 0 ? { ...s, hub: "North\u001b[31m", name: "Ash\u0007 School\u0000" } : s)) };
    const errors = await thrown(() => solve(escaped));
    expect(errors).toMatchObject([{ code: "bad-value", path: ["schools", 0, "hub"], message: expect.stringContaining("\\u001b") }]);
    const named = { ...year, schools: year.schools.map((s, i) => (i === 0 ? { ...s, name: "Ash\u0007 School\u0000" } : s)) };
    const checked = validateProblem(named);
    expect(checked.ok && checked.value.schools[0]!.name).toBe("Ash School");
  });

  it("a problem without history or pins and with a partial policy is valid: the defaults fill in", async () => {
    const { history: _h, pins: _p, policy: _policy, ...bare } = year;
    const result = await solve({ ...bare, policy: { minDistanceKm: 0 } }, { seed: 1, engine: "greedy", exactBound: false });
    expect(result.year.problem.policy.minDistanceKm).toBe(0);
    expect(result.year.problem.history).toEqual([]);
    expect(checkAllocation(result.year, result.allocation).valid).toBe(true);
  });

  it("checkAllocation, explain, repair and closeYear refuse an invalid problem or allocation the same way", async () => {
    const bad = withReview({ schoolId: "S9999" });
    const allocation = { assignments: [] };
    for (const call of [() => checkAllocation(bad, allocation), () => explain(bad, allocation), () => repair(bad, allocation, []), () => closeYear(bad, allocation, { yearLabel: "2024-25" })]) {
      expect(await thrown(call)).toMatchObject([{ code: "unknown-reference", path: ["reviews", 2, "schoolId"] }]);
    }
    const shapeless = { assignments: [{ reviewId: "R1", role: "boss", personId: "" }] } as never;
    expect((await thrown(() => checkAllocation(year, shapeless))).map((e) => e.path)).toEqual([
      ["allocation", "assignments", 0, "role"],
      ["allocation", "assignments", 0, "personId"],
    ]);
  });

  it("validateProblem returns the errors as data and the checked problem, with its defaults, otherwise", () => {
    expect(validateProblem("not a year")).toMatchObject({ ok: false, errors: [{ code: "bad-value", path: [] }] });
    expect(validateProblem({ ...year, extra: 1 })).toMatchObject({ ok: false, errors: [{ code: "unknown-column", path: ["extra"] }] });
    expect(validateProblem({ ...year, policy: { minDistanceKM: 5 } })).toMatchObject({ ok: false, errors: [{ code: "bad-policy", file: "policy.json" }] });
  });

  it("property: a valid year comes back unchanged, and breaking one reference is always reported at its path", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.nat(), (seed, pick) => {
        const valid = randomYear(seed, { reviews: 4 });
        const checked = validateProblem(valid);
        expect(checked.ok && checked.value).toEqual(valid);
        const index = pick % valid.reviewers.length;
        const broken = { ...valid, reviewers: valid.reviewers.map((r, i) => (i === index ? { ...r, schoolId: "NOWHERE" } : r)) };
        const refused = validateProblem(broken);
        expect(refused.ok ? [] : refused.errors).toContainEqual(expect.objectContaining({ code: "unknown-reference", path: ["reviewers", index, "schoolId"] }));
      }),
      { numRuns: 25, seed: 19 },
    );
  });
});
