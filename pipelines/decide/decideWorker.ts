// Worker thread entry of `decide`: rebuilds the decider from its workerData, then decides and serialises each chunk
// of lines it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { createDecider } from './createDecider.ts';
import { decideChunk } from './decideChunk.ts';
import type { DecideJob, DecideReply, DecideWorkerInit } from './decideWorkerProtocol.ts';
import { requestModelOf } from './requestModel.ts';

const port = parentPort!;
const init = workerData as DecideWorkerInit;
const decider = createDecider(
  { ...init.state, requestModel: init.model ? requestModelOf(init.model.artifact, init.model.typical) : null },
  init.policy,
);

port.on('message', (job: DecideJob) => {
  try {
    const chunk = decideChunk(decider, job.lines, job.firstLine);
    port.postMessage({ kind: 'chunk', id: job.id, ...chunk } satisfies DecideReply);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ kind: 'error', id: job.id, message: err.message, stack: err.stack } satisfies DecideReply);
  }
});
