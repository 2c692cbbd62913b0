// Fast TreeSHAP v2 (Yang 2021) for shallow trees: subset sums tabulated per leaf, O(path) a leaf per row, not O(path²).
import { treeDepth, type FlatTree } from '../treeStore.ts';

/**
 * A tree prepared for FastShapForest. For leaf l with unique path features U (|U| = d), each with zero fraction z_k
 * (product of the cover ratios of the path's edges on k), and a row whose hot set H ⊆ U holds the features whose
 * every edge the row follows, path-dependent TreeSHAP credits feature j of U with
 *   v·(1−z_j)/z_j · B(H∖{j})   if j ∈ H,        −v · B(H)   if j ∉ H,
 * where B(T) = Σ_{S⊆T} |S|!(d−|S|−1)!/d! · Π_{k∈U∖S} z_k. B is tabulated for all 2^d subsets of each leaf.
 */
export interface FastShapTree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly left: Int32Array;
  /** Per internal node: the bit of its feature's position on the unique path (the same for every leaf below). */
  readonly bit: Int32Array;
  /** Per node: its leaf number, or -1 (internal node, or a leaf of value 0, which credits nothing). */
  readonly leafOf: Int32Array;
  /** Per node: 1 when some leaf below it credits something; dead subtrees are not walked. */
  readonly live: Uint8Array;
  /** Per leaf: d, the offset of its d path features and coefficients, and the offset of its 2^d table. */
  readonly leafDepth: Uint8Array;
  readonly leafStart: Int32Array;
  readonly tableStart: Int32Array;
  /** Per leaf and path position: the feature, and scale·v·(1−z)/z. */
  readonly pathFeature: Int32Array;
  readonly hotCoef: Float64Array;
  /** Per leaf: −scale·v. */
  readonly coldCoef: Float64Array;
  /** Every leaf's 2^d subset sums, in shared memory: explain workers read the one copy the main thread builds. */
  readonly table: Float64Array;
  readonly depth: number;
}

/**
 * Table entries (8 bytes each) one tree, and a whole forest, may take; past them trees stay with Algorithm 2, whose
 * memory is a path. Depth-10 trees fitted on 300,000 rows take about 120,000 entries; the abuse-risk forest of the
 * 10M-order bench up to 291,000 a tree and 19.9M for its 100 trees (see README, Measurements). The tables are built
 * once and shared by every explain worker, so the forest's budget is its memory whatever the thread count.
 */
export const FAST_SHAP_MAX_TABLE = 1 << 19;
export const FAST_SHAP_MAX_TOTAL = 1 << 25;

/**
 * Prepares the tree, with every credit multiplied by `scale`; null when its tables would exceed `maxTable` entries
 * or a live leaf's path has an edge of zero cover (its z would divide by zero). The caller then uses treeShap.
 */
export function prepareFastShapTree(
  tree: FlatTree,
  scale: number,
  maxTable = FAST_SHAP_MAX_TABLE,
): FastShapTree | null {
  const { left, cover, value, nodeCount } = tree;
  const live = new Uint8Array(nodeCount);
  for (let k = nodeCount - 1; k >= 0; k--) {
    const l = left[k]!;
    live[k] = l < 0 ? (value[k] !== 0 ? 1 : 0) : live[l]! | live[l + 1]!;
  }
  const bit = new Int32Array(nodeCount);
  const leafOf = new Int32Array(nodeCount).fill(-1);
  const leaves: { node: number; features: number[]; zeros: number[] }[] = [];
  let tableSize = 0;
  let ok = true;
  const walk = (node: number, features: number[], zeros: number[]): void => {
    if (!ok || live[node] === 0) return;
    const l = left[node]!;
    if (l < 0) {
      if (zeros.some((z) => !(z > 0))) ok = false;
      tableSize += 2 ** features.length;
      if (tableSize > maxTable) ok = false;
      leafOf[node] = leaves.length;
      leaves.push({ node, features, zeros });
      return;
    }
    const f = tree.feature[node]!;
    let pos = features.indexOf(f);
    const nextFeatures = pos < 0 ? [...features, f] : features;
    if (pos < 0) pos = features.length;
    if (pos > 30) {
      ok = false;
      return;
    }
    bit[node] = 1 << pos;
    for (const child of [l, l + 1]) {
      const z = [...zeros];
      z[pos] = (z[pos] ?? 1) * (cover[child]! / cover[node]!);
      walk(child, nextFeatures, z);
    }
  };
  walk(0, [], []);
  if (!ok) return null;

  const leafDepth = new Uint8Array(leaves.length);
  const leafStart = new Int32Array(leaves.length);
  const tableStart = new Int32Array(leaves.length);
  const coldCoef = new Float64Array(leaves.length);
  const pathLength = leaves.reduce((n, leaf) => n + leaf.features.length, 0);
  const pathFeature = new Int32Array(pathLength);
  const hotCoef = new Float64Array(pathLength);
  const table = new Float64Array(new SharedArrayBuffer(tableSize * 8));
  let p0 = 0;
  let t0 = 0;
  leaves.forEach((leaf, i) => {
    const d = leaf.features.length;
    const v = value[leaf.node]! * scale;
    leafDepth[i] = d;
    leafStart[i] = p0;
    tableStart[i] = t0;
    coldCoef[i] = -v;
    for (let p = 0; p < d; p++) {
      const z = leaf.zeros[p]!;
      pathFeature[p0 + p] = leaf.features[p]!;
      hotCoef[p0 + p] = (v * (1 - z)) / z;
    }
    fillSubsetTable(table, t0, leaf.zeros);
    p0 += d;
    t0 += 2 ** d;
  });
  return {
    feature: tree.feature,
    threshold: tree.threshold,
    missingLeft: tree.missingLeft,
    left,
    bit,
    leafOf,
    live,
    leafDepth,
    leafStart,
    tableStart,
    pathFeature,
    hotCoef,
    coldCoef,
    table,
    depth: treeDepth(tree),
  };
}

/** table[at + T] = B(T) for every subset T of the d path positions (bit p = position p). */
function fillSubsetTable(table: Float64Array, at: number, zeros: readonly number[]): void {
  const d = zeros.length;
  const size = 2 ** d;
  const full = size - 1;
  // weight[s] = s!(d−s−1)!/d!, the Shapley weight of a coalition of s of the other d−1 players.
  const weight = new Float64Array(Math.max(1, d));
  for (let s = 0; s < d; s++) weight[s] = 1 / (d * binomial(d - 1, s));
  // Π_{k∉S} z_k, built from the full set down: S lacks its lowest missing bit's factor relative to S ∪ {that bit}.
  const outside = new Float64Array(size);
  outside[full] = 1;
  for (let S = full - 1; S >= 0; S--) {
    const low = ~S & (S + 1);
    const p = 31 - Math.clz32(low);
    outside[S] = outside[S | low]! * zeros[p]!;
  }
  for (let S = 0; S < size; S++) {
    // A coalition of all d players is never summed (j is always outside S); its slot only feeds supersets, of which
    // there are none.
    table[at + S] = S === full ? 0 : weight[popcount(S)]! * outside[S]!;
  }
  // Sum over subsets (zeta transform), one position at a time.
  for (let p = 0; p < d; p++) {
    const b = 1 << p;
    for (let S = 0; S < size; S++) if (S & b) table[at + S] += table[at + (S ^ b)]!;
  }
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * The fast trees of a forest packed into one set of arrays (node, leaf and path indices absolute; each tree keeps its
 * own shared subset table), so a row's walk of every tree runs in one loop over the same few arrays.
 */
export class FastShapForest {
  private readonly roots: Int32Array;
  private readonly feature: Int32Array;
  private readonly threshold: Float64Array;
  private readonly missingLeft: Uint8Array;
  private readonly left: Int32Array;
  private readonly bit: Int32Array;
  private readonly leafOf: Int32Array;
  private readonly live: Uint8Array;
  private readonly leafDepth: Uint8Array;
  private readonly leafStart: Int32Array;
  private readonly tableStart: Int32Array;
  private readonly pathFeature: Int32Array;
  /** Per path position: [−scale·v, scale·v·(1−z)/z], indexed by whether the row follows all of p's edges. */
  private readonly coef: Float64Array;
  /** Each tree's own subset table (tableStart is relative to it): the trees' shared tables are read, never copied. */
  private readonly tables: readonly Float64Array[];
  private readonly stackNode: Int32Array;
  private readonly stackMask: Int32Array;

  constructor(trees: readonly FastShapTree[]) {
    const sum = (f: (t: FastShapTree) => number) => trees.reduce((n, t) => n + f(t), 0);
    const nodes = sum((t) => t.left.length);
    const leaves = sum((t) => t.leafDepth.length);
    this.roots = new Int32Array(trees.length);
    this.feature = new Int32Array(nodes);
    this.threshold = new Float64Array(nodes);
    this.missingLeft = new Uint8Array(nodes);
    this.left = new Int32Array(nodes);
    this.bit = new Int32Array(nodes);
    this.leafOf = new Int32Array(nodes);
    this.live = new Uint8Array(nodes);
    this.leafDepth = new Uint8Array(leaves);
    this.leafStart = new Int32Array(leaves);
    this.tableStart = new Int32Array(leaves);
    this.pathFeature = new Int32Array(sum((t) => t.pathFeature.length));
    this.coef = new Float64Array(2 * this.pathFeature.length);
    this.tables = trees.map((t) => t.table);
    let node = 0;
    let leaf = 0;
    let path = 0;
    trees.forEach((t, i) => {
      this.roots[i] = node;
      for (let k = 0; k < t.left.length; k++) {
        const l = t.left[k]!;
        this.left[node + k] = l < 0 ? -1 : l + node;
        this.leafOf[node + k] = t.leafOf[k]! < 0 ? -1 : t.leafOf[k]! + leaf;
      }
      this.feature.set(t.feature, node);
      this.threshold.set(t.threshold, node);
      this.missingLeft.set(t.missingLeft, node);
      this.bit.set(t.bit, node);
      this.live.set(t.live, node);
      this.leafDepth.set(t.leafDepth, leaf);
      for (let j = 0; j < t.leafDepth.length; j++) {
        this.leafStart[leaf + j] = t.leafStart[j]! + path;
        this.tableStart[leaf + j] = t.tableStart[j]!;
        for (let p = t.leafStart[j]!; p < t.leafStart[j]! + t.leafDepth[j]!; p++) {
          this.coef[2 * (path + p)] = t.coldCoef[j]!;
          this.coef[2 * (path + p) + 1] = t.hotCoef[p]!;
        }
      }
      this.pathFeature.set(t.pathFeature, path);
      node += t.left.length;
      leaf += t.leafDepth.length;
      path += t.pathFeature.length;
    });
    const depth = Math.max(0, ...trees.map((t) => t.depth));
    this.stackNode = new Int32Array(depth + 2);
    this.stackMask = new Int32Array(depth + 2);
  }

  /**
   * Adds every tree's (pre-scaled) SHAP values into out for rows [from, to) of row-major values (nFeatures a row,
   * NaN = missing). Trees run outermost over a block of rows so each tree's arrays stay in cache for the block; each
   * output still sums its trees in tree order, so the result does not depend on the block.
   */
  explainRows(values: Float64Array, out: Float64Array, nFeatures: number, from: number, to: number): void {
    const { roots, feature, threshold, missingLeft, left, bit, leafOf, live } = this;
    const { leafDepth, leafStart, tableStart, pathFeature, coef, tables, stackNode, stackMask } = this;
    for (let tree = 0; tree < roots.length; tree++) {
      const root = roots[tree]!;
      const table = tables[tree]!;
      if (live[root] === 0) continue;
      for (let row = from; row < to; row++) {
        const at = row * nFeatures;
        let sp = 1;
        stackNode[0] = root;
        stackMask[0] = -1;
        while (sp > 0) {
          sp--;
          const node = stackNode[sp]!;
          const mask = stackMask[sp]!;
          const l = left[node]!;
          if (l < 0) {
            const leaf = leafOf[node]!;
            const d = leafDepth[leaf]!;
            const hot = mask & ((1 << d) - 1);
            const t = tableStart[leaf]!;
            const s = leafStart[leaf]!;
            // B(H∖{p}) is B(H) for a cold p: one branch-free formula, the coefficient picked by p's bit.
            for (let p = 0; p < d; p++) {
              out[at + pathFeature[s + p]!] += coef[2 * (s + p) + ((hot >> p) & 1)]! * table[t + (hot & ~(1 << p))]!;
            }
            continue;
          }
          const xv = values[at + feature[node]!]!;
          const goLeft = xv !== xv ? missingLeft[node] === 1 : xv <= threshold[node]!;
          const follow = goLeft ? l : l + 1;
          const other = goLeft ? l + 1 : l;
          if (live[other] !== 0) {
            stackNode[sp] = other;
            stackMask[sp] = mask & ~bit[node]!;
            sp++;
          }
          if (live[follow] !== 0) {
            stackNode[sp] = follow;
            stackMask[sp] = mask;
            sp++;
          }
        }
      }
    }
  }
}
