// Batch prediction across threads: the calling thread and worker threads claim blocks of rows from a shared counter.
import type { PackedForest } from './predict.ts';
import { predictBlocks } from './predictBlocks.ts';
import type { PredictInit, PredictReply } from './predictProtocol.ts';
import { spawnForestWorker } from './spawnWorker.ts';

/** Rows per claimed block: large enough that claiming is free, small enough that threads finish together. */
const BLOCK_ROWS = 16_384;

/**
 * Same values as predictPacked over all rows (each row is computed by the same code whichever thread claims it), with
 * `threads - 1` workers helping the calling thread. Columns are copied once into shared memory for the workers.
 */
export async function predictInWorkers(
  forest: PackedForest,
  columns: readonly Float32Array[],
  threads: number,
  /** false leaves every block to the workers (tests use it to be sure the workers' results are the ones returned). */
  callerWorks = true,
): Promise<Float64Array> {
  const n = columns[0]!.length;
  const shared = columns.map((c) => {
    const s = new Float32Array(new SharedArrayBuffer(c.byteLength));
    s.set(c);
    return s;
  });
  const init: PredictInit = {
    forest,
    columns: shared,
    out: new Float64Array(new SharedArrayBuffer(n * 8)),
    next: new Int32Array(new SharedArrayBuffer(4)),
    block: BLOCK_ROWS,
  };
  const workers = Array.from({ length: callerWorks ? threads - 1 : threads }, () => spawnForestWorker('predictWorker', init));
  try {
    const done = workers.map((worker) => new Promise<void>((resolve, reject) => {
      worker.on('message', (m: PredictReply) => {
        if (m.kind === 'done') resolve();
        else reject(new Error(`Forest.predictProbaAsync worker failed: ${m.message}\n${m.stack ?? ''}`));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`Forest.predictProbaAsync worker exited early with code ${code}`)));
    }));
    // The calling thread works too; workers that are still starting up claim whatever is left.
    if (callerWorks) predictBlocks(init);
    await Promise.all(done);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return new Float64Array(init.out);
}
