import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { solveWithHighs } from "../../src/solver/lp.js";
import { createCostNetwork } from "../../src/solver/min-cost-flow.js";

/** A random network: arcs as [from, to, capacity, cost]. */
const networks = fc
  .integer({ min: 2, max: 12 })
  .chain((nodes) =>
    fc.record({
      nodes: fc.constant(nodes),
      // No loops: an arc's ends differ (the goal networks have none, and an LP row cannot hold a column twice).
      arcs: fc.array(fc.tuple(fc.nat(nodes - 1), fc.nat(nodes - 1), fc.nat(5), fc.integer({ min: -10, max: 10 })), { maxLength: 40 }).map((arcs) => arcs.filter(([from, to]) => from !== to)),
    }),
  );

describe("network simplex (min-cost-flow)", () => {
  it("finds a circulation within the capacities whose cost is the LP optimum (HiGHS)", async () => {
    await fc.assert(
      fc.asyncProperty(networks, async ({ nodes, arcs }) => {
        const net = createCostNetwork(nodes);
        for (const [from, to, cap, cost] of arcs) net.addArc(from, to, cap, cost);
        const result = net.solve();
        expect(result.status).toBe("optimal");
        const balance = new Array<number>(nodes).fill(0);
        arcs.forEach(([from, to, cap], arc) => {
          const flow = net.flow(arc);
          expect(flow).toBeGreaterThanOrEqual(0);
          expect(flow).toBeLessThanOrEqual(cap);
          expect(Number.isInteger(flow)).toBe(true);
          balance[from]! -= flow;
          balance[to]! += flow;
        });
        expect(balance.every((b) => b === 0)).toBe(true);
        // The LP of the same circulation: conservation rows, arcs as bounded columns.
        const rows = Array.from({ length: nodes }, () => ({ lower: 0, upper: 0, indices: [] as number[], values: [] as number[] }));
        arcs.forEach(([from, to], arc) => {
          rows[from]!.indices.push(arc);
          rows[from]!.values.push(-1);
          rows[to]!.indices.push(arc);
          rows[to]!.values.push(1);
        });
        const lp = await solveWithHighs(
          { sense: "minimize", columns: arcs.map(([, , cap, cost]) => ({ cost, lower: 0, upper: cap, integer: false })), rows: rows.filter((r) => r.indices.length > 0) },
          { relax: true },
        );
        expect(result.cost).toBeCloseTo(lp.objective, 6);
        // The duals bound the least cost from below (the Lagrangian bound every goal bound uses).
        let dual = 0;
        arcs.forEach(([from, to, cap, cost]) => (dual += cap * Math.min(0, cost + net.potential(from) - net.potential(to))));
        expect(dual).toBeCloseTo(result.cost, 6);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("after costs change, a solve from the last tree finds the same least cost as a fresh network", () => {
    fc.assert(
      fc.property(networks, fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 40, maxLength: 40 }), ({ nodes, arcs }, costs) => {
        const warm = createCostNetwork(nodes);
        for (const [from, to, cap, cost] of arcs) warm.addArc(from, to, cap, cost);
        warm.solve();
        arcs.forEach((_, arc) => warm.setCost(arc, costs[arc]!));
        const fresh = createCostNetwork(nodes);
        arcs.forEach(([from, to, cap], arc) => fresh.addArc(from, to, cap, costs[arc]!));
        expect(warm.solve().cost).toBe(fresh.solve().cost);
      }),
      { numRuns: 200, seed: 8 },
    );
  });

  it("a reward arc runs flow round the cheapest way back", () => {
    const net = createCostNetwork(3);
    const reward = net.addArc(0, 1, 4, -10);
    const cheap = net.addArc(1, 0, 3, 2);
    const dear = net.addArc(1, 2, 5, 3);
    net.addArc(2, 0, 5, 3);
    const result = net.solve();
    expect([net.flow(reward), net.flow(cheap), net.flow(dear)]).toEqual([4, 3, 1]);
    expect(result.cost).toBe(-40 + 6 + 6);
  });
});
