// The path explainer over packed trees credits exactly what a walk of each tree credits, and adds up to the prediction.
import { describe, expect, it } from 'vitest';
import { PathExplainer } from '../../../models/explain/pathContributions.ts';
import { trainForest, type FlatTree } from '../../../models/forest/index.ts';
import { lcg } from '../fixtures/miniSpecs.ts';

/** The walk tree by tree, as the explainer did before its trees were packed: the reference, bit for bit. */
function reference(trees: readonly FlatTree[], x: ArrayLike<number>, out: Float64Array): number {
  out.fill(0);
  const scale = 1 / trees.length;
  let p = 0;
  for (const t of trees) {
    let k = 0;
    let f = t.feature[0]!;
    while (f >= 0) {
      const v = x[f]!;
      const left = t.left[k]!;
      const child = v !== v ? (t.missingLeft[k] ? left : left + 1) : v <= t.threshold[k]! ? left : left + 1;
      out[f]! += (t.value[child]! - t.value[k]!) * scale;
      k = child;
      f = t.feature[k]!;
    }
    p += t.value[k]!;
  }
  return p * scale;
}

describe('PathExplainer', () => {
  it('gives the reference contributions and prediction bit for bit, missing values included', async () => {
    const r = lcg(11);
    const F = 6;
    const rows = 300;
    const columns = Array.from({ length: F }, () =>
      Float32Array.from({ length: rows }, () => (r() < 0.15 ? NaN : r() * 10)),
    );
    const labels = Uint8Array.from({ length: rows }, (_, i) => ((columns[0]![i]! || 0) + r() * 5 > 7 ? 1 : 0));
    const forest = await trainForest(columns, labels, { nTrees: 15, maxDepth: 6, seed: 5, threads: 1 });
    const explainer = new PathExplainer(forest.trees, F);
    const predicted = forest.predictProba(columns);
    const mine = new Float64Array(F);
    const theirs = new Float64Array(F);
    for (let i = 0; i < rows; i++) {
      const x = Float32Array.from(columns, (c) => c[i]!);
      const p = explainer.explain(x, mine);
      expect(p).toBe(reference(forest.trees, x, theirs));
      expect([...mine]).toEqual([...theirs]);
      expect(explainer.expected + mine.reduce((a, b) => a + b, 0)).toBeCloseTo(predicted[i]!, 9);
    }
  });
});
