// Worker thread entry: for each batch it is sent, predicts blocks of rows claimed from the shared counter until none is left.
import { parentPort } from 'node:worker_threads';
import { adoptWalkModule } from './blockKernel.ts';
import { predictBlocks } from './predictBlocks.ts';
import type { PredictInit, PredictReply } from './predictProtocol.ts';

const port = parentPort!;
// The forest of the last batch: a batch with the same forest id reuses it, and with it this thread's kernel.
let last: PredictInit['forest'] | null = null;

port.on('message', (init: PredictInit) => {
  try {
    if (last?.id === init.forest.id) init.forest = last;
    else last = init.forest;
    if (init.forest.blocks && init.walks) adoptWalkModule(init.forest.blocks, init.walks);
    predictBlocks(init);
    port.postMessage({ kind: 'done' } satisfies PredictReply);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ kind: 'error', message: err.message, stack: err.stack } satisfies PredictReply);
  }
});
