import type { School } from "../model/schema.js";
import type { CohortIndex, MemberInfo } from "./cohort.js";
import { GROUP_SHAPE_RULES, SCHOOL_PAIR_RULES } from "./rules/index.js";
import type { ExceptionKind } from "./rules/types.js";

/** Exception kinds in a fixed order: a candidate's exceptions are a bit set over this list. */
export const EXCEPTION_KINDS: readonly ExceptionKind[] = ["oversize", "mixed-phase"];

/** Every group the rules allow, stored flat: a cohort of 60 schools has a few hundred thousand. */
export interface CandidateGroups {
  readonly count: number;
  /** Candidate `c` holds members `member[start[c]] .. member[start[c + 1] - 1]` (positions in the block). */
  readonly start: Int32Array;
  readonly member: Int32Array;
  /** Bit `k` set: the group uses exception `EXCEPTION_KINDS[k]`. */
  readonly exceptions: Uint8Array;
}

/**
 * Schools grouped together in one model: a programme's phase, or a whole programme when the
 * policy lets phases mix (mixed groups join phases).
 */
export interface Block {
  readonly programme: string;
  /** The block's members, by school id. */
  readonly members: readonly MemberInfo[];
}

/**
 * The blocks of a cohort, programmes by name and phases by name within them. Phases are apart
 * unless they may mix; the oversize count is per programme, which the caller checks (a block
 * alone may use the whole count, a relaxation that is exact whenever the blocks' total is in it).
 */
export function blocksOf(index: CohortIndex, programmes: readonly string[] = index.programmes.map((p) => p.name)): Block[] {
  const whole = index.policy.mixedPhaseGroups > 0;
  return index.programmes
    .filter((p) => programmes.includes(p.name))
    .flatMap((p) => {
      if (whole) return [{ programme: p.name, members: p.members }];
      const phases = [...new Set(p.members.map((m) => m.school.phase))].sort();
      return phases.map((phase) => ({ programme: p.name, members: p.members.filter((m) => m.school.phase === phase) }));
    });
}

/** One block per programme: what the oversize count needs when phase blocks together exceed it. */
export function programmeBlock(index: CohortIndex, programme: string): Block {
  return { programme, members: index.programmes.find((p) => p.name === programme)?.members ?? [] };
}

/** Enumeration stops here: beyond it a block is too large to group exactly in memory. */
export const MAX_CANDIDATES = 2_500_000;

/**
 * Thrown when a block has more candidate groups than `MAX_CANDIDATES`.
 *
 * @example
 * try {
 *   await group(cohort);
 * } catch (error) {
 *   if (error instanceof TooManyGroupsError) console.log(`split ${error.programme}: ${error.message}`);
 * }
 */
export class TooManyGroupsError extends RangeError {
  constructor(readonly programme: string) {
    super(`${programme} has more than ${MAX_CANDIDATES} possible groups; split the programme or tighten the policy (oversizeGroups, mixedPhaseGroups)`);
  }
}

/** Growable typed buffers, so enumeration allocates no array per candidate. */
class Buffer {
  private data: Int32Array;
  length = 0;
  constructor(size = 1024) {
    this.data = new Int32Array(size);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

const mayJoin = (index: CohortIndex, a: School, b: School) =>
  SCHOOL_PAIR_RULES.every((r) => r.allows(a, b)) && GROUP_SHAPE_RULES.every((r) => r.mayJoin?.(index.policy, a, b) ?? true);

function sizeRangeOf(index: CohortIndex): { min: number; max: number } {
  let min = 1;
  let max = Infinity;
  for (const rule of GROUP_SHAPE_RULES) {
    const sizes = rule.sizes?.(index.policy);
    if (sizes) [min, max] = [Math.max(min, sizes.min), Math.min(max, sizes.max)];
  }
  return { min, max: Number.isFinite(max) ? max : index.members.length };
}

function shapeOf(index: CohortIndex, schools: readonly School[]): number | undefined {
  let bits = 0;
  for (const rule of GROUP_SHAPE_RULES) {
    const verdict = rule.shape(index.policy, schools);
    if (!verdict.allowed) return undefined;
    if (verdict.exception) bits |= 1 << EXCEPTION_KINDS.indexOf(verdict.exception);
  }
  return bits;
}

/**
 * Enumerates every group the rules allow in a block: schools pairwise allowed by the
 * school-pair rules (hub, locality, trust, phase), sizes and shapes allowed by the group-shape
 * rules, each with its exceptions.
 *
 * @example
 * const index = indexCohort(cohort);
 * for (const block of blocksOf(index)) console.log(block.programme, enumerateGroups(index, block).count);
 */
export function enumerateGroups(index: CohortIndex, block: Block): CandidateGroups {
  const { min, max } = sizeRangeOf(index);
  const start = new Buffer();
  const member = new Buffer(4096);
  const exceptions = new Buffer();
  const list = block.members;
  const joins = list.map((a) => list.map((b) => a !== b && mayJoin(index, a.school, b.school)));
  const chosen: number[] = [];
  const extend = (from: number): void => {
    if (chosen.length >= min) {
      const bits = shapeOf(index, chosen.map((i) => list[i]!.school));
      if (bits !== undefined) {
        if (start.length >= MAX_CANDIDATES) throw new TooManyGroupsError(block.programme);
        start.push(member.length);
        for (const i of chosen) member.push(i);
        exceptions.push(bits);
      }
    }
    if (chosen.length === max) return;
    for (let i = from; i < list.length; i += 1) {
      if (!chosen.every((c) => joins[c]![i])) continue;
      chosen.push(i);
      extend(i + 1);
      chosen.pop();
    }
  };
  extend(0);
  const count = start.length;
  start.push(member.length);
  return { count, start: start.done(), member: member.done(), exceptions: Uint8Array.from(exceptions.done()) };
}

/** The members of candidate `c`, as positions in its block. */
export function membersOf(candidates: CandidateGroups, c: number): number[] {
  return Array.from(candidates.member.subarray(candidates.start[c]!, candidates.start[c + 1]!));
}
