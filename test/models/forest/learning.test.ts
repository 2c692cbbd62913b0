// What the forest must learn: separable data, an XOR interaction, informative missingness.
import { describe, expect, it } from 'vitest';
import { trainForest } from '../../../models/forest/index.ts';
import { rocAuc } from '../../../models/metrics/index.ts';
import { errorRate, makeData } from './helpers.ts';

describe('forest learning', () => {
  it('has zero training error on separable data', async () => {
    const { columns, labels } = makeData(1500, 5, 1, (x) => (0.7 * x[0]! - 0.4 * x[3]! > 0.1 ? 1 : 0));
    const model = await trainForest(columns, labels, { nTrees: 20, minSamplesLeaf: 1, maxDepth: 30, threads: 1 });
    expect(errorRate(labels, model.predictProba(columns))).toBe(0);
  });

  it('learns an XOR interaction that no single feature reveals', async () => {
    const rule = (x: Float64Array) => (x[0]! > 0 !== x[1]! > 0 ? 1 : 0);
    const train = makeData(3000, 6, 2, rule);
    const test = makeData(2000, 6, 3, rule);
    const model = await trainForest(train.columns, train.labels, { nTrees: 40, maxFeatures: 'all', threads: 1 });
    const p = model.predictProba(test.columns);
    expect(errorRate(test.labels, p)).toBeLessThan(0.05);
    expect(rocAuc(test.labels, p)).toBeGreaterThan(0.98);
    const importance = model.featureImportance();
    expect(importance[0]! + importance[1]!).toBeGreaterThan(0.8);
  });

  it('routes missing values consistently in training and prediction, and learns from missingness', async () => {
    // Label = "x0 is missing" or x1 > 0.5; the best split on x0 is "missing vs not".
    const { columns, labels } = makeData(2000, 3, 4, (x) => (x[1]! > 0.5 ? 1 : 0));
    for (let i = 0; i < 2000; i += 3) {
      columns[0]![i] = NaN;
      labels[i] = 1;
    }
    const model = await trainForest(columns, labels, { nTrees: 10, minSamplesLeaf: 1, maxDepth: 20, threads: 1 });
    const p = model.predictProba(columns);
    expect(errorRate(labels, p)).toBe(0);
    // Unseen rows: NaN in x0 must follow the learnt missing branch whatever x1 is.
    const probe = [Float32Array.of(NaN, NaN, 0.2), Float32Array.of(-0.9, 0.9, -0.9), Float32Array.of(0, 0, 0)];
    const q = model.predictProba(probe);
    expect(q[0]).toBeGreaterThan(0.9);
    expect(q[1]).toBeGreaterThan(0.9);
    expect(q[2]).toBeLessThan(0.1);
    // Rows missing everywhere still get a probability, never NaN.
    const allMissing = model.predictProba([Float32Array.of(NaN), Float32Array.of(NaN), Float32Array.of(NaN)]);
    expect(Number.isFinite(allMissing[0])).toBe(true);
  });

  it('accepts an apache-arrow Table as input', async () => {
    const { tableFromArrays } = await import('apache-arrow');
    const { columns, labels } = makeData(800, 3, 6, (x) => (x[0]! > 0 ? 1 : 0));
    const table = tableFromArrays({ a: columns[0]!, b: columns[1]!, c: columns[2]! });
    const fromTable = await trainForest(table, labels, { nTrees: 5, threads: 1 });
    const fromColumns = await trainForest(columns, labels, { nTrees: 5, threads: 1, featureNames: ['a', 'b', 'c'] });
    expect(fromTable.featureNames).toEqual(['a', 'b', 'c']);
    expect(JSON.stringify(fromTable.toJSON())).toBe(JSON.stringify(fromColumns.toJSON()));
    expect(Array.from(fromTable.predictProba(table))).toEqual(Array.from(fromColumns.predictProba(columns)));
  });

  it('applies class weights: balanced weights raise minority-class probabilities', async () => {
    const { columns, labels } = makeData(3000, 4, 7, (x, rng) => (x[0]! > 0.6 && rng.nextFloat() < 0.5 ? 1 : 0));
    const plain = await trainForest(columns, labels, { nTrees: 10, threads: 1 });
    const balanced = await trainForest(columns, labels, { nTrees: 10, threads: 1, classWeight: 'balanced' });
    const mean = (a: Float64Array) => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(balanced.predictProba(columns))).toBeGreaterThan(mean(plain.predictProba(columns)) * 1.3);
  });
});
