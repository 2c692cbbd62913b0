// Worker thread entry: predicts blocks of rows claimed from the shared counter until none is left.
import { parentPort, workerData } from 'node:worker_threads';
import { predictBlocks } from './predictBlocks.ts';
import type { PredictInit, PredictReply } from './predictProtocol.ts';

const port = parentPort!;
try {
  predictBlocks(workerData as PredictInit);
  port.postMessage({ kind: 'done' } satisfies PredictReply);
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  port.postMessage({ kind: 'error', message: err.message, stack: err.stack } satisfies PredictReply);
}
