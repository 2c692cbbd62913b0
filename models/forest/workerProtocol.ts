// Messages between trainForest and its tree-growing workers.
import type { TrainingData, TreeParams } from './growTree.ts';
import type { FlatTree } from './treeStore.ts';

/** Passed once as workerData; codes and labels are views on SharedArrayBuffers, so nothing is copied per tree. */
export interface WorkerInit {
  data: TrainingData;
  params: TreeParams;
  oob: boolean;
}

export type WorkerRequest = { kind: 'tree'; index: number } | { kind: 'finish' };

export type WorkerReply =
  | { kind: 'tree'; index: number; tree: FlatTree }
  | { kind: 'finish'; oobSum: Float64Array | null; oobCount: Float64Array | null }
  | { kind: 'error'; message: string; stack: string | undefined };
