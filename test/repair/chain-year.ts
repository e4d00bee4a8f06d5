/**
 * A two-review year whose repair is known by hand. R1 (host S1) and R2 (host S2), a week apart,
 * three peer seats each, every reviewer at most one review. Published: R1 led by L1 with A
 * (advanced), B, C; R2 led by L2 with D (advanced), G (advanced), E. F is free but may only
 * join R2 (a conflict with S1); so is G (R2 only).
 *
 * When A withdraws, R1 has no advanced reviewer. Disbanding it (A, B, C out: 3 rows) leaves 5
 * seats; moving D from R2 to R1 (A out, D moved: 3 rows) keeps 7, and adding F to R2 as well
 * (4 rows) keeps all 8. So the trade-off is 7 seats with 3 changes, 8 with 4; nothing valid
 * changes fewer than 3 rows. With `standby`, a free advanced reviewer H may join R1: 8 seats
 * with 2 changes.
 */
import type { Problem } from "../../src/model/problem.js";
import type { Allocation } from "../../src/model/schema.js";
import { lead, problem, review, reviewer, school } from "../helpers/build.js";

export function chainYear(options: { standby?: boolean } = {}): Problem {
  const only = (level: "advanced" | "reviewer", conflicts: string[] = []) => ({ level, maxReviews: 1, conflicts });
  return problem({
    schools: ["S1", "S2", "SA", "SB", "SC", "SD", "SE", "SF", "SG", "SH"].map((id) => school(id)),
    reviews: [review("R1", "S1", "2024-03-04", { seats: 3 }), review("R2", "S2", "2024-03-11", { seats: 3 })],
    leads: [lead("L1"), lead("L2")],
    reviewers: [
      reviewer("A", "SA", only("advanced")),
      reviewer("B", "SB", only("reviewer")),
      reviewer("C", "SC", only("reviewer")),
      reviewer("D", "SD", only("advanced")),
      reviewer("E", "SE", only("reviewer")),
      reviewer("F", "SF", only("reviewer", ["S1"])),
      reviewer("G", "SG", only("advanced", ["S1"])),
      ...(options.standby ? [reviewer("H", "SH", only("advanced"))] : []),
    ],
  });
}

/** The published allocation of `chainYear`. */
export const CHAIN_PUBLISHED: Allocation = {
  assignments: [
    { reviewId: "R1", role: "lead", personId: "L1" },
    ...["A", "B", "C"].map((personId) => ({ reviewId: "R1", role: "peer" as const, personId })),
    { reviewId: "R2", role: "lead", personId: "L2" },
    ...["D", "E", "G"].map((personId) => ({ reviewId: "R2", role: "peer" as const, personId })),
  ],
};
