import type { InputError } from "../model/errors.js";
import type { Allocation, Assignment } from "../model/schema.js";
import type { Year } from "../model/year.js";
import type { AllocationRule } from "./types.js";

/** Every assignment names a review of the year and a person in a seat of their kind. */
export const knownPeople: AllocationRule = {
  kind: "allocation",
  id: "known-people",
  summary: "Every assignment names a review of the year, and a Lead Reviewer in the lead seat or a reviewer in a peer seat.",
  check: ({ unknown }) => [...unknown],
};

/** An assignment naming a review or person the year does not have: the column to look at and what is wrong. */
export interface UnknownSeat {
  /** The assignment's position in the allocation's `assignments`. */
  readonly index: number;
  readonly column: "review_id" | "person_id" | "role";
  readonly message: string;
}

/**
 * What is unknown about one assignment in this year, or `undefined` when its review and person
 * are the year's: the one test behind the `known-people` rule of `qar check` and the refusal of
 * another year's allocation by every other command and API call.
 */
export function unknownSeat(year: Year, { reviewId, role, personId }: Assignment): Omit<UnknownSeat, "index"> | undefined {
  if (!year.reviewById.has(reviewId)) return { column: "review_id", message: `${reviewId}: ${personId} is placed on review ${reviewId}, which is not in the year` };
  if (year.people[role].has(personId)) return undefined;
  const other = year.people[role === "lead" ? "peer" : "lead"].has(personId);
  return other
    ? { column: "role", message: `${reviewId}: ${personId} is a ${role === "lead" ? "peer reviewer" : "Lead Reviewer"}, not a ${role === "lead" ? "Lead Reviewer" : "peer reviewer"}` }
    : { column: "person_id", message: `${reviewId}: ${personId} is not a ${role === "lead" ? "Lead Reviewer" : "reviewer"} of the year` };
}

/**
 * The assignments of an allocation that name a review or person the year does not have (an
 * allocation of another year, or of an edited year), in allocation order.
 *
 * @example unknownSeats(indexYear(problem), allocation).map((s) => s.message)
 */
export function unknownSeats(year: Year, allocation: Pick<Allocation, "assignments">): UnknownSeat[] {
  return allocation.assignments.flatMap((assignment, index) => {
    const unknown = unknownSeat(year, assignment);
    return unknown ? [{ index, ...unknown }] : [];
  });
}

/** Rows listed one by one before the rest are counted in one line. */
const LISTED = 5;

/** Where the unknown seats were read from, for their errors. */
export interface SeatSource {
  /** The allocation's file name, as the errors name it. */
  readonly file: string;
  /** The allocation's rows in all. */
  readonly total: number;
  /** The spreadsheet row of an assignment, by its index. */
  readonly rowOf: (index: number) => number | undefined;
  /** Each error with its `path` in the call (the allocation came as an object). */
  readonly withPath?: boolean;
}

/**
 * Unknown seats as input errors of the allocation file: the first few by row and column, the
 * rest counted, saying what is likely wrong (another year's allocation).
 */
export function unknownSeatErrors(seats: readonly UnknownSeat[], { file, total, rowOf, withPath = false }: SeatSource): InputError[] {
  const errors: InputError[] = seats.slice(0, LISTED).map((seat) => {
    const row = rowOf(seat.index);
    const field = seat.column === "review_id" ? "reviewId" : seat.column === "person_id" ? "personId" : "role";
    return {
      code: "unknown-reference",
      file,
      ...(row !== undefined ? { row } : {}),
      column: seat.column,
      ...(withPath ? { path: ["allocation", "assignments", seat.index, field] } : {}),
      message: `${seat.message}; an allocation is refused unless every row names a review and a person of this year`,
    };
  });
  if (seats.length > LISTED) {
    const all = seats.length === total ? "every one" : `${seats.length} of its ${total}`;
    errors.push({ code: "unknown-reference", file, message: `${all} of its rows name a review or person this year does not have (${seats.length - LISTED} more besides those above): is it another year's allocation? \`qar check\` lists each` });
  }
  return errors;
}
