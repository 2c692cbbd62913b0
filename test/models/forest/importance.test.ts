// Impurity and permutation importances rank the informative feature first.
import { describe, expect, it } from 'vitest';
import { trainForest } from '../../../models/forest/index.ts';
import { makeData } from './helpers.ts';

describe('forest importance', () => {
  it('ranks the signal feature first by impurity and by permutation', async () => {
    const { columns, labels } = makeData(2000, 4, 31, (x, rng) => (x[2]! + 0.3 * (rng.nextFloat() - 0.5) > 0 ? 1 : 0));
    const model = await trainForest(columns, labels, { nTrees: 15, threads: 1 });
    const imp = model.featureImportance();
    expect(imp.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(imp.indexOf(Math.max(...imp))).toBe(2);
    const perm = model.permutationImportance(columns, labels, 'rocAuc');
    expect(perm.indexOf(Math.max(...perm))).toBe(2);
    expect(perm[2]).toBeGreaterThan(0.1);
    const custom = model.permutationImportance(
      columns,
      labels,
      (y, p) => -p.reduce((s, v, i) => s + Math.abs(v - y[i]!), 0),
    );
    expect(custom.indexOf(Math.max(...custom))).toBe(2);
  });
});
