// Worker thread entry: predicts blocks of rows claimed from the shared counter until none is left.
import { parentPort, workerData } from 'node:worker_threads';
import { adoptWalkModule } from './blockKernel.ts';
import { predictBlocks } from './predictBlocks.ts';
import type { PredictInit, PredictReply } from './predictProtocol.ts';

const port = parentPort!;
try {
  const init = workerData as PredictInit;
  if (init.forest.blocks && init.walks) adoptWalkModule(init.forest.blocks, init.walks);
  predictBlocks(init);
  port.postMessage({ kind: 'done' } satisfies PredictReply);
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  port.postMessage({ kind: 'error', message: err.message, stack: err.stack } satisfies PredictReply);
}
