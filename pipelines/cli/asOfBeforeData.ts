// An --as-of before the warehouse's first order has nothing to compute: refused before a stage replaces this week's
// tables with empty ones (a typo of the year, 2020 for 2026, emptied score_buyer and the risk queue).
import { UserError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

/** Stops (exit 2) when the warehouse holds orders and none was placed before `asOf`. */
export async function refuseAsOfBeforeData(wh: Warehouse, asOf: string, command: string): Promise<void> {
  if (!(await wh.tableExists('orders'))) return;
  const first = await wh.scalar<string | null>(
    "select strftime(min(created_at), '%Y-%m-%d %H:%M') from orders where created_at is not null",
  );
  if (first === null || first < asOf) return;
  throw new UserError(
    `--as-of ${asOf} is before the warehouse's first order (${first} UTC): \`trustlens ${command}\` as of it has nothing to read and would replace this week's tables with empty ones; check the date`,
  );
}
