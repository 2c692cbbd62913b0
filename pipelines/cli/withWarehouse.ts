// Opens the command's warehouse for one piece of work, holding the run lock when it writes, and always closes it.
import type { CommandContext } from './defineCommand.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { acquireRunLock } from './runLock.ts';
import { cleanStaleOutputs } from './cleanStaleOutputs.ts';

/**
 * `what` names the holder in the lock file ("trustlens score --as-of 2026-11-02"), so a second writer is told who is
 * busy.
 * Read-only work (reports, exports) skips the lock: DuckDB itself keeps a second process out while a writer has the
 * file open.
 */
export async function withWarehouse<T>(
  ctx: Pick<CommandContext, 'warehouse' | 'config' | 'log'>,
  what: string | null,
  fn: (wh: Warehouse) => Promise<T>,
): Promise<T> {
  const lock = what !== null && ctx.warehouse !== ':memory:' ? await acquireRunLock(ctx.warehouse, what) : null;
  try {
    // Read-only work opens the file read-only: it then works on a read-only warehouse and beside other readers.
    const wh = await Warehouse.open({
      path: ctx.warehouse,
      memoryLimit: ctx.config.memoryLimit,
      readOnly: what === null && ctx.warehouse !== ':memory:',
    });
    try {
      // A writer first cleans what a killed run left (build tables, temp folders, unpublished artifacts).
      if (what !== null) {
        const cleaned = await cleanStaleOutputs(wh, ctx.config);
        if (cleaned.length) ctx.log.info(`cleaned what an interrupted run left: ${cleaned.join(', ')}`);
      }
      return await fn(wh);
    } finally {
      wh.close();
    }
  } finally {
    lock?.release();
  }
}
