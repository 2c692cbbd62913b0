// Keeps the decision service on the newest scored week: polls the warehouse (read-only, briefly) and swaps a newer week
// in.
import { existsSync, statSync } from 'node:fs';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { Logger } from '../../data/log/Logger.ts';
import { createDecider, type Decider } from '../decide/createDecider.ts';
import { latestScoredWeek, loadDeciderState } from '../decide/deciderState.ts';
import type { Policy } from '../simulate/policy/policySchema.ts';

export interface ReloaderOptions {
  warehouse: string;
  artifactsDir: string;
  orderDays: number;
  policy: Pick<Policy, 'name' | 'rules' | 'default' | 'settings'>;
  log: Logger;
}

export interface WeekReloader {
  decider(): Decider;
  status(): Record<string, unknown>;
  /** Looks once: returns true when a newer week was swapped in. */
  check(): Promise<boolean>;
  /** Polls every `ms` until stop(); a poll never overlaps the previous one. */
  start(ms: number): void;
  stop(): void;
}

/** File identity that changes when a run writes the warehouse: no need to open it while nothing changed. */
function fileStamp(path: string): string {
  if (!existsSync(path)) return 'missing';
  const s = statSync(path);
  return `${s.size}:${s.mtimeMs}`;
}

export async function createWeekReloader(o: ReloaderOptions): Promise<WeekReloader> {
  const load = async (wh: Warehouse) =>
    createDecider(await loadDeciderState(wh, { artifactsDir: o.artifactsDir, orderDays: o.orderDays }), o.policy);
  const wh = await Warehouse.open({ path: o.warehouse, readOnly: true });
  let current: Decider;
  try {
    current = await load(wh);
  } finally {
    wh.close();
  }
  let stamp = fileStamp(o.warehouse);
  let loadedAt = new Date().toISOString();
  let lastProblem: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let busy = false;

  async function check(): Promise<boolean> {
    // A weekly run holds the lock file while it writes; the file is read again only once it has changed and the run is
    // over.
    if (existsSync(`${o.warehouse}.lock`) || fileStamp(o.warehouse) === stamp) return false;
    let wh: Warehouse | null = null;
    try {
      wh = await Warehouse.open({ path: o.warehouse, readOnly: true });
      const seen = fileStamp(o.warehouse);
      const latest = await latestScoredWeek(wh);
      if (latest === null || latest <= current.scoresAsOf) {
        stamp = seen;
        return false;
      }
      const next = await load(wh);
      // One assignment: requests already running keep the decider they took; the next ones get the new week.
      current = next;
      stamp = seen;
      loadedAt = new Date().toISOString();
      lastProblem = null;
      o.log.info(`serving the scores of the week of ${next.scoresAsOf}`);
      return true;
    } catch (err) {
      lastProblem = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      o.log.warn(`reload skipped, still serving ${current.scoresAsOf}: ${lastProblem}`);
      return false;
    } finally {
      wh?.close();
    }
  }

  return {
    decider: () => current,
    status: () => ({ loaded_at: loadedAt, ...(lastProblem ? { last_reload_problem: lastProblem } : {}) }),
    check,
    start(ms) {
      timer = setInterval(() => {
        if (busy) return;
        busy = true;
        void check().finally(() => (busy = false));
      }, ms);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
