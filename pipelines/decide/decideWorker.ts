// Worker thread entry of `decide`: rebuilds the decider from its workerData, then decides and serialises each chunk
// of lines it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { createDecider } from './createDecider.ts';
import { decideChunk } from './decideChunk.ts';
import type { DecideJob, DecideReply, DecideWorkerInit } from './decideWorkerProtocol.ts';
import { unpackState } from './packState.ts';
import { requestModelOf } from './requestModel.ts';

const port = parentPort!;
const init = workerData as DecideWorkerInit;
const decider = createDecider(
  {
    ...unpackState(init.state),
    requestModel: init.model ? requestModelOf(init.model.artifact, init.model.typical) : null,
  },
  init.policy,
);

port.postMessage({ kind: 'ready' } satisfies DecideReply);

port.on('message', (job: DecideJob) => {
  try {
    const { bytes, decisions, errors } = decideChunk(decider, job.lines, job.firstLine);
    // Its memory moved, not copied: the main thread only writes the bytes out.
    port.postMessage({ kind: 'chunk', id: job.id, bytes, decisions, errors } satisfies DecideReply, [bytes.buffer]);
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    port.postMessage({ kind: 'error', id: job.id, message: err.message, stack: err.stack } satisfies DecideReply);
  }
});
