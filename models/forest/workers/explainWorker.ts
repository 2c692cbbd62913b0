// Worker thread entry: explains the blocks of rows it is sent with the same ForestShap row loop as the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import type { ExplainInit, ExplainReply, ExplainRequest } from '../explain/explainProtocol.ts';
import { ForestShap } from '../explain/forestShap.ts';

const port = parentPort!;

function reply(message: ExplainReply, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

try {
  const init = workerData as ExplainInit;
  const shap = ForestShap.fromPrepared(init.prepared);
  port.on('message', (msg: ExplainRequest) => {
    try {
      if (msg.kind === 'rows') {
        const contributions = new Float64Array(msg.values.length);
        shap.explainValues(msg.values, contributions);
        reply({ kind: 'rows', at: msg.at, contributions }, [contributions.buffer as ArrayBuffer]);
      } else {
        port.close();
      }
    } catch (e) {
      const err = e instanceof Error ? e : new Error(String(e));
      reply({ kind: 'error', message: err.message, stack: err.stack });
    }
  });
} catch (e) {
  const err = e instanceof Error ? e : new Error(String(e));
  reply({ kind: 'error', message: err.message, stack: err.stack });
}
