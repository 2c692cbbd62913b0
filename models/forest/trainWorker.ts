// Worker thread entry: grows the trees it is asked for (by index, so the result does not depend on who grows them).
import { parentPort, workerData } from 'node:worker_threads';
import { TreeGrower } from './growTree.ts';
import { OobAccumulator } from './oob.ts';
import { treeBuffers } from './treeStore.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './workerProtocol.ts';

const init = workerData as WorkerInit;
const port = parentPort!;
const grower = new TreeGrower(init.data, init.params);
const oob = init.oob ? new OobAccumulator(init.data.nRows) : null;

function reply(message: WorkerReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

port.on('message', (msg: WorkerRequest) => {
  try {
    if (msg.kind === 'tree') {
      const tree = grower.grow(msg.index);
      oob?.addTree(tree, init.data.codes, init.data.nFeatures, grower.inBagWeight);
      reply({ kind: 'tree', index: msg.index, tree }, treeBuffers(tree));
    } else {
      reply({ kind: 'finish', oobSum: oob?.sum ?? null, oobCount: oob?.count ?? null });
      port.close();
    }
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    reply({ kind: 'error', message: err.message, stack: err.stack });
  }
});
