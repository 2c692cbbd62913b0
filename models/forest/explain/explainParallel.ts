// Explains rows with TreeSHAP across worker threads: blocks of rows pulled from a queue, results placed by row offset.
import type { Worker } from 'node:worker_threads';
import { spawnForestWorker } from '../workers/spawnWorker.ts';
import type { ExplainInit, ExplainReply, ExplainRequest } from './explainProtocol.ts';
import type { PreparedShap } from './forestShap.ts';

/**
 * Contributions (row-major, same shape as `values`) for row-major feature values, computed by `threads` workers.
 * Every row is computed by ForestShap.explainValues on its own, so the result is bitwise the inline one for any
 * thread count or block size.
 */
export async function explainInWorkers(
  prepared: PreparedShap,
  values: Float64Array,
  threads: number,
): Promise<Float64Array> {
  const F = prepared.nFeatures;
  const nRows = values.length / F;
  const out = new Float64Array(values.length);
  // Several blocks per worker so a slow block does not leave the other workers idle at the end.
  const block = Math.max(1, Math.min(64, Math.ceil(nRows / (threads * 4))));
  const init: ExplainInit = { prepared };
  let next = 0;
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < threads; i++) workers.push(spawnForestWorker('explainWorker', init));
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (m: ExplainRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);
            const sendNext = () => {
              if (next >= nRows) {
                send({ kind: 'finish' });
                resolve();
                return;
              }
              const at = next;
              next = Math.min(nRows, at + block);
              const chunk = values.slice(at * F, next * F);
              send({ kind: 'rows', at, values: chunk }, [chunk.buffer]);
            };
            worker.on('message', (m: ExplainReply) => {
              if (m.kind === 'rows') {
                out.set(m.contributions, m.at * F);
                sendNext();
              } else {
                reject(new Error(`Forest.explainRowsAsync worker failed: ${m.message}\n${m.stack ?? ''}`));
              }
            });
            worker.on('error', reject);
            // After the last block the promise is already resolved, so the exit from terminate() below is ignored.
            worker.on('exit', (code) =>
              reject(new Error(`Forest.explainRowsAsync worker exited early with code ${code}`)),
            );
            sendNext();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return out;
}
