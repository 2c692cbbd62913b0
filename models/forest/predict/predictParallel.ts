// Batch prediction across threads: the calling thread and worker threads claim blocks of rows from a shared counter.
import { predictPacked, type PackedForest } from './predict.ts';
import { predictBlocks } from './predictBlocks.ts';
import type { PredictInit, PredictReply } from './predictProtocol.ts';
import { walkModuleFor } from './blockKernel.ts';
import { predictPool } from './predictPool.ts';
import type { Worker } from 'node:worker_threads';

/**
 * Rows per claimed block: at most a whole chunk of the block kernel (which codes and walks 32k rows at once); at
 * least enough that a block costs far more than claiming it (see README, Measurements). Between the two, a share of
 * the rows left, so that the last blocks are small and the threads finish together even when one runs slower.
 */
const MAX_BLOCK_ROWS = 32_768;
const MIN_BLOCK_ROWS = 256;

export interface WorkerOptions {
  /**
   * false leaves every block to the workers (tests use it to be sure the workers' results are the ones returned),
   * unless there is none: see startWorkers.
   */
  callerWorks?: boolean;
  /**
   * false takes only workers idle in the pool, and predicts inline when there is none: a small batch would be over
   * before a new worker could start and help.
   */
  startWorkers?: boolean;
}

/**
 * Same values as predictPacked over all rows (each row is computed by the same code whichever thread claims it), with
 * `threads - 1` workers from the pool helping the calling thread (fewer, maybe none, when startWorkers is false and
 * fewer are idle). Columns are copied once into shared memory for the workers, unless they already live in a
 * SharedArrayBuffer: the workers then read them in place.
 */
export async function predictInWorkers(
  forest: PackedForest,
  columns: readonly Float32Array[],
  threads: number,
  { callerWorks = true, startWorkers = true }: WorkerOptions = {},
): Promise<Float64Array> {
  const n = columns[0]!.length;
  const workers = predictPool.take(callerWorks ? threads - 1 : threads, startWorkers);
  if (workers.length === 0) {
    const out = new Float64Array(n);
    predictPacked(forest, columns, out);
    return out;
  }
  let done: Promise<void>[] = [];
  let failed = true;
  try {
    // Built inside the try: should an allocation fail, the workers just taken are not left behind (ref'd, they would
    // keep the process alive).
    const init: PredictInit = {
      forest,
      walks: forest.blocks ? walkModuleFor(forest.blocks) : null,
      columns: columns.map((c) => (isShared(c) ? c : new Float32Array(new SharedArrayBuffer(c.byteLength)))),
      ready: new Int32Array(new SharedArrayBuffer(4)),
      out: new Float64Array(new SharedArrayBuffer(n * 8)),
      next: new Int32Array(new SharedArrayBuffer(4)),
      threads: workers.length + (callerWorks ? 1 : 0),
      minBlock: MIN_BLOCK_ROWS,
      maxBlock: MAX_BLOCK_ROWS,
    };
    // Sent before the copy below, so that new workers start up and idle ones receive the batch meanwhile; they wait
    // on `ready`.
    done = workers.map((worker) => runBatch(worker, init));
    init.columns.forEach((s, f) => {
      if (s !== columns[f]) s.set(columns[f]!);
    });
    Atomics.store(init.ready, 0, 1);
    Atomics.notify(init.ready, 0);
    // The calling thread works too; workers that are still starting up claim whatever is left.
    if (callerWorks) predictBlocks(init);
    await Promise.all(done);
    failed = false;
    return new Float64Array(init.out);
  } finally {
    // After a failure a worker may still be on this batch: it is not reused. Its batch then rejects with the exit,
    // which the error already on its way out makes moot.
    if (failed) {
      for (const d of done) d.catch(() => undefined);
      await Promise.all(workers.map((w) => w.terminate()));
    } else {
      predictPool.give(workers);
    }
  }
}

/** Whether a column lives in shared memory, where worker threads read it in place. */
export function isShared(column: Float32Array): boolean {
  return column.buffer instanceof SharedArrayBuffer;
}

/** Sends one batch to a worker; settles on its reply, or on its error or exit. */
function runBatch(worker: Worker, init: PredictInit): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (error: Error | null) => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (error) reject(error);
      else resolve();
    };
    const onMessage = (m: PredictReply) =>
      settle(
        m.kind === 'done' ? null : new Error(`Forest.predictProbaAsync worker failed: ${m.message}\n${m.stack ?? ''}`),
      );
    const onError = (e: Error) => settle(e);
    const onExit = (code: number) =>
      settle(new Error(`Forest.predictProbaAsync worker exited early with code ${code}`));
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage(init);
  });
}
