// Messages between explainInWorkers and its TreeSHAP workers.
import type { FlatTree } from '../treeStore.ts';

/** Passed once as workerData: the forest's trees (structured-cloned) and its feature count. */
export interface ExplainInit {
  trees: FlatTree[];
  nFeatures: number;
}

/** A block of rows as row-major feature values (rows × nFeatures, NaN = missing); `at` is its first row. */
export type ExplainRequest = { kind: 'rows'; at: number; values: Float64Array } | { kind: 'finish' };

export type ExplainReply =
  | { kind: 'rows'; at: number; contributions: Float64Array }
  | { kind: 'error'; message: string; stack: string | undefined };
