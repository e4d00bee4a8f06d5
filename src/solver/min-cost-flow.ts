/**
 * A minimum-cost circulation by the primal network simplex method (the spanning-tree form of
 * the simplex method that LEMON's `NetworkSimplex` also uses), over typed arrays.
 *
 * Why not HiGHS: the goal networks of a national year have about 100,000 arcs; HiGHS's dual
 * simplex takes seconds on their LP, while the network simplex, which works on the tree itself
 * and never factorises a matrix, takes a fraction of a second (docs/solver.md). Costs are
 * integers (callers scale them), so every comparison is exact and the result reproducible.
 *
 * Every node has supply 0: a flow is a circulation, and an arc with a negative cost (a reward)
 * is what makes flow run. The usual source-to-sink flow is a circulation with a return arc.
 */
export interface CostNetwork {
  /** Adds an arc with capacity `cap` (an integer ≥ 0) and integer `cost` per unit; returns its id. */
  addArc(from: number, to: number, cap: number, cost: number): number;
  /** Finds a minimum-cost circulation; `shouldStop` is asked every few thousand pivots. */
  solve(options?: { readonly shouldStop?: () => boolean }): MinCostResult;
  /** Flow on an arc after `solve`. */
  flow(arc: number): number;
  /**
   * A node's potential after `solve` (the LP dual): for any potentials, the sum over arcs of
   * `cap × min(0, cost + potential(from) − potential(to))` is a lower bound on the least cost,
   * which lets a caller bound a larger network from a smaller one's solution (`lowerBound`).
   */
  potential(node: number): number;
  readonly nodeCount: number;
  readonly arcCount: number;
}

export interface MinCostResult {
  /** `optimal`, or `stopped` when `shouldStop` ended it (the flow is then feasible, not optimal). */
  readonly status: "optimal" | "stopped";
  readonly cost: number;
  readonly pivots: number;
}

/** Capacity that never binds (the return arc, surplus places). */
export const UNBOUNDED = 2 ** 40;

const STATE_UPPER = -1;
const STATE_TREE = 0;
const STATE_LOWER = 1;
const UP = 1;
const DOWN = -1;

/**
 * An empty network of `nodeCount` nodes.
 *
 * @example
 * const net = createCostNetwork(2);
 * const a = net.addArc(0, 1, 3, -5); // 3 units, each a reward of 5
 * net.addArc(1, 0, 2, 1);            // the way back: 2 units at 1
 * net.solve().cost;                  // -8: two units go round
 */
export function createCostNetwork(nodeCount: number): CostNetwork {
  let source = new Int32Array(1024);
  let target = new Int32Array(1024);
  let capacity = new Float64Array(1024);
  let cost = new Float64Array(1024);
  let arcs = 0;
  let flows: Float64Array | undefined;
  let potentials: Float64Array | undefined;

  const grow = () => {
    const size = source.length * 2;
    const s = new Int32Array(size);
    s.set(source);
    source = s;
    const t = new Int32Array(size);
    t.set(target);
    target = t;
    const c = new Float64Array(size);
    c.set(capacity);
    capacity = c;
    const k = new Float64Array(size);
    k.set(cost);
    cost = k;
  };

  return {
    nodeCount,
    get arcCount() {
      return arcs;
    },
    addArc(from, to, cap, unitCost) {
      if (arcs === source.length) grow();
      source[arcs] = from;
      target[arcs] = to;
      capacity[arcs] = cap;
      cost[arcs] = unitCost;
      flows = undefined;
      return arcs++;
    },
    solve(options = {}) {
      const result = networkSimplex(nodeCount, arcs, source, target, capacity, cost, options.shouldStop);
      flows = result.flow;
      potentials = result.pi;
      return { status: result.status, cost: result.cost, pivots: result.pivots };
    },
    flow: (arc) => flows?.[arc] ?? 0,
    potential: (node) => potentials?.[node] ?? 0,
  };
}

function networkSimplex(
  n: number,
  m: number,
  src: Int32Array,
  tgt: Int32Array,
  cap: Float64Array,
  unitCost: Float64Array,
  shouldStop?: () => boolean,
): { flow: Float64Array; pi: Float64Array; cost: number; pivots: number; status: "optimal" | "stopped" } {
  const root = n;
  const all = m + n;
  // Real arcs 0..m-1, then one artificial arc per node, node → root. Every supply is 0, so no
  // flow can leave the root: the artificial arcs stay empty and only shape the first tree.
  const source = new Int32Array(all);
  const target = new Int32Array(all);
  const upper = new Float64Array(all);
  const c = new Float64Array(all);
  source.set(src.subarray(0, m));
  target.set(tgt.subarray(0, m));
  upper.set(cap.subarray(0, m));
  c.set(unitCost.subarray(0, m));
  for (let u = 0; u < n; u += 1) {
    source[m + u] = u;
    target[m + u] = root;
    upper[m + u] = Infinity;
  }
  const flow = new Float64Array(all);
  const state = new Int8Array(all).fill(STATE_LOWER);
  const pi = new Float64Array(n + 1);
  const parent = new Int32Array(n + 1).fill(-1);
  const pred = new Int32Array(n + 1).fill(-1);
  const predDir = new Int8Array(n + 1);
  const depth = new Int32Array(n + 1);
  // Children as doubly linked lists, so that re-hanging a subtree is a few pointer moves.
  const firstChild = new Int32Array(n + 1).fill(-1);
  const nextSibling = new Int32Array(n + 1).fill(-1);
  const prevSibling = new Int32Array(n + 1).fill(-1);

  const detach = (v: number) => {
    const p = parent[v]!;
    if (p < 0) return;
    const prev = prevSibling[v]!;
    const next = nextSibling[v]!;
    if (prev >= 0) nextSibling[prev] = next;
    else firstChild[p] = next;
    if (next >= 0) prevSibling[next] = prev;
    prevSibling[v] = -1;
    nextSibling[v] = -1;
  };
  const attach = (v: number, p: number) => {
    const first = firstChild[p]!;
    nextSibling[v] = first;
    prevSibling[v] = -1;
    if (first >= 0) prevSibling[first] = v;
    firstChild[p] = v;
    parent[v] = p;
  };

  for (let u = 0; u < n; u += 1) {
    state[m + u] = STATE_TREE;
    pred[u] = m + u;
    predDir[u] = UP;
    depth[u] = 1;
    attach(u, root);
  }

  const stack = new Int32Array(n + 1);
  /** Adds `sigma` to the potentials of `top`'s subtree and recomputes its depths. */
  const shiftSubtree = (top: number, sigma: number) => {
    let sp = 0;
    stack[sp++] = top;
    while (sp > 0) {
      const v = stack[--sp]!;
      pi[v] = pi[v]! + sigma;
      depth[v] = depth[parent[v]!]! + 1;
      for (let ch = firstChild[v]!; ch >= 0; ch = nextSibling[ch]!) stack[sp++] = ch;
    }
  };

  const blockSize = Math.max(10, Math.ceil(Math.sqrt(m)));
  let nextArc = 0;
  /** Block search: the arc of most negative reduced cost in the first block that has one. */
  const findEntering = (): number => {
    let best = -1;
    let bestValue = 0;
    let checked = 0;
    for (let k = 0; k < m; k += 1) {
      const e = nextArc;
      nextArc = nextArc + 1 === m ? 0 : nextArc + 1;
      const s = state[e]!;
      if (s !== STATE_TREE) {
        const value = s * (c[e]! + pi[source[e]!]! - pi[target[e]!]!);
        if (value < bestValue) {
          bestValue = value;
          best = e;
        }
      }
      checked += 1;
      if (checked === blockSize) {
        if (best >= 0) return best;
        checked = 0;
      }
    }
    return best;
  };

  let pivots = 0;
  let status: "optimal" | "stopped" = "optimal";
  for (;;) {
    if (shouldStop && (pivots & 4095) === 4095 && shouldStop()) {
      status = "stopped";
      break;
    }
    const entering = findEntering();
    if (entering < 0) break;
    pivots += 1;
    const first = state[entering] === STATE_LOWER ? source[entering]! : target[entering]!;
    const second = state[entering] === STATE_LOWER ? target[entering]! : source[entering]!;
    // The join: where the tree paths from both ends of the entering arc meet.
    let a = first;
    let b = second;
    while (a !== b) {
      if (depth[a]! > depth[b]!) a = parent[a]!;
      else if (depth[b]! > depth[a]!) b = parent[b]!;
      else {
        a = parent[a]!;
        b = parent[b]!;
      }
    }
    const join = a;
    // The leaving arc, chosen so that the tree stays strongly feasible (no cycling): the last
    // blocking arc met going round the cycle from the join.
    let delta = upper[entering]!;
    let leaving = -1;
    let side = 0;
    for (let u = first; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      const d = predDir[u] === DOWN ? upper[e]! - flow[e]! : flow[e]!;
      if (d < delta) {
        delta = d;
        leaving = u;
        side = 1;
      }
    }
    for (let u = second; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      const d = predDir[u] === UP ? upper[e]! - flow[e]! : flow[e]!;
      if (d <= delta) {
        delta = d;
        leaving = u;
        side = 2;
      }
    }
    if (delta === Infinity) throw new Error("min-cost flow: a cycle of negative cost and unbounded capacity");
    if (delta > 0) {
      const value = state[entering]! * delta;
      flow[entering] = flow[entering]! + value;
      for (let u = source[entering]!; u !== join; u = parent[u]!) flow[pred[u]!] = flow[pred[u]!]! - predDir[u]! * value;
      for (let u = target[entering]!; u !== join; u = parent[u]!) flow[pred[u]!] = flow[pred[u]!]! + predDir[u]! * value;
    }
    if (side === 0) {
      // The entering arc went from one bound to the other: the tree stays as it is.
      state[entering] = -state[entering]! as -1 | 1;
      continue;
    }
    const out = pred[leaving]!;
    state[out] = flow[out]! > 0 ? STATE_UPPER : STATE_LOWER;
    state[entering] = STATE_TREE;
    const uIn = side === 1 ? first : second;
    const vIn = side === 1 ? second : first;
    // Re-hang the subtree cut off at `leaving` from `uIn`, reversing the path uIn → leaving.
    let w = uIn;
    let newParent = vIn;
    let newPred = entering;
    for (;;) {
      const oldParent = parent[w]!;
      const oldPred = pred[w]!;
      detach(w);
      attach(w, newParent);
      pred[w] = newPred;
      predDir[w] = source[newPred] === w ? UP : DOWN;
      if (w === leaving) break;
      newParent = w;
      newPred = oldPred;
      w = oldParent;
    }
    const sigma = pi[vIn]! - pi[uIn]! - predDir[uIn]! * c[entering]!;
    shiftSubtree(uIn, sigma);
  }
  let total = 0;
  for (let e = 0; e < m; e += 1) total += flow[e]! * c[e]!;
  return { flow: flow.subarray(0, m), pi, cost: total, pivots, status };
}
