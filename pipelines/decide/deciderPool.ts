// Worker threads that each hold a decider over the same week and policy: chunks of lines are decided on all cores.
import type { Worker } from 'node:worker_threads';
import type { Decider } from './createDecider.ts';
import type { DecidedChunk } from './decideChunk.ts';
import { workerInit, type DecideJob, type DecideReply } from './decideWorkerProtocol.ts';
import { spawnDecideWorker } from './spawnDecideWorker.ts';

interface Pending {
  resolve(chunk: DecidedChunk): void;
  reject(err: Error): void;
}

interface Slot {
  worker: Worker;
  /** Chunks sent and not answered yet. */
  busy: number;
}

export class DeciderPool {
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private failure: Error | null = null;
  private booting: number;
  private onReady!: () => void;
  private onFailure!: (err: Error) => void;
  /**
   * Settles when every worker has built its decider (rejected if one fails): until then chunks queue up; decideStream
   * decides in its own thread meanwhile.
   */
  readonly ready: Promise<void>;

  private constructor(private readonly slots: Slot[]) {
    this.booting = slots.length;
    this.ready = new Promise<void>((resolve, reject) => {
      this.onReady = resolve;
      this.onFailure = reject;
    });
    this.ready.catch(() => undefined); // a failure also reaches every chunk asked for; awaiting `ready` is optional
    for (const slot of slots) {
      slot.worker.on('message', (reply: DecideReply) => {
        if (reply.kind === 'ready') {
          if (--this.booting === 0) this.onReady();
          return;
        }
        slot.busy--;
        const p = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        if (reply.kind === 'chunk')
          p?.resolve({ bytes: reply.bytes, decisions: reply.decisions, errors: reply.errors });
        else p?.reject(Object.assign(new Error(reply.message), { stack: reply.stack }));
      });
      slot.worker.on('error', (err) => this.fail(err));
      slot.worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`a decide worker thread exited with code ${code}`));
      });
    }
  }

  /**
   * `threads` workers over the decider's state and policy, each with its own decider (see `ready`). Only for an
   * order-independent decider: each worker would spend a weekly review capacity of its own.
   */
  static async start(decider: Decider, threads: number): Promise<DeciderPool> {
    if (!decider.orderIndependent)
      throw new Error('DeciderPool: the policy spends review capacity in input order; decide in one thread');
    const init = workerInit(decider.state, decider.policy);
    const workers = await Promise.all(Array.from({ length: threads }, () => spawnDecideWorker(init)));
    return new DeciderPool(workers.map((worker) => ({ worker, busy: 0 })));
  }

  get threads(): number {
    return this.slots.length;
  }

  /** Decides one chunk on the least busy worker: the bytes decideChunk writes in this thread. */
  decide(lines: string[], firstLine: number): Promise<DecidedChunk> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.slots.reduce((a, b) => (b.busy < a.busy ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      slot.busy++;
      slot.worker.postMessage({ id, lines, firstLine } satisfies DecideJob);
    });
  }

  private fail(err: Error): void {
    this.onFailure(err);
    this.failure ??= err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.failure ??= new Error('DeciderPool: closed');
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
