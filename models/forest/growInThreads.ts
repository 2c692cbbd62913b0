// Grows a forest's trees on the calling thread and worker threads at once, all claiming tree indices from one counter.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { TreeGrower, type TrainingData, type TreeParams } from './growTree.ts';
import { OobAccumulator } from './oob.ts';
import { spawnForestWorker } from './spawnWorker.ts';
import type { FlatTree } from './treeStore.ts';
import type { WorkerInit, WorkerReply } from './workerProtocol.ts';

export interface GrownTrees {
  /** In index order, whichever thread grew each one. */
  trees: FlatTree[];
  oob: OobAccumulator | null;
}

/** Grows trees 0..nTrees-1 on the calling thread. */
export function growInline(data: TrainingData, params: TreeParams, nTrees: number, wantOob: boolean, onTree?: (done: number, total: number) => void): GrownTrees {
  const grower = new TreeGrower(data, params);
  const oob = wantOob ? new OobAccumulator(data.nRows) : null;
  const trees: FlatTree[] = [];
  for (let i = 0; i < nTrees; i++) {
    const tree = grower.grow(i);
    oob?.addTree(tree, data.codes, data.nFeatures, grower.inBagWeight);
    trees.push(tree);
    onTree?.(i + 1, nTrees);
  }
  return { trees, oob };
}

/**
 * Same trees as growInline, on `threads` threads: the calling thread starts growing at once and `threads - 1`
 * workers join as soon as they have started, so starting them never costs time the caller could have used.
 * OOB sums are exact in any order (OobAccumulator), so they do not depend on who grew which tree either.
 */
export async function growInThreads(
  data: TrainingData,
  params: TreeParams,
  nTrees: number,
  wantOob: boolean,
  threads: number,
  onTree?: (done: number, total: number) => void,
  /** false leaves every tree to the workers (tests use it to be sure the workers' trees are the ones returned). */
  callerWorks = true,
): Promise<GrownTrees> {
  const trees: (FlatTree | undefined)[] = new Array(nTrees);
  const oob = wantOob ? new OobAccumulator(data.nRows) : null;
  const init: WorkerInit = { data, params, oob: wantOob, nTrees, next: new Int32Array(new SharedArrayBuffer(4)) };
  let done = 0;
  let failure: Error | null = null;
  const workers = Array.from({ length: callerWorks ? threads - 1 : threads }, () => spawnForestWorker('trainWorker', init));
  try {
    const finished = Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      let settled = false;
      const fail = (e: Error) => {
        if (settled) return;
        settled = true;
        failure ??= e;
        reject(e);
      };
      worker.on('message', (m: WorkerReply) => {
        if (m.kind === 'tree') {
          trees[m.index] = m.tree;
          onTree?.(++done, nTrees);
        } else if (m.kind === 'finish') {
          if (oob && m.oobSum && m.oobCount) oob.merge(new OobAccumulator(data.nRows, m.oobSum, m.oobCount));
          settled = true;
          resolve();
        } else fail(new Error(`trainForest worker failed: ${m.message}\n${m.stack ?? ''}`));
      });
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`trainForest worker exited early with code ${code}`)));
    })));
    // Rejections are awaited below, after the calling thread's own trees; until then they only stop its loop.
    finished.catch(() => {});
    if (callerWorks) {
      const grower = new TreeGrower(data, params);
      for (let i = Atomics.add(init.next, 0, 1); i < nTrees && !failure; i = Atomics.add(init.next, 0, 1)) {
        const tree = grower.grow(i);
        oob?.addTree(tree, data.codes, data.nFeatures, grower.inBagWeight);
        trees[i] = tree;
        onTree?.(++done, nTrees);
        // Lets the workers' finished trees in between, for progress and to notice a failed worker.
        await nextTurn();
      }
    }
    await finished;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { trees: trees as FlatTree[], oob };
}
