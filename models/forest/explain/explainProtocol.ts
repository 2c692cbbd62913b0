// Messages between explainInWorkers and its TreeSHAP workers.
import type { PreparedShap } from './forestShap.ts';

/** Passed once as workerData: the trees as the main thread prepared them (their subset tables shared, not copied). */
export interface ExplainInit {
  prepared: PreparedShap;
}

/** A block of rows as row-major feature values (rows × nFeatures, NaN = missing); `at` is its first row. */
export type ExplainRequest = { kind: 'rows'; at: number; values: Float64Array } | { kind: 'finish' };

export type ExplainReply =
  | { kind: 'rows'; at: number; contributions: Float64Array }
  | { kind: 'error'; message: string; stack: string | undefined };
