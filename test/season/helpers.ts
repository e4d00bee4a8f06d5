/**
 * Independent checks of one season step, shared by the scenario and the property tests. They
 * read only the allocations before and after (and the year), never the season code's own
 * bookkeeping, so a slip there cannot hide itself.
 */
import ICAL from "ical.js";
import seedrandom from "seedrandom";
import { expect } from "vitest";
import { checkAllocation } from "../../src/check.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation, Assignment } from "../../src/model/schema.js";
import type { Notice } from "../../src/season/notices.js";
import type { Response } from "../../src/season/responses.js";

const key = (a: { reviewId: string; role: string; personId: string }) => `${a.role}:${a.personId}@${a.reviewId}`;

/** Each person's set of review ids, as `role:person → sorted review ids`. */
export function dutiesByPerson(allocation: Allocation): Map<string, string> {
  const duties = new Map<string, string[]>();
  for (const a of allocation.assignments) duties.set(`${a.role}:${a.personId}`, [...(duties.get(`${a.role}:${a.personId}`) ?? []), a.reviewId]);
  return new Map([...duties].map(([person, reviews]) => [person, reviews.sort().join(",")]));
}

/** People whose set of duties differs between two allocations, counted straight from the rows. */
export function peopleWithChangedDuties(before: Allocation, after: Allocation): string[] {
  const a = dutiesByPerson(before);
  const b = dutiesByPerson(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((person) => a.get(person) !== b.get(person)).map((person) => person.split(":")[1]!).sort();
}

/** Reviews whose team (lead and peers) differs between two allocations. */
export function reviewsWithChangedTeams(before: Allocation, after: Allocation): string[] {
  const team = (allocation: Allocation) => {
    const teams = new Map<string, string[]>();
    for (const a of allocation.assignments) teams.set(a.reviewId, [...(teams.get(a.reviewId) ?? []), key(a)]);
    return new Map([...teams].map(([id, seats]) => [id, seats.sort().join(",")]));
  };
  const a = team(before);
  const b = team(after);
  return [...new Set([...a.keys(), ...b.keys()])].filter((id) => a.get(id) !== b.get(id)).sort();
}

/** Draws responses: each seat is confirmed with chance `confirm`, declined with chance `decline` (seeded). */
export function drawResponses(allocation: Allocation, seed: string, confirm: number, decline: number): Response[] {
  const random = seedrandom(seed);
  return allocation.assignments.flatMap((a): Response[] => {
    const draw = random();
    if (draw < decline) return [{ reviewId: a.reviewId, personId: a.personId, response: "declined" }];
    if (draw < decline + confirm) return [{ reviewId: a.reviewId, personId: a.personId, response: "confirmed" }];
    return [];
  });
}

/** The confirmed seats an allocation holds once `responses` are in (a declined answer releases a seat). */
export function confirmedAfter(allocation: Allocation, responses: readonly Response[]): Assignment[] {
  const answer = new Map(responses.map((r) => [`${r.personId}@${r.reviewId}`, r.response]));
  return allocation.assignments.filter((a) => {
    const said = answer.get(`${a.personId}@${a.reviewId}`);
    return said === "confirmed" || (a.status === "confirmed" && said !== "declined");
  });
}

/**
 * The promises of one respond step: the checker passes; every confirmed seat is still there
 * and still confirmed; nobody sits on a review they ever declined; filled seats drop by at most
 * the declines; and the notices name exactly the people whose duties changed and the hosts
 * whose teams changed.
 */
export function expectStepKept(problem: Problem, before: Allocation, responses: readonly Response[], after: Allocation, notices: readonly Notice[], released: readonly Assignment[] = []): void {
  const check = checkAllocation(problem, after);
  expect(check.violations).toEqual([]);
  const seats = new Map(after.assignments.map((a) => [key(a), a]));
  const releasedKeys = new Set(released.map(key));
  for (const seat of confirmedAfter(before, responses)) {
    if (releasedKeys.has(key(seat))) continue;
    expect(seats.get(key(seat))?.status, `${key(seat)} stays confirmed`).toBe("confirmed");
  }
  const everDeclined = [
    ...(before.declined ?? []),
    ...responses.filter((r) => r.response === "declined").map((r) => ({ reviewId: r.reviewId, personId: r.personId })),
  ];
  for (const d of everDeclined) {
    expect(after.assignments.some((a) => a.reviewId === d.reviewId && a.personId === d.personId), `${d.personId} is not back on ${d.reviewId}`).toBe(false);
  }
  const declinedNow = new Set(responses.filter((r) => r.response === "declined").map((r) => `${r.personId}@${r.reviewId}`));
  const declinedSeats = before.assignments.filter((a) => declinedNow.has(`${a.personId}@${a.reviewId}`)).length;
  expect(check.metrics.filled.total).toBeGreaterThanOrEqual(checkAllocation(problem, before).metrics.filled.total - declinedSeats);
  const told = (types: string[]) => [...new Set(notices.filter((n) => types.includes(n.recipientType)).map((n) => n.recipientId))].sort();
  expect(told(["reviewer", "lead"])).toEqual(peopleWithChangedDuties(before, after));
  expect([...new Set(notices.filter((n) => n.recipientType === "school").map((n) => n.reviewId))].sort()).toEqual(reviewsWithChangedTeams(before, after));
}

/** The VEVENTs of an iCalendar text, read by ical.js (an independent parser). */
export function parseEvents(text: string): { uid: string; sequence: number; status: string; start: string; end: string; summary: string; location: string }[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: String(vevent.getFirstPropertyValue("status") ?? ""),
      start: event.startDate.toString(),
      end: event.endDate.toString(),
      summary: event.summary,
      location: event.location,
    };
  });
}

/**
 * A released confirmed seat is justified only if its team truly had to go: putting the seat
 * back with any one advanced reviewer who did not decline that review still breaks a rule.
 */
export function expectReleaseForced(problem: Problem, after: Allocation, released: readonly Assignment[]): void {
  const declined = new Set((after.declined ?? []).map((d) => `${d.personId}@${d.reviewId}`));
  for (const reviewId of new Set(released.map((r) => r.reviewId))) {
    const back = released.filter((r) => r.reviewId === reviewId).map((r) => ({ reviewId, role: r.role, personId: r.personId }));
    for (const p of problem.reviewers.filter((r) => r.level === "advanced" && !declined.has(`${r.id}@${reviewId}`))) {
      const trial = { assignments: [...after.assignments, ...back, { reviewId, role: "peer" as const, personId: p.id }] };
      expect(checkAllocation(problem, trial).valid, `${p.id} could have joined ${reviewId} and kept its confirmed seats`).toBe(false);
    }
  }
}
