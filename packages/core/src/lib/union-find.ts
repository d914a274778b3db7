/**
 * The one union-find (disjoint sets over 0 … n−1, path halving), with the members of
 * each set. The caller chooses which root a join keeps (claims keep the lower index,
 * events the larger group, entity merges the better name), so `join` takes both roots.
 */
export class UnionFind {
  private readonly parent: Int32Array;
  /** Members of each set, at its root (in join order); [] at other indices. */
  readonly members: number[][];

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
    this.members = Array.from({ length: n }, (_, i) => [i]);
  }

  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]!]!;
      x = p[x]!;
    }
    return x;
  }

  isRoot(x: number): boolean {
    return this.parent[x] === x;
  }

  /** Join the set rooted at `from` into the set rooted at `into` (both must be roots). */
  join(into: number, from: number): void {
    if (into === from) return;
    this.parent[from] = into;
    const m = this.members[into]!;
    for (const x of this.members[from]!) m.push(x);
    this.members[from] = [];
  }
}
