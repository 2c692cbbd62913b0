// Worker thread entry: claims tree indices from the shared counter and grows them (a tree depends on its index, not its
// thread).
import { parentPort, workerData } from 'node:worker_threads';
import { TreeGrower } from '../train/growTree.ts';
import { OobAccumulator } from '../train/oob.ts';
import { treeBuffers } from '../treeStore.ts';
import type { WorkerInit, WorkerReply } from './workerProtocol.ts';

const init = workerData as WorkerInit;
const port = parentPort!;

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

try {
  const grower = new TreeGrower(init.data, init.params);
  const oob = init.oob ? new OobAccumulator(init.data.nRows) : null;
  for (let index = Atomics.add(init.next, 0, 1); index < init.nTrees; index = Atomics.add(init.next, 0, 1)) {
    const tree = grower.growCountingOob(index, oob);
    reply({ kind: 'tree', index, tree }, treeBuffers(tree));
  }
  reply({ kind: 'finish', oobSum: oob?.sum ?? null, oobCount: oob?.count ?? null });
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  reply({ kind: 'error', message: err.message, stack: err.stack });
}
