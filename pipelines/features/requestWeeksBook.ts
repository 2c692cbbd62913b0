// The bookkeeping of feat_request_history (feat_request_weeks): what each stored request week was built from, so a
// run can tell which weeks still hold.
import { listValue } from '@duckdb/node-api';
import { versionsTable, type TableName } from '../../data/contracts/index.ts';
import { PUBLISHED_DATES } from '../../data/warehouse/recordPublish.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { materializeSql } from './materializeSql.ts';
import { REQUEST_INPUT_HISTORIES, REQUEST_LOOKBACK_DAYS } from './requestSources.ts';

export const REQUEST_WEEKS_BOOK = 'feat_request_weeks';

/** The contract tables a request week reads, whose versions tables date every delivery. */
export const REQUEST_CONTRACT_SOURCES = [
  'refund_requests',
  'orders',
  'buyers',
  'reviews',
  'investigations',
] as const satisfies readonly TableName[];

const sql = (file: string, slots: Record<string, string> = {}) =>
  readSql(new URL(`./sql/request_weeks/${file}`, import.meta.url), slots);

/**
 * The newest load batch when the warehouse dates every delivery of the request sources (load_batches and their
 * versions tables), else null: without it no stored week can be shown to still hold.
 */
export async function latestRequestBatch(wh: Warehouse): Promise<number | null> {
  if (!(await wh.tableExists('load_batches'))) return null;
  for (const t of REQUEST_CONTRACT_SOURCES) if (!(await wh.tableExists(versionsTable(t)))) return null;
  return (await wh.scalar<number | null>(sql('req_latest_batch.sql'))) ?? null;
}

/**
 * Builds the temp table req_week_inputs: per week of the temp table request_weeks, the digest of the history dates it
 * reads with their newest publishes.
 */
export async function buildWeekInputs(wh: Warehouse): Promise<void> {
  await wh.run(
    sql((await wh.tableExists(PUBLISHED_DATES)) ? 'req_published_dates.sql' : 'req_published_dates__empty.sql'),
  );
  try {
    await materializeSql(wh, 'req_week_inputs', 'request_weeks/req_week_inputs.sql', {
      histories: listValue([...REQUEST_INPUT_HISTORIES]),
      lookback_days: REQUEST_LOOKBACK_DAYS,
    });
  } finally {
    await wh.run('drop view if exists temp.main.req_published_dates');
  }
}

/**
 * Records the weeks of request_weeks just written to feat_request_history (call inside the transaction that wrote
 * them, so the bookkeeping lands with the rows or not at all).
 */
export async function recordRequestWeeks(wh: Warehouse, fingerprint: string): Promise<void> {
  await buildWeekInputs(wh);
  try {
    await wh.run(readSql(new URL('../../data/warehouse/tables/feat_request_weeks_table.sql', import.meta.url)));
    await wh.run(sql('req_forget_weeks.sql'));
    await wh.run(sql('req_record_weeks.sql'), { fingerprint, batch: await latestRequestBatch(wh) });
  } finally {
    await wh.run('drop table if exists temp.main.req_week_inputs');
  }
}
