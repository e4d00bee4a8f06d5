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
 *
 * The tree is kept between solves: after `setCost`, `solve` starts from the last optimal tree
 * (still a feasible flow; only the potentials change), which takes a few pivots where a cold
 * start takes a hundred thousand.
 */
export interface CostNetwork {
  /** Adds an arc with capacity `cap` (an integer ≥ 0) and integer `cost` per unit; returns its id. */
  addArc(from: number, to: number, cap: number, cost: number): number;
  /** Changes an arc's cost (an integer); the next `solve` starts from the last tree. */
  setCost(arc: number, cost: number): void;
  /** Finds a minimum-cost circulation; `shouldStop` is asked every few thousand pivots. */
  solve(options?: { readonly shouldStop?: () => boolean }): MinCostResult;
  /** Flow on an arc after `solve`. */
  flow(arc: number): number;
  /**
   * A node's potential after `solve` (the LP dual): for any potentials, the sum over arcs of
   * `cap × min(0, cost + potential(from) − potential(to))` is a lower bound on the least cost,
   * which lets a caller bound a larger network from a smaller one's solution.
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
  const n = nodeCount;
  const root = n;
  let source = new Int32Array(1024);
  let target = new Int32Array(1024);
  let upper = new Float64Array(1024);
  let cost = new Float64Array(1024);
  let m = 0;
  let tree: Tree | undefined;

  const grow = () => {
    const size = source.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, make: (k: number) => T) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    source = copy(source, (k) => new Int32Array(k));
    target = copy(target, (k) => new Int32Array(k));
    upper = copy(upper, (k) => new Float64Array(k));
    cost = copy(cost, (k) => new Float64Array(k));
  };

  /** The first tree: every node hangs from the root by an artificial arc, every real arc empty. */
  function startTree(): Tree {
    const all = m + n;
    // Real arcs 0..m-1, then one artificial arc per node, node → root. Every supply is 0, so no
    // flow can leave the root: the artificial arcs stay empty and only shape the first tree.
    const src = new Int32Array(all);
    const tgt = new Int32Array(all);
    const cap = new Float64Array(all);
    const c = new Float64Array(all);
    src.set(source.subarray(0, m));
    tgt.set(target.subarray(0, m));
    cap.set(upper.subarray(0, m));
    c.set(cost.subarray(0, m));
    for (let u = 0; u < n; u += 1) {
      src[m + u] = u;
      tgt[m + u] = root;
      cap[m + u] = Infinity;
    }
    const state = new Int8Array(all).fill(STATE_LOWER);
    const parent = new Int32Array(n + 1).fill(-1);
    const pred = new Int32Array(n + 1).fill(-1);
    const predDir = new Int8Array(n + 1);
    const depth = new Int32Array(n + 1);
    // Children as doubly linked lists, so that re-hanging a subtree is a few pointer moves.
    const firstChild = new Int32Array(n + 1).fill(-1);
    const nextSibling = new Int32Array(n + 1).fill(-1);
    const prevSibling = new Int32Array(n + 1).fill(-1);
    for (let u = n - 1; u >= 0; u -= 1) {
      state[m + u] = STATE_TREE;
      pred[u] = m + u;
      predDir[u] = UP;
      depth[u] = 1;
      parent[u] = root;
      nextSibling[u] = firstChild[root]!;
      if (firstChild[root]! >= 0) prevSibling[firstChild[root]!] = u;
      firstChild[root] = u;
    }
    return {
      arcs: m,
      source: src,
      target: tgt,
      upper: cap,
      c,
      flow: new Float64Array(all),
      state,
      pi: new Float64Array(n + 1),
      parent,
      pred,
      predDir,
      depth,
      firstChild,
      nextSibling,
      prevSibling,
      stack: new Int32Array(n + 1),
      nextArc: 0,
    };
  }

  return {
    nodeCount,
    get arcCount() {
      return m;
    },
    addArc(from, to, cap, unitCost) {
      if (m === source.length) grow();
      source[m] = from;
      target[m] = to;
      upper[m] = cap;
      cost[m] = unitCost;
      tree = undefined;
      return m++;
    },
    setCost(arc, unitCost) {
      cost[arc] = unitCost;
      if (tree) tree.c[arc] = unitCost;
    },
    solve(options = {}) {
      if (!tree) tree = startTree();
      else refreshPotentials(tree, n);
      return pivot(tree, n, options.shouldStop);
    },
    flow: (arc) => tree?.flow[arc] ?? 0,
    potential: (node) => tree?.pi[node] ?? 0,
  };
}

/** The simplex's spanning tree and flow, kept between solves. */
interface Tree {
  readonly arcs: number;
  readonly source: Int32Array;
  readonly target: Int32Array;
  readonly upper: Float64Array;
  readonly c: Float64Array;
  readonly flow: Float64Array;
  readonly state: Int8Array;
  readonly pi: Float64Array;
  readonly parent: Int32Array;
  readonly pred: Int32Array;
  readonly predDir: Int8Array;
  readonly depth: Int32Array;
  readonly firstChild: Int32Array;
  readonly nextSibling: Int32Array;
  readonly prevSibling: Int32Array;
  readonly stack: Int32Array;
  nextArc: number;
}

/** Potentials that give every tree arc a reduced cost of 0, from the root down (after cost changes). */
function refreshPotentials(t: Tree, n: number): void {
  const { stack, pi, pred, predDir, c, parent, firstChild, nextSibling } = t;
  let sp = 0;
  pi[n] = 0;
  for (let ch = firstChild[n]!; ch >= 0; ch = nextSibling[ch]!) stack[sp++] = ch;
  while (sp > 0) {
    const v = stack[--sp]!;
    // Reduced cost c + π(from) − π(to) = 0 on the arc to the parent.
    pi[v] = predDir[v] === UP ? pi[parent[v]!]! - c[pred[v]!]! : pi[parent[v]!]! + c[pred[v]!]!;
    for (let ch = firstChild[v]!; ch >= 0; ch = nextSibling[ch]!) stack[sp++] = ch;
  }
}

function pivot(t: Tree, n: number, shouldStop?: () => boolean): MinCostResult {
  const { source, target, upper, c, flow, state, pi, parent, pred, predDir, depth, firstChild, nextSibling, prevSibling, stack } = t;
  const m = t.arcs;

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
  /** Block search: the arc of most negative reduced cost in the first block that has one. */
  const findEntering = (): number => {
    let best = -1;
    let bestValue = 0;
    let checked = 0;
    let e = t.nextArc;
    for (let k = 0; k < m; k += 1) {
      const s = state[e]!;
      if (s !== STATE_TREE) {
        const value = s * (c[e]! + pi[source[e]!]! - pi[target[e]!]!);
        if (value < bestValue) {
          bestValue = value;
          best = e;
        }
      }
      e = e + 1 === m ? 0 : e + 1;
      checked += 1;
      if (checked === blockSize) {
        if (best >= 0) break;
        checked = 0;
      }
    }
    t.nextArc = e;
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
  return { status, cost: total, pivots };
}
