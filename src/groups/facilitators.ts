import { solveWithHighs, type Column, type Row } from "../solver/lp.js";
import type { CohortIndex, FacilitatorInfo, MemberInfo } from "./cohort.js";
import { GROUP_GOALS } from "./goals.js";
import { FACILITATOR_GROUP_RULES, FACILITATOR_LOAD_RULES, FACILITATOR_SCHOOL_RULES } from "./rules/index.js";

/** A chosen group, before it has an id. */
export interface FormedGroup {
  readonly programme: string;
  readonly members: readonly MemberInfo[];
}

export interface Staffing {
  /** The facilitator of each group (index into `CohortIndex.facilitators`), or undefined. */
  readonly facilitator: readonly (number | undefined)[];
  readonly proven: boolean;
}

/** Whether every facilitator rule about one facilitator and one group lets them lead it. */
export function mayLead(f: FacilitatorInfo, group: FormedGroup): boolean {
  const phases = new Set(group.members.map((m) => m.school.phase));
  return FACILITATOR_GROUP_RULES.every((r) => r.allows(f, group.programme, phases)) && group.members.every((m) => FACILITATOR_SCHOOL_RULES.every((r) => r.allows(f, m.school)));
}

const capacityOf = (f: FacilitatorInfo) => Math.min(...FACILITATOR_LOAD_RULES.map((r) => r.capacity(f)));

/**
 * A facilitator for every group, each leading one, when there is such a matching (augmenting
 * paths, in id order). It is then optimal: no group uncovered, and every load 0 or 1 costs the
 * least any staffing of all the groups can.
 */
function oneEach(eligible: readonly (readonly number[])[], facilitators: number): (number | undefined)[] | undefined {
  const groupOf = new Array<number | undefined>(facilitators).fill(undefined);
  const augment = (g: number, seen: Set<number>): boolean => {
    for (const f of eligible[g]!) {
      if (seen.has(f)) continue;
      seen.add(f);
      if (groupOf[f] === undefined || augment(groupOf[f]!, seen)) {
        groupOf[f] = g;
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < eligible.length; g += 1) if (!augment(g, new Set())) return undefined;
  const facilitator: (number | undefined)[] = eligible.map(() => undefined);
  groupOf.forEach((g, f) => g !== undefined && (facilitator[g] = f));
  return facilitator;
}

/**
 * Staffs the chosen groups: a facilitator for as many groups as possible (the `facilitated`
 * goal), then loads as even as possible (`balanced-loads`: a facilitator's n-th group costs
 * n), exactly, by a small MIP (groups × facilitators who may lead them, and load steps).
 */
export async function staffGroups(index: CohortIndex, groups: readonly FormedGroup[], limits: { timeLimitSeconds?: number; maxNodes?: number }): Promise<Staffing> {
  const loadCost = GROUP_GOALS.find((g) => g.id === "balanced-loads")!.loadCost!;
  const uncoveredCost = GROUP_GOALS.find((g) => g.id === "facilitated")!.uncoveredCost!;
  const steps = index.facilitators.map((f) => Math.min(capacityOf(f), groups.length));
  const eligible = groups.map((g) => index.facilitators.filter((f) => steps[f.index]! > 0 && mayLead(f, g)).map((f) => f.index));
  const matched = oneEach(eligible, index.facilitators.length);
  if (matched) return { facilitator: matched, proven: true };
  if (eligible.every((list) => list.length === 0)) return { facilitator: groups.map(() => undefined), proven: true };
  // One uncovered group outweighs every load step together.
  const uncovered = uncoveredCost * (1 + steps.reduce((sum, s) => sum + Array.from({ length: s }, (_, j) => loadCost(j + 1)).reduce((a, b) => a + b, 0), 0));
  const columns: Column[] = [];
  const rows: Row[] = [...groups.map(() => ({ lower: 1, upper: 1, indices: [] as number[], values: [] as number[] })), ...index.facilitators.map(() => ({ lower: 0, upper: 0, indices: [] as number[], values: [] as number[] }))];
  const enter = (column: Column, entries: [number, number][]) => {
    const j = columns.push(column) - 1;
    for (const [r, v] of entries) (rows[r]!.indices as number[]).push(j), (rows[r]!.values as number[]).push(v);
    return j;
  };
  const pairs: { group: number; facilitator: number; column: number }[] = [];
  groups.forEach((g, gi) => {
    enter({ cost: uncovered, lower: 0, upper: 1, integer: true }, [[gi, 1]]);
    for (const f of eligible[gi]!) pairs.push({ group: gi, facilitator: f, column: enter({ cost: 0, lower: 0, upper: 1, integer: true }, [[gi, 1], [groups.length + f, 1]]) });
  });
  index.facilitators.forEach((f) => {
    for (let s = 1; s <= steps[f.index]!; s += 1) enter({ cost: loadCost(s), lower: 0, upper: 1, integer: true }, [[groups.length + f.index, -1]]);
  });
  const solution = await solveWithHighs({ sense: "minimize", columns, rows }, { relativeGap: 0, ...limits });
  const facilitator: (number | undefined)[] = groups.map(() => undefined);
  if (solution.status === "optimal" || solution.status === "limit") {
    for (const p of pairs) if ((solution.values[p.column] ?? 0) > 0.5) facilitator[p.group] = p.facilitator;
  }
  return { facilitator, proven: solution.status === "optimal" };
}
