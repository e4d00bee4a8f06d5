import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallRandomSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import type { Allocation } from "../../src/model/schema.js";
import { respond } from "../../src/season/respond.js";
import type { Response } from "../../src/season/responses.js";
import { solve } from "../../src/solver/index.js";
import { confirmedAfter } from "../season/helpers.js";

const seat = (a: { reviewId: string; role: string; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;

/** One batch of answers: for each seat of the allocation (by position), no answer, yes or no. */
const batch = fc.array(fc.constantFrom<"none" | "confirmed" | "declined">("none", "none", "confirmed", "declined"), { minLength: 1, maxLength: 60 });

function answers(allocation: Allocation, choices: readonly ("none" | "confirmed" | "declined")[]): Response[] {
  return allocation.assignments.flatMap((a, i): Response[] => {
    const choice = choices[i % choices.length]!;
    return choice === "none" ? [] : [{ reviewId: a.reviewId, personId: a.personId, response: choice }];
  });
}

describe("season invariants", () => {
  it("for any sequence of responses, confirmed assignments never move (a step that cannot keep them changes nothing)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 4, max: 8 }), fc.array(batch, { minLength: 1, maxLength: 2 }), async (seed, reviews, batches) => {
        const { problem } = generateYear(smallRandomSpec(seed, reviews));
        let current = (await solve(problem, { seed: 1 })).allocation;
        for (const choices of batches) {
          const responses = answers(current, choices);
          const confirmed = confirmedAfter(current, responses);
          const outcome = await respond(problem, current, responses, { seed: 1 });
          if (!outcome.ok) {
            // Refused: every issue names a confirmed seat that could not be kept; nothing was changed.
            for (const issue of outcome.issues) expect(confirmed.some((c) => issue.message.includes(c.personId) && issue.message.includes(c.reviewId))).toBe(true);
            continue;
          }
          const kept = new Map(outcome.result.allocation.assignments.map((a) => [seat(a), a.status]));
          for (const c of confirmed) expect(kept.get(seat(c)), seat(c)).toBe("confirmed");
          expect(checkAllocation(problem, outcome.result.allocation).valid).toBe(true);
          current = outcome.result.allocation;
        }
      }),
      { numRuns: 6, seed: 14 },
    );
  });
});
