// Batch prediction equals walking every tree node by node on the raw values, for any value: on a threshold, next to it,
// ±∞, ±0, NaN.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  type Forest,
  MIN_PARALLEL_PREDICT_ROWS,
  MIN_POOLED_COPIED_ROWS,
  MIN_POOLED_PREDICT_ROWS,
  trainForest,
} from '../../../models/forest/index.ts';
import { packForest } from '../../../models/forest/predict/predict.ts';
import { predictInWorkers } from '../../../models/forest/predict/predictParallel.ts';
import { predictPool } from '../../../models/forest/predict/predictPool.ts';
import { makeData } from './helpers.ts';
import type { Worker } from 'node:worker_threads';

/** The definition: x <= threshold goes left, NaN goes where the split says; the mean of the leaves reached. */
function referencePredict(model: Forest, columns: Float32Array[]): number[] {
  const n = columns[0]!.length;
  return Array.from({ length: n }, (_, row) => {
    let sum = 0;
    for (const t of model.trees) {
      let k = 0;
      while (t.feature[k]! >= 0) {
        const x = columns[t.feature[k]!]![row]!;
        const left = x !== x ? t.missingLeft[k] === 1 : x <= t.threshold[k]!;
        k = left ? t.left[k]! : t.left[k]! + 1;
      }
      sum += t.value[k]!;
    }
    return sum / model.trees.length;
  });
}

const below = (x: number) => {
  const f = new Float32Array([x]);
  const i = new Int32Array(f.buffer);
  i[0] = x > 0 ? i[0]! - 1 : x < 0 ? i[0]! + 1 : -2147483647; // next float32 towards -∞ (−min denormal for ±0)
  return f[0]!;
};

describe('predictProba', () => {
  // Feature 2 is missing for a third of the rows and informative when present, so splits send NaN both ways.
  const data = makeData(3000, 4, 21, (x, rng) => (x[0]! + x[1]! * x[2]! + 0.2 * rng.nextFloat() > 0.3 ? 1 : 0));
  for (let i = 0; i < 3000; i += 3) data.columns[2]![i] = NaN;
  const trained = trainForest(data.columns, data.labels, {
    nTrees: 25,
    maxDepth: 9,
    minSamplesLeaf: 2,
    threads: 1,
    seed: 4,
  });

  it('matches the node-by-node walk on the training rows, bit for bit', async () => {
    const model = await trained;
    expect(Array.from(model.predictProba(data.columns))).toEqual(referencePredict(model, data.columns));
  });

  it('matches it for values on and around every split threshold, infinities, signed zeros and NaN', async () => {
    const model = await trained;
    const pools = Array.from({ length: 4 }, (_, f) => {
      const thresholds = model.trees.flatMap((t) =>
        Array.from(t.feature).flatMap((g, k) => (g === f && Number.isFinite(t.threshold[k]!) ? [t.threshold[k]!] : [])),
      );
      const around = thresholds.flatMap((th) => [Math.fround(th), below(Math.fround(th)), -below(-Math.fround(th))]);
      return [...around, Infinity, -Infinity, 0, -0, NaN, 1e-45, -1e-45, 3e38, -3e38];
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(...pools.map((p) => fc.constantFrom(...p))), { minLength: 1, maxLength: 64 }),
        (rows) => {
          const columns = pools.map((_, f) => Float32Array.from(rows, (r) => r[f]!));
          expect(Array.from(model.predictProba(columns))).toEqual(referencePredict(model, columns));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('predicts row counts that are not a multiple of the 4-row walk or the chunk', async () => {
    const model = await trained;
    for (const n of [1, 2, 3, 5, 2047, 2049]) {
      const columns = data.columns.map((c) => c.slice(0, n));
      expect(Array.from(model.predictProba(columns))).toEqual(referencePredict(model, columns));
    }
  });
});

describe('predictProbaAsync', () => {
  it('gives bitwise the values of predictProba with workers, for rows past the parallel threshold', async () => {
    const n = MIN_PARALLEL_PREDICT_ROWS + 12_345;
    const { columns, labels } = makeData(n, 5, 8, (x) => (x[0]! * x[1]! > 0.1 ? 1 : 0));
    for (let i = 0; i < n; i += 7) columns[3]![i] = NaN;
    const model = await trainForest(
      columns.map((c) => c.subarray(0, 5000)),
      labels.subarray(0, 5000),
      { nTrees: 8, maxDepth: 8, threads: 1, seed: 2 },
    );
    const inline = model.predictProba(columns);
    expect(Array.from(await model.predictProbaAsync(columns, { threads: 2 }))).toEqual(Array.from(inline));
    expect(Array.from(await model.predictProbaAsync(columns, { threads: 3 }))).toEqual(Array.from(inline));
    // Workers alone (the calling thread claims nothing): their blocks land in the right places.
    const packed = packForest(model.trees, model.nFeatures);
    expect(Array.from(await predictInWorkers(packed, columns, 2, { callerWorks: false }))).toEqual(Array.from(inline));
    await expect(model.predictProbaAsync(columns, { threads: 0 })).rejects.toThrow(
      'Forest.predictProbaAsync: threads must be a positive integer, got 0.',
    );
  });

  it('keeps its workers between batches, and a worker sent another forest predicts with that one', async () => {
    await predictPool.close();
    const n = MIN_PARALLEL_PREDICT_ROWS + 999;
    const { columns, labels } = makeData(n, 6, 11, (x) => (x[0]! + x[5]! > 0.2 ? 1 : 0));
    const train = columns.map((c) => c.subarray(0, 4000));
    const a = await trainForest(train, labels.subarray(0, 4000), { nTrees: 6, maxDepth: 7, threads: 1, seed: 1 });
    const b = await trainForest(train, labels.subarray(0, 4000), { nTrees: 5, maxDepth: 9, threads: 1, seed: 2 });
    const inline = new Map([
      [a, Array.from(a.predictProba(columns))],
      [b, Array.from(b.predictProba(columns))],
    ]);
    for (const model of [a, b, a]) {
      expect(Array.from(await model.predictProbaAsync(columns, { threads: 2 }))).toEqual(inline.get(model));
      expect(predictPool.idleCount).toBe(1); // the same worker each time
    }
    await predictPool.close();
    expect(predictPool.idleCount).toBe(0);
  });

  it('helps a batch below the parallel threshold only with workers already idle, and only from shared columns', async () => {
    await predictPool.close();
    const n = MIN_POOLED_PREDICT_ROWS + 321;
    const { columns, labels } = makeData(MIN_PARALLEL_PREDICT_ROWS, 5, 17, (x) => (x[1]! - x[2]! > 0 ? 1 : 0));
    const model = await trainForest(
      columns.map((c) => c.subarray(0, 3000)),
      labels.subarray(0, 3000),
      { nTrees: 6, maxDepth: 8, threads: 1, seed: 4 },
    );
    const plain = columns.map((c) => c.slice(0, n));
    const shared = plain.map((c) => {
      const s = new Float32Array(new SharedArrayBuffer(c.byteLength));
      s.set(c);
      return s;
    });
    const inline = Array.from(model.predictProba(plain));
    const take = vi.spyOn(predictPool, 'take');
    try {
      // An empty pool: the small batch runs inline and starts no worker.
      expect(Array.from(await model.predictProbaAsync(shared, { threads: 2 }))).toEqual(inline);
      expect(predictPool.idleCount).toBe(0);
      // A batch at the threshold starts one, which stays idle in the pool; the small batch takes it and gives it back.
      await model.predictProbaAsync(columns, { threads: 2 });
      expect(predictPool.idleCount).toBe(1);
      take.mockClear();
      expect(Array.from(await model.predictProbaAsync(shared, { threads: 2 }))).toEqual(inline);
      expect(take.mock.results.map((r) => (r.value as unknown[]).length)).toEqual([1]);
      expect(predictPool.idleCount).toBe(1);
      // Columns that would first be copied into shared memory: inline, the pool untouched, up to
      // MIN_POOLED_COPIED_ROWS.
      take.mockClear();
      expect(Array.from(await model.predictProbaAsync(plain, { threads: 2 }))).toEqual(inline);
      expect(take).not.toHaveBeenCalled();
      const copied = columns.map((c) => c.slice(0, MIN_POOLED_COPIED_ROWS));
      expect(Array.from(await model.predictProbaAsync(copied, { threads: 2 }))).toEqual(
        Array.from(model.predictProba(copied)),
      );
      expect(take.mock.results.map((r) => (r.value as unknown[]).length)).toEqual([1]);
    } finally {
      take.mockRestore();
    }
    // The idle worker alone (the calling thread claims nothing) predicts every row of it.
    const packed = packForest(model.trees, model.nFeatures);
    expect(Array.from(await predictInWorkers(packed, shared, 1, { callerWorks: false, startWorkers: false }))).toEqual(
      inline,
    );
    await predictPool.close();
  });

  it('fails a batch whose threads fail, without putting its workers back in the pool', async () => {
    await predictPool.close();
    const { columns, labels } = makeData(3000, 4, 13, (x) => (x[0]! > 0 ? 1 : 0));
    const model = await trainForest(columns, labels, { nTrees: 3, maxDepth: 5, threads: 1, seed: 1 });
    const packed = packForest(model.trees, model.nFeatures);
    // Two columns for a four-feature forest: coding the third fails on every thread.
    await expect(predictInWorkers(packed, columns.slice(0, 2), 2)).rejects.toThrow(TypeError);
    await expect(predictInWorkers(packed, columns.slice(0, 2), 2, { callerWorks: false })).rejects.toThrow(
      /Forest.predictProbaAsync worker failed: /,
    );
    expect(predictPool.idleCount).toBe(0);
  });

  it('terminates the workers it took when setting up the batch fails', async () => {
    await predictPool.close();
    const { columns, labels } = makeData(3000, 4, 13, (x) => (x[0]! > 0 ? 1 : 0));
    const model = await trainForest(columns, labels, { nTrees: 3, maxDepth: 5, threads: 1, seed: 1 });
    const packed = packForest(model.trees, model.nFeatures);
    const take = vi.spyOn(predictPool, 'take');
    // The output buffer (8 bytes a row) cannot be had: as if memory ran out after the workers were taken.
    const Real = SharedArrayBuffer;
    vi.stubGlobal(
      'SharedArrayBuffer',
      class extends Real {
        constructor(length: number) {
          if (length === 8 * 3000) throw new RangeError('Array buffer allocation failed');
          super(length);
        }
      },
    );
    let taken: Worker[] = [];
    try {
      await expect(predictInWorkers(packed, columns, 2)).rejects.toThrow('Array buffer allocation failed');
      taken = take.mock.results.flatMap((r) => r.value as Worker[]);
    } finally {
      vi.unstubAllGlobals();
      take.mockRestore();
    }
    expect(taken).toHaveLength(1);
    expect(taken[0]!.threadId).toBe(-1); // terminated: a ref'd worker left running would keep the process alive
    expect(predictPool.idleCount).toBe(0);
  });
});
