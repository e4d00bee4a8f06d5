import type { Allocation, Assignment, Decline } from "../model/schema.js";
import type { Year } from "../model/year.js";
import { frozenReviews, frozenWords, unfreezeHint } from "./freeze.js";
import { seatKey, withState } from "./status.js";

/** What a person answered to the offer of a seat. */
export type Answer = "confirmed" | "declined";

/**
 * One line of `responses.csv`: a person's answer for one review.
 *
 * @example
 * const responses: Response[] = [{ reviewId: "R0001", personId: "P0011", response: "declined" }];
 * const outcome = await respond(problem, published, responses, { seed: 1 });
 */
export interface Response {
  readonly reviewId: string;
  readonly personId: string;
  readonly response: Answer;
}

/** A response that cannot be applied (the index is its position in the list; the field is its column). */
export interface ResponseIssue {
  readonly index: number;
  readonly field: "review_id" | "person_id" | "response";
  readonly message: string;
}

/** The allocation with the answers in, and which response answered which seat. */
export interface Answered {
  readonly allocation: Allocation;
  /** Seat key (see `seatKey`) → index of the response that answered it. */
  readonly answeredBy: ReadonlyMap<string, number>;
  readonly issues: readonly ResponseIssue[];
}

/** Checks a response against the year and the allocation; returns the issue or the seat it answers. */
function locate(year: Year, allocation: Allocation, r: Response, index: number, freezeBefore: string | undefined): ResponseIssue | Assignment | Decline {
  const review = year.reviewById.get(r.reviewId);
  if (!review) return { index, field: "review_id", message: `no review has the id "${r.reviewId}"` };
  if (!year.people.peer.has(r.personId) && !year.people.lead.has(r.personId)) {
    return { index, field: "person_id", message: `no reviewer or Lead Reviewer has the id "${r.personId}"` };
  }
  const seat = allocation.assignments.find((a) => a.reviewId === r.reviewId && a.personId === r.personId);
  // A yes changes no row; a no on a review already held or under way would rewrite the past.
  if (seat && r.response === "declined" && freezeBefore !== undefined && frozenReviews(year, freezeBefore).includes(review)) {
    return { index, field: "response", message: `${frozenWords(review, freezeBefore)}: ${r.personId}'s decline is not applied (record an absence in attendance.csv when closing the year); ${unfreezeHint(review)}` };
  }
  if (seat) return seat;
  const declined = (allocation.declined ?? []).find((d) => d.reviewId === r.reviewId && d.personId === r.personId);
  if (declined && r.response === "declined") return declined;
  if (declined) {
    const gaveUp = declined.status === "withdrawn" ? "withdrew from" : "declined";
    return { index, field: "response", message: `${r.personId} ${gaveUp} review ${r.reviewId} earlier, so the seat was offered to others; to offer it again, pin the pair in pins.csv and solve` };
  }
  return { index, field: "person_id", message: `${r.personId} is not on review ${r.reviewId} in the allocation; a response answers an offered seat` };
}

/**
 * Applies people's answers to an allocation: a confirmed seat becomes `confirmed`; a declined
 * seat leaves the team and joins the `declined` list. A confirmed person who declines is
 * released (the user says so explicitly). Unknown ids, answers for seats that were never
 * offered, two different answers for one seat, and a decline of a review that starts before
 * `freezeBefore` are issues, all of them listed; a repeated answer is harmless.
 *
 * @example
 * const { allocation, issues } = applyResponses(indexYear(problem), published, [{ reviewId: "R1", personId: "P7", response: "declined" }]);
 */
export function applyResponses(year: Year, allocation: Allocation, responses: readonly Response[], freezeBefore?: string): Answered {
  const issues: ResponseIssue[] = [];
  const answers = new Map<string, { answer: Answer; index: number }>();
  responses.forEach((r, index) => {
    const found = locate(year, allocation, r, index, freezeBefore);
    if ("index" in found) {
      issues.push(found);
      return;
    }
    const key = seatKey(found);
    const earlier = answers.get(key);
    if (earlier && earlier.answer !== r.response) {
      issues.push({ index, field: "response", message: `${r.personId} answers review ${r.reviewId} twice, ${earlier.answer} and ${r.response}; keep one answer` });
    } else if (!earlier) {
      answers.set(key, { answer: r.response, index });
    }
  });
  const answerOf = (a: Assignment) => answers.get(seatKey(a))?.answer;
  const newlyDeclined: Decline[] = allocation.assignments
    .filter((a) => answerOf(a) === "declined")
    .map((a) => ({ reviewId: a.reviewId, role: a.role, personId: a.personId, ...(a.sequence !== undefined ? { sequence: a.sequence } : {}) }));
  const assignments = allocation.assignments
    .filter((a) => answerOf(a) !== "declined")
    .map((a) => (answerOf(a) === "confirmed" ? { ...a, status: "confirmed" as const } : a));
  return {
    allocation: withState({ assignments }, [...(allocation.declined ?? []), ...newlyDeclined], allocation.withdrawals),
    answeredBy: new Map([...answers].map(([key, { index }]) => [key, index])),
    issues,
  };
}
