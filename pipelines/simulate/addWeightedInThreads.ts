// Runs the bootstrap's inner loop (addWeighted) over worker threads, each on its own share of the replicates.
import { Worker } from 'node:worker_threads';
import { addWeighted } from './addWeighted.ts';

export interface WeightedInputs {
  acc: Float64Array;
  weights: Uint8Array;
  bk: Int32Array;
  cid: Int32Array;
  start: Int32Array;
  slot: Uint8Array;
  value: Float64Array;
  R: number;
  M: number;
}

/** Below this many multiply-adds a worker's start costs more than it saves: the loop runs on this thread. */
export const PARALLEL_MIN_WORK = 20_000_000;

/** Typed arrays the workers read and write in place: each must sit in shared memory. */
function sharedOrThrow(input: WeightedInputs): void {
  for (const [name, a] of Object.entries(input))
    if (typeof a !== 'number' && !(a.buffer instanceof SharedArrayBuffer))
      throw new Error(`addWeightedInThreads: ${name} is not in shared memory (allocate it on a SharedArrayBuffer)`);
}

// The worker evaluates addWeighted's own source text (as compiled), so the loop it runs is the one tested inline.
const WORKER_SOURCE = `
const { parentPort, workerData: d } = require('node:worker_threads');
const addWeighted = ${addWeighted.toString()};
addWeighted(d.acc, d.weights, d.bk, d.cid, d.start, d.slot, d.value, d.R, d.M, d.rFrom, d.rTo);
parentPort.postMessage('done');
`;

function runWorker(data: WeightedInputs & { rFrom: number; rTo: number }): Promise<void> {
  return new Promise((resolve, reject) => {
    // No inherited flags (the loop needs no loader, and tsx's would only slow the start) and a small heap: the loop
    // allocates nothing and its arrays are shared, and a default heap would add tens of MB to a run whose peak RSS
    // is a target.
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: data,
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 },
    });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`bootstrap worker exited with ${code}`))));
  });
}

/**
 * addWeighted over every replicate, split into `threads` contiguous shares (this thread takes the first), when the
 * work is large enough; the sums in acc are the same to the bit for any split. Every array must sit in shared memory
 * (SharedArrayBuffer) when threads > 1.
 */
export async function addWeightedInThreads(
  input: WeightedInputs,
  threads: number,
  minWork = PARALLEL_MIN_WORK,
): Promise<void> {
  const { R, M } = input;
  const work = input.value.length * R;
  const n = Math.max(1, Math.min(Math.floor(threads), R));
  if (n === 1 || work < minWork) {
    addWeighted(input.acc, input.weights, input.bk, input.cid, input.start, input.slot, input.value, R, M, 0, R);
    return;
  }
  sharedOrThrow(input);
  const bounds = Array.from({ length: n + 1 }, (_, t) => Math.round((t * R) / n));
  const others = bounds.slice(1, -1).map((rFrom, t) => runWorker({ ...input, rFrom, rTo: bounds[t + 2]! }));
  addWeighted(input.acc, input.weights, input.bk, input.cid, input.start, input.slot, input.value, R, M, 0, bounds[1]!);
  await Promise.all(others);
}
