// Prediction workers kept between batches, so that a batch does not pay for starting them (see README, Measurements).
import type { Worker } from 'node:worker_threads';
import { spawnForestWorker } from '../workers/spawnWorker.ts';

/** An idle worker is terminated after this long without a batch. */
const IDLE_MS = 5_000;

/**
 * Idle workers do not keep the process alive (unref), so a pipeline that ends leaves none behind. A worker comes back
 * to the pool only after a batch it finished; one that failed is terminated instead.
 */
export class PredictPool {
  private idle: Worker[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `count` workers: idle ones first, then new ones; with `start` false, only the idle ones there are (maybe none). */
  take(count: number, start = true): Worker[] {
    const taken = this.idle.splice(0, count);
    while (start && taken.length < count) taken.push(this.spawn());
    for (const w of taken) w.ref();
    if (this.idle.length === 0) clearTimeout(this.timer);
    return taken;
  }

  /** Workers whose batch completed, back to the pool. */
  give(workers: readonly Worker[]): void {
    for (const w of workers) w.unref();
    this.idle.push(...workers);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.close(), IDLE_MS);
    this.timer.unref();
  }

  /** Workers waiting for a batch. */
  get idleCount(): number {
    return this.idle.length;
  }

  /** Terminates the idle workers. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }

  private spawn(): Worker {
    const worker = spawnForestWorker('predictWorker', undefined);
    // An idle worker that dies (out of memory, say) leaves the pool; a busy one's batch sees its own listeners.
    const leave = () => {
      this.idle = this.idle.filter((w) => w !== worker);
    };
    worker.on('exit', leave);
    worker.on('error', leave);
    return worker;
  }
}

/** The process's prediction workers. */
export const predictPool = new PredictPool();
