// TreeSHAP across worker threads: bitwise the inline result for any thread count; additive; small batches stay inline.
import { describe, expect, it, vi } from 'vitest';
import { makeData } from './helpers.ts';

vi.mock('../../../models/forest/explain/explainParallel.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../models/forest/explain/explainParallel.ts')>();
  return { ...real, explainInWorkers: vi.fn(real.explainInWorkers) };
});

// The unit project runs files in one process: another file may have loaded forest.ts with the real explainInWorkers
// already, so the forest modules are imported afresh here, after the mock is in place.
vi.resetModules();
const { explainInWorkers } = await import('../../../models/forest/explain/explainParallel.ts');
const { Forest, MIN_PARALLEL_EXPLAIN_NODE_VISITS } = await import('../../../models/forest/forest.ts');
const { ForestShap, gatherRows } = await import('../../../models/forest/explain/forestShap.ts');
const { trainForest } = await import('../../../models/forest/index.ts');

function sameBits(a: Float64Array, b: Float64Array): boolean {
  return (
    a.length === b.length &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
  );
}

describe('parallel TreeSHAP', () => {
  const { columns, labels } = makeData(3000, 7, 31, (x, rng) =>
    x[0]! * x[1]! + 0.6 * x[2]! - 0.4 * x[3]! * x[4]! + 0.3 * (rng.nextFloat() - 0.5) > 0 ? 1 : 0,
  );
  for (let i = 0; i < 3000; i += 11) columns[5]![i] = NaN;
  const rows = Array.from({ length: 120 }, (_, j) => j * 23 + 1);
  const model = trainForest(columns, labels, {
    nTrees: 10,
    maxDepth: 9,
    minSamplesLeaf: 2,
    maxFeatures: 4,
    threads: 1,
    seed: 3,
  });

  it('gives bitwise the inline contributions with 1 and 2 worker threads', async () => {
    const m = await model;
    const sync = m.explainRows(columns, rows).contributions;
    const values = gatherRows(columns, rows, 'test');
    const prepared = ForestShap.of(m.trees, m.nFeatures).prepared;
    for (const threads of [1, 2]) {
      expect(sameBits(await explainInWorkers(prepared, values, threads), sync)).toBe(true);
    }
  });

  it('workers read the tables the main thread built, and explain trees past the table budget with Algorithm 2', async () => {
    const m = await model;
    const values = gatherRows(columns, rows, 'test');
    // A forest budget of the first tree's tables leaves the later trees to Algorithm 2: workers get those prepared too.
    const first = ForestShap.of(m.trees, m.nFeatures).prepared.fast[0]!.table.length;
    const mixed = ForestShap.of(m.trees, m.nFeatures, undefined, first);
    expect(mixed.prepared.fast.length).toBeGreaterThan(0);
    expect(mixed.prepared.slow.length).toBeGreaterThan(0);
    for (const t of mixed.prepared.fast) expect(t.table.buffer).toBeInstanceOf(SharedArrayBuffer);
    const inline = new Float64Array(values.length);
    mixed.explainValues(values, inline);
    expect(sameBits(await explainInWorkers(mixed.prepared, values, 2), inline)).toBe(true);
  });

  it('explainRowsAsync uses workers for a large batch, matches explainRows bitwise and sums to the prediction', async () => {
    const small = await model;
    // The same trees repeated: enough node visits to pass the parallel threshold without a slow training run.
    const nodes = small.trees.reduce((s, t) => s + t.nodeCount, 0);
    const copies = Math.ceil(MIN_PARALLEL_EXPLAIN_NODE_VISITS / (rows.length * nodes));
    const trees = Array.from({ length: copies }, () => small.trees).flat();
    const big = new Forest({
      nFeatures: small.nFeatures,
      featureNames: [...small.featureNames],
      params: small.params,
      oobScore: null,
      trees,
    });
    const spy = vi.mocked(explainInWorkers);
    spy.mockClear();
    const sync = big.explainRows(columns, rows);
    for (const threads of [1, 2]) {
      const par = await big.explainRowsAsync(columns, rows, { threads });
      expect(par.expected).toBe(sync.expected);
      expect(sameBits(par.contributions, sync.contributions)).toBe(true);
    }
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![2]).toBe(2);

    const p = big.predictProba(columns);
    const F = big.nFeatures;
    rows.forEach((row, r) => {
      let sum = sync.expected;
      for (let f = 0; f < F; f++) sum += sync.contributions[r * F + f]!;
      expect(Math.abs(sum - p[row]!)).toBeLessThan(1e-9);
    });
  });

  it('explains small batches inline and rejects bad rows and thread counts', async () => {
    const m = await model;
    const spy = vi.mocked(explainInWorkers);
    spy.mockClear();
    const few = rows.slice(0, 10);
    const par = await m.explainRowsAsync(columns, few, { threads: 2 });
    expect(sameBits(par.contributions, m.explainRows(columns, few).contributions)).toBe(true);
    expect(spy).not.toHaveBeenCalled();
    await expect(m.explainRowsAsync(columns, [0, 3000], { threads: 2 })).rejects.toThrow(
      /row index 3000 is outside 0\.\.2999/,
    );
    await expect(m.explainRowsAsync(columns, [0], { threads: 0 })).rejects.toThrow(
      /threads must be a positive integer/,
    );
  });
});
