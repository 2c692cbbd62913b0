// Messages between decide's main thread and its worker threads.
import type { DecisionPolicy } from './createDecider.ts';
import type { DecidedChunk } from './decideChunk.ts';
import type { DeciderState } from './deciderState.ts';
import { packState, type PackedState } from './packState.ts';
import type { RequestModel } from './requestModel.ts';

/**
 * workerData: the held week as columns, without its request model, which holds a Forest (class instances do not cross
 * threads), and the parts the worker rebuilds the model from.
 */
export interface DecideWorkerInit {
  state: PackedState;
  model: Pick<RequestModel, 'artifact' | 'typical'> | null;
  policy: DecisionPolicy;
}

export interface DecideJob {
  id: number;
  lines: string[];
  firstLine: number;
}

export type DecideReply =
  | { kind: 'ready' }
  | ({ kind: 'chunk'; id: number } & DecidedChunk)
  | { kind: 'error'; id: number; message: string; stack: string | undefined };

/** What a worker is sent, from a decider's state (the Maps are copied once per worker by structured clone). */
export function workerInit(state: DeciderState, policy: DecisionPolicy): DecideWorkerInit {
  const m = state.requestModel;
  return {
    state: packState(state),
    model: m ? { artifact: m.artifact, typical: m.typical } : null,
    policy,
  };
}
