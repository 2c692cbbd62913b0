// TreeSHAP against brute-force Shapley values with the same cover-weighted (path-dependent) conditional expectation.
import { describe, expect, it } from 'vitest';
import { ForestShap } from '../../../models/forest/explain/forestShap.ts';
import { trainForest, type FlatTree } from '../../../models/forest/index.ts';
import { makeData } from './helpers.ts';

/** E[f(x) | x_S] as path-dependent TreeSHAP defines it: unknown features follow both children weighted by cover. */
function conditional(tree: FlatTree, x: Float32Array, known: number, node = 0): number {
  const f = tree.feature[node]!;
  if (f < 0) return tree.value[node]!;
  const l = tree.left[node]!;
  if (known & (1 << f)) {
    const v = x[f]!;
    const goLeft = Number.isNaN(v) ? tree.missingLeft[node] === 1 : v <= tree.threshold[node]!;
    return conditional(tree, x, known, goLeft ? l : l + 1);
  }
  return (
    (tree.cover[l]! * conditional(tree, x, known, l) + tree.cover[l + 1]! * conditional(tree, x, known, l + 1)) /
    tree.cover[node]!
  );
}

function bruteForceShap(trees: readonly FlatTree[], x: Float32Array, m: number): Float64Array {
  const v = (S: number) => trees.reduce((s, t) => s + conditional(t, x, S), 0) / trees.length;
  const fact = (k: number): number => (k <= 1 ? 1 : k * fact(k - 1));
  const phi = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    for (let S = 0; S < 1 << m; S++) {
      if (S & (1 << i)) continue;
      let size = 0;
      for (let j = 0; j < m; j++) if (S & (1 << j)) size++;
      phi[i] += ((fact(size) * fact(m - size - 1)) / fact(m)) * (v(S | (1 << i)) - v(S));
    }
  }
  return phi;
}

describe('TreeSHAP', () => {
  it('equals brute-force Shapley values within 1e-9 and sums to the prediction', async () => {
    const m = 6;
    const { columns, labels } = makeData(600, m, 21, (x, rng) =>
      x[0]! * x[1]! + 0.5 * x[2]! - 0.3 * x[3]! * x[3]! + 0.2 * (rng.nextFloat() - 0.5) > 0 ? 1 : 0,
    );
    for (let i = 0; i < 600; i += 7) columns[4]![i] = NaN;
    const model = await trainForest(columns, labels, {
      nTrees: 4,
      maxDepth: 6,
      minSamplesLeaf: 3,
      maxFeatures: 3,
      threads: 1,
    });
    const p = model.predictProba(columns);
    for (const row of [0, 7, 13, 99, 350]) {
      const x = Float32Array.from(columns, (c) => c[row]!);
      const { expected, contributions } = model.explain(columns, row);
      const brute = bruteForceShap(model.trees, x, m);
      for (let f = 0; f < m; f++) expect(Math.abs(contributions[f]! - brute[f]!)).toBeLessThan(1e-9);
      const sum = contributions.reduce((s, c) => s + c, expected);
      expect(Math.abs(sum - p[row]!)).toBeLessThan(1e-9);
      // Algorithm 2 alone (no tree on the fast path) agrees too.
      const exact = new Float64Array(m);
      ForestShap.of(model.trees, m, 0).explainValues(Float64Array.from(x), exact);
      for (let f = 0; f < m; f++) expect(Math.abs(exact[f]! - brute[f]!)).toBeLessThan(1e-9);
    }
  });

  it('gives zero contribution to a feature the trees never use', async () => {
    const { columns, labels } = makeData(500, 3, 22, (x) => (x[0]! > 0 ? 1 : 0));
    columns[2]!.fill(0.5);
    const model = await trainForest(columns, labels, { nTrees: 5, threads: 1 });
    expect(model.explain(columns, 1).contributions[2]).toBe(0);
  });
});
