/** The sheet's date moves: reviews with a `window` moved by the plan's search, within the sheet's limits. */
import type { Year } from "../../model/year.js";
import { proposeMoves } from "../moves.js";
import { hubsOf, SHORTAGE_LIMITS, weekOfReview, type ShortageRow } from "./lines.js";

/** The `move-date` lines, each measured by the exact seat optimum (proven) or the seat bound (at most). */
export async function moveLines(year: Year): Promise<ShortageRow[]> {
  const plan = await proposeMoves(year.problem, { limits: SHORTAGE_LIMITS.moves });
  const exact = plan.measure === "exact";
  return plan.moves.map((m) => {
    const review = year.reviewById.get(m.reviewId)!;
    return {
      action: "move-date" as const,
      week: weekOfReview(review),
      hubs: hubsOf([review]),
      reviewIds: [m.reviewId],
      amount: 1,
      unit: "date moves" as const,
      seats: exact ? m.seatsGained : 0,
      seatsAtMost: m.seatsGained,
      proven: exact,
      detail: `move ${m.reviewId} from ${m.fromStart} to ${m.toStart} (inside its window), with the moves above it made: ${exact ? "measured by the exact seat optimum" : "measured by the seat bound, at most"}`,
    };
  });
}
