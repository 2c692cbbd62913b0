// Messages between growInThreads and its tree-growing workers.
import type { TrainingData, TreeParams } from '../train/growTree.ts';
import type { FlatTree } from '../treeStore.ts';

/**
 * Passed once as workerData. Codes, labels and the tree counter live in SharedArrayBuffers: every thread claims the
 * next tree index with Atomics.add on next[0] until all `nTrees` are claimed, so a worker that starts late grows fewer.
 */
export interface WorkerInit {
  data: TrainingData;
  params: TreeParams;
  oob: boolean;
  nTrees: number;
  next: Int32Array;
}

export type WorkerReply =
  | { kind: 'tree'; index: number; tree: FlatTree }
  | { kind: 'finish'; oobSum: Float64Array | null; oobCount: Float64Array | null }
  | { kind: 'error'; message: string; stack: string | undefined };
