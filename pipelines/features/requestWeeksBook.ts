// The bookkeeping of feat_request_history (feat_request_weeks): what each stored request week was built from, so a
// run rebuilds only the weeks whose inputs changed since and reads the others as stored.
import { createHash } from 'node:crypto';
import { listValue } from '@duckdb/node-api';
import { TABLE_NAMES, versionsTable, type TableName } from '../../data/contracts/index.ts';
import { PUBLISHED_DATES } from '../../data/warehouse/publishDated.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { materializeSql } from './materializeSql.ts';

export const REQUEST_WEEKS_BOOK = 'feat_request_weeks';

/** The history tables a request week reads dates of (35 days before it): their publishes are its inputs. */
export const REQUEST_INPUT_HISTORIES = [
  'feat_buyer_history',
  'feat_merchant_history',
  'score_buyer_history',
  'score_merchant_history',
  'buyer_groups',
] as const;

/** The contract tables a request week reads, whose versions tables date every delivery. */
const REQUEST_SOURCES = [
  'refund_requests',
  'orders',
  'buyers',
  'reviews',
  'investigations',
] as const satisfies readonly TableName[];

const sqlFile = (name: string) => new URL(`./sql/${name}`, import.meta.url);

/**
 * sha256 over the text of the request models' SQL (and of the digest's): a week stored by other code is built again.
 * `modelFiles` are paths under pipelines/features/sql/.
 */
export function requestFingerprint(modelFiles: readonly string[]): string {
  const hash = createHash('sha256');
  for (const file of [...modelFiles, 'request_weeks/req_week_inputs.sql'])
    hash.update(`\u0000${file}\u0000${readSql(sqlFile(file))}`);
  return hash.digest('hex');
}

/** The stand-in for published_dates while no publish has recorded itself (every date reads as never published). */
export async function createPublishedDatesView(wh: Warehouse): Promise<void> {
  const source = (await wh.tableExists(PUBLISHED_DATES))
    ? `select history, as_of, generation from ${PUBLISHED_DATES}`
    : 'select null::varchar as history, null::date as as_of, null::bigint as generation where false';
  await wh.run(`create or replace temp view req_published_dates as ${source}`);
}

/**
 * The newest load batch when the warehouse dates every delivery of the request sources (load_batches and their
 * versions tables), else null: without it no stored week can be shown to still hold.
 */
export async function latestRequestBatch(wh: Warehouse): Promise<number | null> {
  if (!(await wh.tableExists('load_batches'))) return null;
  for (const t of REQUEST_SOURCES) if (!(await wh.tableExists(versionsTable(t)))) return null;
  const batch = await wh.scalar<number | null>('select max(batch_id)::integer from load_batches');
  return batch ?? null;
}

/**
 * The earliest request time that rows delivered after `batch` may change (req_changed_since.sql), or null when nothing
 * delivered since can change a week.
 */
export async function requestsChangedSince(wh: Warehouse, batch: number): Promise<string | null> {
  const slots = Object.fromEntries(
    TABLE_NAMES.filter((t) => (REQUEST_SOURCES as readonly string[]).includes(t)).map((t) => [
      t,
      quoteIdent(versionsTable(t)),
    ]),
  );
  const sql = readSql(sqlFile('request_weeks/req_changed_since.sql'), slots);
  return wh.scalar<string | null>(`select strftime(changed_at, '%Y-%m-%d %H:%M:%S') from (${sql})`, { batch });
}

/**
 * Builds req_week_inputs: per week of the temp table request_weeks, the digest of the history dates it reads. Needs
 * createPublishedDatesView first.
 */
export async function buildWeekInputs(wh: Warehouse): Promise<void> {
  await materializeSql(wh, 'req_week_inputs', 'request_weeks/req_week_inputs.sql', {
    histories: listValue([...REQUEST_INPUT_HISTORIES]),
  });
}

/**
 * Records the weeks of request_weeks just written to feat_request_history (call inside the transaction that wrote
 * them): the code's fingerprint, the newest load batch, the digest of the history dates read and the rows written.
 */
export async function recordRequestWeeks(wh: Warehouse, fingerprint: string): Promise<void> {
  await createPublishedDatesView(wh);
  await buildWeekInputs(wh);
  const batch = await latestRequestBatch(wh);
  await wh.run(
    `create table if not exists ${REQUEST_WEEKS_BOOK} (as_of date not null, fingerprint varchar not null, batch_id integer, inputs varchar not null, request_rows bigint not null)`,
  );
  await wh.run(`delete from ${REQUEST_WEEKS_BOOK} where as_of in (select as_of from request_weeks)`);
  await wh.run(
    `insert into ${REQUEST_WEEKS_BOOK}
     select i.as_of, $fingerprint, $batch::integer, i.inputs,
            (select count(*) from feat_request_history as h where h.as_of = i.as_of)
     from req_week_inputs as i`,
    { fingerprint, batch },
  );
  await wh.run('drop table if exists temp.main.req_week_inputs');
}
