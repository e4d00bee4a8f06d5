import { prefersReview } from "../../goals/preference.js";
import { phaseMatches, travelKm } from "../../model/year.js";
import { advancedToStaff, isAdvanced, peerSeatsLeft, reviewsLeft } from "../../rules/index.js";
import type { Candidate } from "../candidates.js";
import type { Engine } from "../engine.js";
import { disbandTeamsWithoutAdvanced, rosterFromPins } from "../steps/pins.js";

/**
 * The baseline of what the partnership did before: people, in a seeded random order, each join
 * the review they like best among those with an open seat the rules allow (first come, first
 * served), as with the Reviewer Selection Tool. A reviewer who is not advanced takes one of the
 * seats beyond the advanced ones; teams left without their advanced reviewer at the end are
 * not valid and are disbanded, pinned peers included. Kept only for comparison in the bench.
 */
export const selfSelection: Engine = {
  name: "self-selection",
  summary: "Baseline: people in random order each pick their favourite open review (first come, first served).",
  run: async (context) => {
    const { year, candidates, random } = context;
    const roster = rosterFromPins(context);
    // Liked best: a stated preference, then the person's phase, then the shortest journey.
    const liking = (c: Candidate) => (prefersReview(c.person, c.review) ? 0 : 1000) + (phaseMatches(c.person, c.review.host) ? 0 : 500) + (travelKm(c.person, c.review.host) ?? 0) / 10;
    const people = [...year.leads, ...year.reviewers];
    const order = people.map((person) => ({ person, key: random() })).sort((a, b) => a.key - b.key);
    let iterations = 0;
    for (let round = 0, any = true; any; round += 1) {
      any = false;
      for (const { person } of order) {
        const taken = roster.duties(person).length;
        if (taken > round || reviewsLeft(person, taken) === 0) continue;
        const options = (candidates.byPerson.get(`${person.role}:${person.id}`) ?? []).filter((c) => {
          if (!roster.canTake(person, c.review)) return false;
          if (person.role === "lead" || isAdvanced(person)) return true;
          const peers = roster.peers(c.review);
          const advancedMissing = Math.max(0, advancedToStaff(year, c.review) - peers.filter(isAdvanced).length);
          return peerSeatsLeft(c.review, peers.length) > advancedMissing;
        });
        iterations += 1;
        if (options.length === 0) continue;
        const choice = options.reduce((a, b) => (liking(b) < liking(a) ? b : a));
        roster.add(person.role, person, choice.review);
        any = true;
      }
    }
    // Pinned peers too: a team without its advanced reviewer breaks the rule whoever pinned it.
    disbandTeamsWithoutAdvanced(roster, new Set());
    return { allocation: roster.toAllocation(), stoppedBy: "complete", iterations };
  },
};
