// Messages between predictInWorkers and its prediction workers.
import type { PackedForest } from './predict.ts';

/**
 * One batch, posted to each worker that helps with it. Columns, output and the block counter live in
 * SharedArrayBuffers: every thread claims the next block of rows by moving next[0] forward (compareExchange) until
 * none is left, so a thread that starts late simply claims fewer blocks. The batch is posted before the columns are
 * copied in, so that a worker's start-up and the copy overlap; ready[0] turns 1 (with Atomics.notify) once the
 * columns hold the rows.
 */
export interface PredictInit {
  forest: PackedForest;
  /** The compiled block walks (workers share the calling thread's compiled code rather than compiling their own). */
  walks: WebAssembly.Module | null;
  columns: Float32Array[];
  ready: Int32Array;
  out: Float64Array;
  next: Int32Array;
  /** Threads taking part, the calling one included. */
  threads: number;
  minBlock: number;
  maxBlock: number;
}

export type PredictReply = { kind: 'done' } | { kind: 'error'; message: string; stack: string | undefined };
