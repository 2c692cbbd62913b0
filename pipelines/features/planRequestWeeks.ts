// Which request weeks a run builds: those feat_request_history lacks or cannot show to still hold; the others are read
// as stored, with the rows a build would give them.
import { versionsTable } from '../../data/contracts/index.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { createRequestWeeks, REQUEST_WEEKS } from './requestSources.ts';
import {
  buildWeekInputs,
  latestRequestBatch,
  REQUEST_CONTRACT_SOURCES,
  REQUEST_WEEKS_BOOK,
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

const sql = (file: string, slots: Record<string, string> = {}) =>
  readSql(new URL(`./sql/request_weeks/${file}`, import.meta.url), slots);

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

/** The first week of request_weeks that rows delivered after `batch` may change (req_changed_since.sql), or null. */
async function firstStaleWeek(wh: Warehouse, batch: number): Promise<string | null> {
  const slots = Object.fromEntries(REQUEST_CONTRACT_SOURCES.map((t) => [t, quoteIdent(versionsTable(t))]));
  return wh.scalar<string | null>(sql('req_changed_since.sql', slots), { batch });
}

/**
 * Reads the bookkeeping of `weeks` and returns those to build: never built, built by other code (`fingerprint`),
 * reading a history date published again since, missing rows, or holding requests that rows delivered after its build
 * may change. Without ingest bookkeeping every week is built.
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

  await createRequestWeeks(wh, sorted);
  try {
    await buildWeekInputs(wh);
    const states = await wh.all<WeekState>(sql('req_week_states.sql'));
    // weeks stored at the same batch share one query for the deliveries since
    const firstStale = new Map<number, string | null>();
    const reasons = new Map<string, string>();
    for (const week of states) {
      const problem = storedProblem(week, fingerprint);
      if (problem) {
        reasons.set(week.as_of, problem);
        continue;
      }
      const batch = week.batch_id!;
      if (!firstStale.has(batch)) firstStale.set(batch, await firstStaleWeek(wh, batch));
      const stale = firstStale.get(batch) ?? null;
      if (stale !== null && week.as_of >= stale)
        reasons.set(week.as_of, 'rows delivered after it was built may change its requests');
    }
    return {
      build: sorted.filter((w) => reasons.has(w)),
      kept: sorted.filter((w) => !reasons.has(w)),
      reasons,
    };
  } finally {
    await wh.run('drop table if exists temp.main.req_week_inputs');
    await wh.run(`drop table if exists temp.main.${REQUEST_WEEKS}`);
  }
}
