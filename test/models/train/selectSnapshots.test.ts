// selectSnapshots: the rows of some snapshots, as views of the source when they are one run of rows, else as a copy.
import { describe, expect, it } from 'vitest';
import { selectSnapshots, type TrainingData } from '../../../models/train/trainingData.ts';

/** Three snapshots, rows kept together as loadTrainingData keeps them: a, a, b, b, b, c. */
function data(): TrainingData {
  return {
    snapshots: ['2026-01-05', '2026-01-12', '2026-01-19'],
    ids: ['u1', 'u2', 'u1', 'u2', 'u3', 'u1'],
    snapshotIndex: Int32Array.from([0, 0, 1, 1, 1, 2]),
    labels: Uint8Array.from([0, 1, 0, 0, 1, 1]),
    columns: new Map([['orders_90d', Float32Array.from([1, 2, 3, 4, 5, 6])]]),
  };
}

const plain = (d: TrainingData) => ({
  ids: d.ids,
  snapshotIndex: [...d.snapshotIndex],
  labels: [...d.labels],
  orders: [...d.columns.get('orders_90d')!],
});

describe('selectSnapshots', () => {
  it('gives the rows of consecutive snapshots as views of the source arrays', () => {
    const source = data();
    const picked = selectSnapshots(source, ['2026-01-12', '2026-01-19']);
    expect(plain(picked)).toEqual({
      ids: ['u1', 'u2', 'u3', 'u1'],
      snapshotIndex: [1, 1, 1, 2],
      labels: [0, 0, 1, 1],
      orders: [3, 4, 5, 6],
    });
    expect(picked.columns.get('orders_90d')!.buffer).toBe(source.columns.get('orders_90d')!.buffer);
    expect(picked.labels.buffer).toBe(source.labels.buffer);
  });

  it('copies rows that are not one run, and shares nothing then', () => {
    const source = data();
    const picked = selectSnapshots(source, ['2026-01-05', '2026-01-19']);
    expect(plain(picked)).toEqual({
      ids: ['u1', 'u2', 'u1'],
      snapshotIndex: [0, 0, 2],
      labels: [0, 1, 1],
      orders: [1, 2, 6],
    });
    expect(picked.columns.get('orders_90d')!.buffer).not.toBe(source.columns.get('orders_90d')!.buffer);
  });

  it('gives no rows for dates it does not hold', () => {
    const picked = selectSnapshots(data(), ['2025-12-29']);
    expect(plain(picked)).toEqual({ ids: [], snapshotIndex: [], labels: [], orders: [] });
  });
});
