// The past weekly dates a run needs scores for (simulation window and trends) that the warehouse has not scored yet.
import { weeksEnding } from '../../data/time/isoDate.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

/**
 * Weekly dates asOf − 7·weeks … asOf − 7 without a score_buyer_history snapshot, oldest first. The oldest is needed
 * too:
 * a request in the first replayed week is judged with the score from the week before it.
 */
export async function missingScoreWeeks(wh: Warehouse, asOf: string, weeks: number): Promise<string[]> {
  const wanted = weeksEnding(asOf, weeks + 1).slice(0, -1);
  if (!(await wh.tableExists('score_buyer_history'))) return wanted;
  const rows = await wh.all<{ d: string }>(
    "select distinct strftime(as_of, '%Y-%m-%d') as d from score_buyer_history where as_of between $from::date and $to::date",
    { from: wanted[0]!, to: wanted.at(-1)! },
  );
  const have = new Set(rows.map((r) => r.d));
  return wanted.filter((d) => !have.has(d));
}
