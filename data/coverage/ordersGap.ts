// When a week's orders stop early or fall to a fraction of the usual week: part of the week's files is missing.
import { addDays } from '../time/isoDate.ts';
import { count, FEED_WEEKS_BEFORE, median, PARTIAL_FEED_MEDIAN } from './feedGap.ts';

/** A week with fewer orders than this share of the median of the (up to four) weeks before it is partial. */
export const PARTIAL_ORDERS_SHARE = 0.25;

/**
 * Why the last of `orders` (orders a week, oldest first, the last the judged week, ending at `weekEnd`) looks cut
 * short, or null: the warehouse's orders stop (`dataEnd`, "YYYY-MM-DD HH:MM" UTC) before the week's last day, or the
 * week holds under PARTIAL_ORDERS_SHARE of the median of the up to 4 weeks before it with orders, at a median of at
 * least PARTIAL_FEED_MEDIAN. Orders are dated by their own time and do not lag, so today's counts of the weeks before
 * are the yardstick.
 */
export function ordersGap(orders: readonly number[], dataEnd: string, weekEnd: string): string | null {
  if (dataEnd < `${addDays(weekEnd, -1)} 00:00`)
    return `the orders stop at ${dataEnd} UTC, before the last day of the week`;
  const rows = orders.at(-1) ?? 0;
  const usual = median(
    orders
      .slice(0, -1)
      .slice(-FEED_WEEKS_BEFORE)
      .filter((o) => o > 0),
  );
  // as for a feed, a quarter of a small week is noise (govern reads every history week with this rule)
  if (usual === null || usual < PARTIAL_FEED_MEDIAN || rows >= PARTIAL_ORDERS_SHARE * usual) return null;
  // floored: a week flagged for being under a quarter never reads "25%"
  const share = Math.floor((100 * rows) / usual);
  return `${count(rows)} orders, ${share}% of the median week before it (${count(usual)}): part of the week's files may be missing`;
}
