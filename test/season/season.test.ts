import { describe, expect, it } from "vitest";
import { generateYear, smallRandomSpec } from "../../fixtures/generator.js";
import { checkAllocation } from "../../src/check.js";
import { seasonFiles } from "../../src/io/write-season.js";
import { fileStems } from "../../src/io/file-names.js";
import type { Problem } from "../../src/model/problem.js";
import type { Allocation, Assignment } from "../../src/model/schema.js";
import { indexYear } from "../../src/model/year.js";
import { respond } from "../../src/season/respond.js";
import type { Response } from "../../src/season/responses.js";
import { solve } from "../../src/solver/index.js";
import { drawResponses, expectReleaseForced, expectStepKept, parseEvents } from "./helpers.js";

/** Each person's .ics holds an event on the start date of each of their reviews, and a cancelled one for each duty removed. */
function expectCalendars(problem: Problem, before: Allocation | undefined, after: Allocation, cancelled: Parameters<typeof seasonFiles>[2]): void {
  const year = indexYear(problem);
  const files = seasonFiles(year, after, cancelled);
  const people = [...new Set(after.assignments.map((a) => a.personId))];
  const stems = fileStems([...people, ...(cancelled ?? []).map((e) => e.personId)]);
  for (const person of people) {
    const text = files[`calendars/${stems.get(person)}.ics`];
    expect(text, `${person} has a calendar`).toBeDefined();
    const events = parseEvents(text!);
    for (const a of after.assignments.filter((x) => x.personId === person)) {
      const start = year.reviewById.get(a.reviewId)!.review.start;
      expect(events.some((e) => e.start === start && e.status !== "CANCELLED" && e.uid.includes(encodeURIComponent(a.reviewId))), `${person} has ${a.reviewId} on ${start}`).toBe(true);
    }
  }
  const seated = new Set(after.assignments.map((a) => `${a.personId}@${a.reviewId}`));
  for (const removed of (before?.assignments ?? []).filter((a) => !seated.has(`${a.personId}@${a.reviewId}`))) {
    const events = parseEvents(files[`calendars/${stems.get(removed.personId)}.ics`] ?? "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n");
    expect(events.some((e) => e.status === "CANCELLED" && e.start === year.reviewById.get(removed.reviewId)!.review.start), `${removed.personId} gets ${removed.reviewId} cancelled`).toBe(true);
  }
}

describe("a season on a generated year", () => {
  it("solve; 60% confirmed and 10% declined; respond; 5% more declined; respond again: every step keeps its promises", async () => {
    const { problem } = generateYear(smallRandomSpec(2024, 30));
    const published = (await solve(problem, { seed: 1 })).allocation;
    expect(checkAllocation(problem, published).violations).toEqual([]);
    expectCalendars(problem, undefined, published, []);

    let before = published;
    const steps: [string, number, number][] = [["first answers", 0.6, 0.1], ["late declines", 0, 0.05]];
    for (const [name, confirm, decline] of steps) {
      const responses: Response[] = drawResponses(before, `season/${name}`, confirm, decline);
      expect(responses.some((r) => r.response === "declined"), `${name} declines someone`).toBe(true);
      let outcome = await respond(problem, before, responses, { seed: 1 });
      let released: readonly Assignment[] = [];
      if (outcome.ok) expect(outcome.released).toEqual([]);
      else {
        // Confirmed seats whose team lost its only possible advanced reviewer: respond stops and
        // names them; the coordinator then releases them explicitly, and the release must be forced.
        const named = outcome.issues.map((issue) => /keeps (\S+), who confirmed/.exec(issue.message)?.[1]);
        expect(named.every((id) => id !== undefined), JSON.stringify(outcome.issues)).toBe(true);
        outcome = await respond(problem, before, responses, { seed: 1, releaseStranded: true });
        if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.issues)}`);
        expect(outcome.released.map((seat) => seat.personId).sort()).toEqual([...named].sort());
        expectReleaseForced(problem, outcome.result.allocation, outcome.released);
        released = outcome.released;
      }
      const after = outcome.result.allocation;
      expectStepKept(problem, before, responses, after, outcome.notices, released);
      expectCalendars(problem, before, after, outcome.cancelled);
      before = after;
    }
  });
});
