// Messages between predictInWorkers and its prediction workers.
import type { PackedForest } from './predict.ts';

/**
 * Passed once as workerData. Columns, output and the block counter live in SharedArrayBuffers: every thread claims
 * the next block of `block` rows with Atomics.add on next[0] until none is left, so a thread that starts late
 * simply claims fewer blocks.
 */
export interface PredictInit {
  forest: PackedForest;
  columns: Float32Array[];
  out: Float64Array;
  next: Int32Array;
  block: number;
}

export type PredictReply = { kind: 'done' } | { kind: 'error'; message: string; stack: string | undefined };
