// The bootstrap's weighted sums split over worker threads equal the sums of one thread, bit for bit, for any split.
import { describe, expect, it } from 'vitest';
import { addWeighted } from '../../../pipelines/simulate/addWeighted.ts';
import { addWeightedInThreads, type WeightedInputs } from '../../../pipelines/simulate/addWeightedInThreads.ts';

/** A seeded draw of cells: buyers' Poisson-like weights 0..7, whole-number values up to 10^12, some columns empty. */
function inputs(seed: number, R: number, M: number, cells: number, buyers: number, rows: number): WeightedInputs {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const sharedOf = <T>(Ctor: new (b: SharedArrayBuffer) => T, bytes: number) => new Ctor(new SharedArrayBuffer(bytes));
  const weights = sharedOf(Uint8Array, buyers * R);
  for (let i = 0; i < weights.length; i++) weights[i] = Math.floor(next() * 8);
  const bk = sharedOf(Int32Array, rows * 4);
  const cid = sharedOf(Int32Array, rows * 4);
  const start = sharedOf(Int32Array, (rows + 1) * 4);
  const slot = sharedOf(Uint8Array, rows * M);
  const value = sharedOf(Float64Array, rows * M * 8);
  let n = 0;
  for (let i = 0; i < rows; i++) {
    bk[i] = Math.floor(next() * buyers);
    cid[i] = Math.floor(next() * cells);
    start[i] = n;
    for (let c = 0; c < M; c++) {
      if (next() < 0.3) continue;
      slot[n] = c;
      value[n++] = Math.floor(next() * 1e12) * (next() < 0.1 ? -1 : 1);
    }
  }
  start[rows] = n;
  const acc = sharedOf(Float64Array, cells * R * M * 8);
  return { acc, weights, bk, cid, start, slot: slot.subarray(0, n), value: value.subarray(0, n), R, M };
}

function oneThread(input: WeightedInputs): Float64Array {
  const acc = new Float64Array(input.acc.length);
  const { weights, bk, cid, start, slot, value, R, M } = input;
  addWeighted(acc, weights, bk, cid, start, slot, value, R, M, 0, R);
  return acc;
}

describe('addWeightedInThreads', () => {
  it.each([2, 3, 7])('gives the sums of one thread to the bit with %i threads', async (threads) => {
    const input = inputs(threads, 50, 5, 40, 300, 2000);
    const expected = oneThread(input);
    await addWeightedInThreads(input, threads, 0);
    expect(Buffer.from(input.acc.buffer).equals(Buffer.from(expected.buffer))).toBe(true);
    expect(expected.some((v) => v !== 0)).toBe(true);
  });

  it('runs on this thread below the work worth a worker, with the same sums', async () => {
    const input = inputs(11, 20, 3, 10, 50, 100);
    const expected = oneThread(input);
    await addWeightedInThreads(input, 2);
    expect(Array.from(input.acc)).toEqual(Array.from(expected));
  });

  it('refuses arrays outside shared memory when it would split the work', async () => {
    const input = { ...inputs(5, 10, 2, 4, 10, 20), value: new Float64Array(4) };
    await expect(addWeightedInThreads(input, 2, 0)).rejects.toThrow(
      'addWeightedInThreads: value is not in shared memory (allocate it on a SharedArrayBuffer)',
    );
  });
});
