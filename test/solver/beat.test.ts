/**
 * The run's heartbeat (`beat`, issue 26 item 5): the long steps that cannot stop (building the
 * candidate lists, the flows of the bounds and of the construction) call it so that progress is
 * repeated while they work. It must change nothing: the same candidates, the same flows, the
 * same bound, with or without it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateYear, smallScarceSpec } from "../../fixtures/generator.js";
import { indexYear } from "../../src/model/year.js";
import { relaxedBound } from "../../src/solver/bound.js";
import { findCandidates } from "../../src/solver/candidates.js";
import { createFlowNetwork } from "../../src/solver/flow.js";
import { createRoster } from "../../src/solver/roster.js";

describe("beat", () => {
  it("the candidate lists and the relaxation bound are the same with a heartbeat, which is heard", () => {
    const year = indexYear(generateYear(smallScarceSpec(3, 70)).problem);
    let beats = 0;
    const beat = () => void (beats += 1);
    const plain = findCandidates(year);
    const heard = findCandidates(year, undefined, { beat });
    const pairs = (c: typeof plain) => [...c.byPerson].map(([key, list]) => [key, list.map((x) => [x.review.id, x.cost])]);
    expect(pairs(heard)).toEqual(pairs(plain));
    expect(relaxedBound(year, heard, createRoster(year), () => false, beat)).toEqual(relaxedBound(year, plain, createRoster(year)));
    expect(beats).toBeGreaterThan(0);
  });

  it("a maximum flow is the same with a heartbeat, on any network", () => {
    const edge = fc.tuple(fc.nat(9), fc.nat(9), fc.nat(5));
    fc.assert(
      fc.property(fc.array(edge, { maxLength: 40 }), (edges) => {
        const build = () => {
          const net = createFlowNetwork(10);
          const ids = edges.map(([from, to, cap]) => net.addEdge(from, to, cap));
          return { net, ids };
        };
        const a = build();
        const b = build();
        let beats = 0;
        expect(b.net.maxFlow(0, 9, () => void (beats += 1))).toBe(a.net.maxFlow(0, 9));
        expect(b.ids.map((id) => b.net.flow(id))).toEqual(a.ids.map((id) => a.net.flow(id)));
        // Once after each phase of augmenting paths that found one.
        if (a.ids.some((id) => a.net.flow(id) > 0)) expect(beats).toBeGreaterThan(0);
      }),
      { seed: 2612, numRuns: 200 },
    );
  });
});
