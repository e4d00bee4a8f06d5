/**
 * Years with review windows for the planning tests: a tight generated year (every seat can be
 * filled at its planted dates) with some reviews pushed eight weeks later, each with a window
 * of its planted week and the week it was pushed to. Whoever was planted there may well be free
 * neither week later, so the pushed reviews lose seats that a move back would win again.
 */
import { generateYear, smallRandomSpec } from "../../fixtures/generator.js";
import { formatDay, parseDay, weekStart } from "../../src/model/dates.js";
import type { Problem } from "../../src/model/problem.js";

export const PUSH_DAYS = 56;

export function pushedYear(seed: number, reviews: number, pushed: number): { readonly problem: Problem; readonly pushedIds: readonly string[] } {
  const { problem } = generateYear({ ...smallRandomSpec(seed, reviews), tight: true, capacityRatio: 1 });
  const every = Math.max(1, Math.floor(problem.reviews.length / pushed));
  const pushedIds: string[] = [];
  const moved = problem.reviews.map((review, i) => {
    if (i % every !== 0 || pushedIds.length >= pushed) return review;
    pushedIds.push(review.id);
    const start = parseDay(review.start)!;
    const monday = weekStart(start);
    const week = (from: number) => ({ from: formatDay(from), to: formatDay(from + 4) });
    return { ...review, start: formatDay(start + PUSH_DAYS), window: [week(monday), week(monday + PUSH_DAYS)] };
  });
  return { problem: { ...problem, reviews: moved }, pushedIds };
}
