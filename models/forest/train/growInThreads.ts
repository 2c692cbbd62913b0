// Grows a forest's trees on the calling thread and worker threads at once, all claiming tree indices from one counter.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { TreeGrower, type TrainingData, type TreeParams } from './growTree.ts';
import { OobAccumulator } from './oob.ts';
import { spawnForestWorker } from '../workers/spawnWorker.ts';
import type { FlatTree } from '../treeStore.ts';
import type { WorkerInit, WorkerReply } from '../workers/workerProtocol.ts';

export interface GrownTrees {
  /** In index order, whichever thread grew each one. */
  trees: FlatTree[];
  oob: OobAccumulator | null;
}

/** Grows trees 0..nTrees-1 on the calling thread. */
export function growInline(
  data: TrainingData,
  params: TreeParams,
  nTrees: number,
  wantOob: boolean,
  onTree?: (done: number, total: number) => void,
): GrownTrees {
  const grower = new TreeGrower(data, params);
  const oob = wantOob ? new OobAccumulator(data.nRows) : null;
  const trees: FlatTree[] = [];
  for (let i = 0; i < nTrees; i++) {
    const tree = grower.growCountingOob(i, oob);
    trees.push(tree);
    onTree?.(i + 1, nTrees);
  }
  return { trees, oob };
}

/**
 * Same trees as growInline, on `threads` threads: the calling thread starts growing at once and `threads - 1`
 * workers join as soon as they have started, so starting them never costs time the caller could have used.
 * OOB sums are exact in any order (OobAccumulator), so they do not depend on who grew which tree either.
 * The calling thread's event loop runs between its trees only (timers and I/O wait for the tree in hand).
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
  /**
   * Per worker: trees it sent, and how to let it off once every tree is in (a worker that grew none owes no OOB sums).
   */
  const idle: (() => void)[] = [];
  const releaseIdle = () => {
    if (done === nTrees) for (const release of idle) release();
  };
  const workers: Worker[] = [];
  try {
    const finishing: Promise<void>[] = [];
    for (let w = 0; w < (callerWorks ? threads - 1 : threads); w++) {
      const worker = spawnForestWorker('trainWorker', init);
      workers.push(worker);
      finishing.push(
        new Promise<void>((resolve, reject) => {
          let settled = false;
          let grown = 0;
          const fail = (e: Error) => {
            if (settled) return;
            settled = true;
            failure ??= e;
            reject(e);
          };
          idle.push(() => {
            if (grown > 0 || settled) return;
            settled = true;
            resolve();
          });
          worker.on('message', (m: WorkerReply) => {
            if (m.kind === 'tree') {
              grown++;
              trees[m.index] = m.tree;
              onTree?.(++done, nTrees);
              releaseIdle();
            } else if (m.kind === 'finish') {
              if (oob && m.oobSum && m.oobCount) oob.merge(new OobAccumulator(data.nRows, m.oobSum, m.oobCount));
              settled = true;
              resolve();
            } else fail(new Error(`trainForest worker failed: ${m.message}\n${m.stack ?? ''}`));
          });
          worker.on('messageerror', (e) =>
            fail(new Error(`trainForest worker sent a message that could not be read: ${e.message}`)),
          );
          worker.on('error', fail);
          worker.on('exit', (code) => fail(new Error(`trainForest worker exited early with code ${code}`)));
        }),
      );
    }
    const finished = Promise.all(finishing);
    // Rejections are awaited below, after the calling thread's own trees; until then they only stop its loop.
    finished.catch(() => {});
    if (callerWorks) {
      const grower = new TreeGrower(data, params);
      for (let i = Atomics.add(init.next, 0, 1); i < nTrees && !failure; i = Atomics.add(init.next, 0, 1)) {
        const tree = grower.growCountingOob(i, oob);
        trees[i] = tree;
        onTree?.(++done, nTrees);
        // Lets the workers' finished trees in between, for progress and to notice a failed worker.
        await nextTurn();
      }
      releaseIdle();
    }
    await finished;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  const missing = trees.findIndex((t) => t === undefined);
  if (missing >= 0) throw new Error(`trainForest: tree ${missing} of ${nTrees} never arrived from its thread.`);
  return { trees: trees as FlatTree[], oob };
}
