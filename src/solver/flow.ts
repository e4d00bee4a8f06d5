/**
 * A max-flow network (Dinic's algorithm) over typed arrays: the seat / reciprocity structure of
 * a year (source → school → reviewer → review → sink) is a flow, and Dinic solves it exactly
 * in well under a second at national scale. Edges are stored in pairs (edge, reverse).
 */
export interface FlowNetwork {
  /** Adds an edge with capacity `cap` and returns its id (the reverse edge is `id ^ 1`). */
  addEdge(from: number, to: number, cap: number): number;
  /** Raises an edge's capacity (used to open a second phase of the same network). */
  raiseCapacity(edge: number, cap: number): void;
  /** Lowers an edge's capacity to its current flow: the edge takes no more (closes a phase). */
  freeze(edge: number): void;
  /**
   * Pushes as much flow as possible from `source` to `sink`, on top of any flow already there.
   * `beat`, when given, is called every few thousand augmenting paths and after each phase (a
   * run's progress repeated while a large flow is solved); it changes nothing.
   */
  maxFlow(source: number, sink: number, beat?: () => void): number;
  /** Flow on an edge. */
  flow(edge: number): number;
  /** Nodes reachable from `node` in the residual network (the source side of a minimum cut). */
  reachableFrom(node: number): Uint8Array;
  /** An independent copy, flows and capacities as they stand (to try several changes on one network). */
  copy(): FlowNetwork;
}

export function createFlowNetwork(nodeCount: number, from?: { to: Int32Array; cap: Float64Array; next: Int32Array; original: Float64Array; edges: number; head: Int32Array }): FlowNetwork {
  let to = from ? from.to.slice() : new Int32Array(1024);
  let cap = from ? from.cap.slice() : new Float64Array(1024);
  let next = from ? from.next.slice() : new Int32Array(1024);
  let original = from ? from.original.slice() : new Float64Array(1024);
  let edges = from ? from.edges : 0;
  const head = from ? from.head.slice() : new Int32Array(nodeCount).fill(-1);
  const level = new Int32Array(nodeCount);
  const cursor = new Int32Array(nodeCount);
  const queue = new Int32Array(nodeCount);

  function grow() {
    const size = to.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T) => {
      const b = make(size);
      b.set(a);
      return b;
    };
    to = copy(to, (n) => new Int32Array(n));
    next = copy(next, (n) => new Int32Array(n));
    cap = copy(cap, (n) => new Float64Array(n));
    original = copy(original, (n) => new Float64Array(n));
  }

  function push(from: number, target: number, capacity: number) {
    if (edges === to.length) grow();
    to[edges] = target;
    cap[edges] = capacity;
    original[edges] = capacity;
    next[edges] = head[from]!;
    head[from] = edges;
    edges += 1;
  }

  function bfs(source: number, sink: number): boolean {
    level.fill(-1);
    let qh = 0;
    let qt = 0;
    queue[qt++] = source;
    level[source] = 0;
    while (qh < qt) {
      const u = queue[qh++]!;
      // Nodes at the sink's depth or deeper cannot lie on a shortest augmenting path.
      if (level[sink] !== -1 && level[u]! >= level[sink]!) break;
      for (let e = head[u]!; e !== -1; e = next[e]!) {
        const v = to[e]!;
        if (cap[e]! > 0 && level[v] === -1) {
          level[v] = level[u]! + 1;
          queue[qt++] = v;
        }
      }
    }
    return level[sink] !== -1;
  }

  // Iterative DFS: the path length is bounded by the network's depth (6), but keeping it
  // iterative avoids stack limits on unusual networks.
  const stackNode = new Int32Array(nodeCount);
  const stackEdge = new Int32Array(nodeCount);
  function augment(source: number, sink: number, beat?: () => void): number {
    let total = 0;
    for (let paths = 1; ; paths += 1) {
      if (beat && (paths & 4095) === 0) beat();
      let depth = 0;
      stackNode[0] = source;
      let found = false;
      while (depth >= 0) {
        const u = stackNode[depth]!;
        if (u === sink) {
          found = true;
          break;
        }
        let advanced = false;
        for (; cursor[u] !== -1; cursor[u] = next[cursor[u]!]!) {
          const e = cursor[u]!;
          const v = to[e]!;
          if (cap[e]! > 0 && level[v] === level[u]! + 1) {
            stackEdge[depth] = e;
            stackNode[depth + 1] = v;
            depth += 1;
            advanced = true;
            break;
          }
        }
        if (!advanced) {
          level[u] = -1;
          depth -= 1;
          if (depth >= 0) {
            const parent = stackNode[depth]!;
            cursor[parent] = next[cursor[parent]!]!;
          }
        }
      }
      if (!found) return total;
      let bottleneck = Infinity;
      for (let d = 0; d < depth; d += 1) bottleneck = Math.min(bottleneck, cap[stackEdge[d]!]!);
      for (let d = 0; d < depth; d += 1) {
        const e = stackEdge[d]!;
        cap[e] = cap[e]! - bottleneck;
        cap[e ^ 1] = cap[e ^ 1]! + bottleneck;
      }
      total += bottleneck;
    }
  }

  return {
    addEdge(from, target, capacity) {
      const id = edges;
      push(from, target, capacity);
      push(target, from, 0);
      return id;
    },
    raiseCapacity(edge, capacity) {
      const extra = capacity - original[edge]!;
      if (extra <= 0) return;
      original[edge] = capacity;
      cap[edge] = cap[edge]! + extra;
    },
    freeze(edge) {
      original[edge] = original[edge]! - cap[edge]!;
      cap[edge] = 0;
    },
    maxFlow(source, sink, beat) {
      let total = 0;
      while (bfs(source, sink)) {
        cursor.set(head);
        total += augment(source, sink, beat);
        beat?.();
      }
      return total;
    },
    flow: (edge) => original[edge]! - cap[edge]!,
    reachableFrom(node) {
      const seen = new Uint8Array(nodeCount);
      const stack = [node];
      seen[node] = 1;
      while (stack.length > 0) {
        const u = stack.pop()!;
        for (let e = head[u]!; e !== -1; e = next[e]!) {
          const v = to[e]!;
          if (cap[e]! > 0 && !seen[v]) {
            seen[v] = 1;
            stack.push(v);
          }
        }
      }
      return seen;
    },
    copy: () => createFlowNetwork(nodeCount, { to, cap, next, original, edges, head }),
  };
}
