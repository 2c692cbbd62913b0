// Which request weeks a run builds: those feat_request_history lacks or cannot show to still hold; the others are read
// as stored, with the rows a build would give them.
import { listValue } from '@duckdb/node-api';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import {
  buildWeekInputs,
  createPublishedDatesView,
  latestRequestBatch,
  REQUEST_WEEKS_BOOK,
  requestsChangedSince,
} from './requestWeeksBook.ts';

export interface RequestWeeksPlan {
  /** Weeks to build, ascending. */
  build: string[];
  /** Weeks read as stored, ascending. */
  kept: string[];
  /** Why each built week is built, in words for the log. */
  reasons: Map<string, string>;
}

interface WeekState extends Record<string, unknown> {
  as_of: string;
  fingerprint: string | null;
  batch_id: number | null;
  stored_inputs: string | null;
  inputs: string;
  stored_rows: bigint | null;
  present_rows: bigint;
}

/** Why a stored week cannot be read as it is (deliveries since aside), or null when it can. */
function storedProblem(week: WeekState, fingerprint: string): string | null {
  if (week.fingerprint === null) return 'it has not been built with bookkeeping yet';
  if (week.fingerprint !== fingerprint) return 'the request features SQL changed since it was built';
  if (week.batch_id === null) return 'it was built without ingest bookkeeping';
  if (week.stored_inputs !== week.inputs)
    return 'a buyer or merchant snapshot, score or group before it was published again since';
  if (week.stored_rows !== week.present_rows) return 'feat_request_history no longer holds all its rows';
  return null;
}

/**
 * Reads the bookkeeping of `weeks` and returns those to build: never built, built by other code, reading a history
 * date published again since, missing rows, or holding requests that rows delivered after its build may change
 * (req_changed_since.sql). Without ingest bookkeeping every week is built.
 */
export async function planRequestWeeks(
  wh: Warehouse,
  weeks: readonly string[],
  fingerprint: string,
): Promise<RequestWeeksPlan> {
  const sorted = [...new Set(weeks)].sort();
  const all = (reason: string): RequestWeeksPlan => ({
    build: sorted,
    kept: [],
    reasons: new Map(sorted.map((w) => [w, reason])),
  });
  if (sorted.length === 0) return all('');
  if (!(await wh.tableExists(REQUEST_WEEKS_BOOK)) || !(await wh.tableExists('feat_request_history')))
    return all('no request week has been built with bookkeeping yet');
  if ((await latestRequestBatch(wh)) === null)
    return all('the warehouse has no ingest bookkeeping to date deliveries by');

  await wh.run('create or replace temp table request_weeks as select unnest($weeks::date[]) as as_of', {
    weeks: listValue(sorted),
  });
  try {
    await createPublishedDatesView(wh);
    await buildWeekInputs(wh);
    const states = await wh.all<WeekState>(
      readSql(new URL('./sql/request_weeks/req_week_states.sql', import.meta.url)),
    );
    // deliveries after a batch may change the weeks from a time on; weeks stored at the same batch share one query
    const changedSince = new Map<number, string | null>();
    const reasons = new Map<string, string>();
    for (const week of states) {
      const problem = storedProblem(week, fingerprint);
      if (problem) {
        reasons.set(week.as_of, problem);
        continue;
      }
      const batch = week.batch_id!;
      if (!changedSince.has(batch)) changedSince.set(batch, await requestsChangedSince(wh, batch));
      const changed = changedSince.get(batch) ?? null;
      // a week holds requests made before its date: a change at or after the date cannot reach it
      if (changed !== null && `${week.as_of} 00:00:00` > changed)
        reasons.set(week.as_of, `rows delivered after it was built may change its requests (from ${changed})`);
    }
    return {
      build: sorted.filter((w) => reasons.has(w)),
      kept: sorted.filter((w) => !reasons.has(w)),
      reasons,
    };
  } finally {
    await wh.run('drop table if exists temp.main.req_week_inputs');
    await wh.run('drop table if exists temp.main.request_weeks');
  }
}
