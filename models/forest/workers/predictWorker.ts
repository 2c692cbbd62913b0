// Worker thread entry: for each batch it is sent, predicts blocks of rows claimed from the shared counter until none is
// left.
import { parentPort } from 'node:worker_threads';
import { adoptWalkModule } from '../predict/blockKernel.ts';
import { predictBlocks } from '../predict/predictBlocks.ts';
import type { PredictInit, PredictReply } from '../predict/predictProtocol.ts';

const port = parentPort!;

// A forest sent again arrives as a new copy; predictPacked finds this thread's kernel for it by the forest's id.
port.on('message', (init: PredictInit) => {
  try {
    if (init.forest.blocks && init.walks) adoptWalkModule(init.forest.blocks, init.walks);
    predictBlocks(init);
    port.postMessage({ kind: 'done' } satisfies PredictReply);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ kind: 'error', message: err.message, stack: err.stack } satisfies PredictReply);
  }
});
