// Weekly dates stay on one weekday: an --as-of on another day would start a second, interleaved series of weeks.
import { addDays, weekdayName } from '../../data/time/isoDate.ts';
import { UserError } from '../../data/validation/errors.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

/** The latest weekly date scored in the warehouse, or null before the first score. */
export async function latestScoredWeek(wh: Warehouse): Promise<string | null> {
  if (!(await wh.tableExists('score_buyer_history'))) return null;
  return (await wh.scalar<string | null>("select strftime(max(as_of), '%Y-%m-%d') from score_buyer_history")) ?? null;
}

/**
 * Stops (exit 2) when `asOf` falls on another weekday than the warehouse's scored weeks, unless `weekdayOk`; then it
 * only warns. Without scores yet any weekday starts the series.
 */
export async function checkWeeklyWeekday(
  wh: Warehouse,
  asOf: string,
  weekdayOk: boolean,
  log: Pick<Logger, 'warn'>,
): Promise<void> {
  const latest = await latestScoredWeek(wh);
  if (latest === null || weekdayName(latest) === weekdayName(asOf)) return;
  const day = weekdayName(latest);
  const shift =
    (((new Date(`${latest}T00:00:00Z`).getUTCDay() - new Date(`${asOf}T00:00:00Z`).getUTCDay()) % 7) + 7) % 7;
  const next = addDays(asOf, shift);
  const message =
    `--as-of ${asOf} is a ${weekdayName(asOf)}, but this warehouse's weeks end on ${day}s (latest scored week ${latest}); ` +
    `a ${weekdayName(asOf)} week would not line up with them (the run would backfill past ${weekdayName(asOf)} weeks and compare with weeks never scored)`;
  if (weekdayOk) {
    log.warn(`${message}; going ahead because of --weekday-ok`);
    return;
  }
  throw new UserError(`${message}. Use a ${day} such as --as-of ${next}, or pass --weekday-ok to go ahead`);
}
