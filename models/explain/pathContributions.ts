// Per-row feature attributions along each tree's decision path (Saabas): microseconds a row where exact TreeSHAP takes
// milliseconds.
import type { FlatTree } from '../forest/index.ts';

/**
 * Along the path a row takes through a tree, each split's feature is credited with the change of the node value
 * (class-1 share) from parent to child; averaged over the trees. Like TreeSHAP, expected + Σ contributions equals the
 * prediction (expected = the mean root value); unlike it, a feature is credited only where it splits on the row's path,
 * so credit leans to splits near the leaves. The decision service uses it per request; reports use exact TreeSHAP.
 */
export class PathExplainer {
  readonly expected: number;
  private readonly scale: number;
  /**
   * The trees packed into one set of arrays (node indices absolute, each tree's root at `roots[t]`), so a row's walk
   * reads the same few arrays for every tree: the decision service explains every request.
   */
  private readonly roots: Int32Array;
  private readonly feature: Int32Array;
  private readonly left: Int32Array;
  private readonly threshold: Float64Array;
  private readonly missingLeft: Uint8Array;
  private readonly value: Float64Array;
  /** Per non-root node: (its value − its parent's) × scale, the credit of the split that leads to it. */
  private readonly delta: Float64Array;

  constructor(
    trees: readonly FlatTree[],
    readonly nFeatures: number,
  ) {
    this.scale = 1 / trees.length;
    let root = 0;
    for (const t of trees) root += t.value[0]!;
    this.expected = root * this.scale;
    const total = trees.reduce((n, t) => n + t.nodeCount, 0);
    this.roots = new Int32Array(trees.length);
    this.feature = new Int32Array(total);
    this.left = new Int32Array(total).fill(-1);
    this.threshold = new Float64Array(total);
    this.missingLeft = new Uint8Array(total);
    this.value = new Float64Array(total);
    this.delta = new Float64Array(total);
    let at = 0;
    trees.forEach((t, i) => {
      this.roots[i] = at;
      for (let k = 0; k < t.nodeCount; k++) {
        this.feature[at + k] = t.feature[k]!;
        this.threshold[at + k] = t.threshold[k]!;
        this.missingLeft[at + k] = t.missingLeft[k]!;
        this.value[at + k] = t.value[k]!;
        if (t.feature[k]! < 0) continue;
        const l = t.left[k]!;
        this.left[at + k] = at + l;
        this.delta[at + l] = (t.value[l]! - t.value[k]!) * this.scale;
        this.delta[at + l + 1] = (t.value[l + 1]! - t.value[k]!) * this.scale;
      }
      at += t.nodeCount;
    });
  }

  /** Adds the row's contributions into `out` (length nFeatures, zeroed here) and returns the forest's prediction. */
  explain(x: ArrayLike<number>, out: Float64Array): number {
    out.fill(0);
    const { roots, feature, left, threshold, missingLeft, value, delta } = this;
    let p = 0;
    for (let t = 0; t < roots.length; t++) {
      let k = roots[t]!;
      let f = feature[k]!;
      while (f >= 0) {
        const v = x[f]!;
        const l = left[k]!;
        const child = v !== v ? (missingLeft[k] ? l : l + 1) : v <= threshold[k]! ? l : l + 1;
        out[f]! += delta[child]!;
        k = child;
        f = feature[k]!;
      }
      p += value[k]!;
    }
    return p * this.scale;
  }
}
