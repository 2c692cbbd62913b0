// What the request-feature models read: their SQL files, the tables they need, the stand-ins for tables a later stage
// writes, and the history tables (with the days before a week) whose dates a week's rows come from.
import { listValue } from '@duckdb/node-api';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

/**
 * The layered models of feat_request, in order: staging → intermediate → features (files under
 * pipelines/features/sql/).
 */
export const REQUEST_MODELS = [
  { name: 'stg_requests_made', file: 'staging/stg_requests_made.sql' },
  { name: 'int_requests_made_enriched', file: 'intermediate/int_requests_made_enriched.sql' },
  { name: 'int_requests_made_grouped', file: 'intermediate/int_requests_made_grouped.sql' },
  { name: 'build_feat_request', file: 'features/feat_request.sql' },
] as const;

/**
 * A week reads the snapshots, scores and groups dated in the days before it (bound as $lookback_days): weekly runs
 * leave none older as the latest.
 */
export const REQUEST_LOOKBACK_DAYS = 35;

/**
 * Stand-ins, with the columns feat_request reads, for tables a later stage writes (a request before any score has
 * none).
 */
export const REQUEST_OPTIONAL_SOURCES = [
  {
    view: 'req_buyer_scores',
    table: 'score_buyer_history',
    empty: 'select null::date as as_of, null::varchar as buyer_id, null::double as risk where false',
  },
  {
    view: 'req_merchant_scores',
    table: 'score_merchant_history',
    empty: 'select null::date as as_of, null::varchar as merchant_id, null::double as trust where false',
  },
  {
    view: 'req_buyer_groups',
    table: 'buyer_groups',
    empty: 'select null::date as as_of, null::varchar as group_id, null::varchar as buyer_id where false',
  },
] as const;

export const REQUEST_REQUIRED = [
  'refund_requests',
  'orders',
  'buyers',
  'reviews',
  'investigations',
  'feat_buyer_history',
  'feat_merchant_history',
] as const;

/** The week ends a build computes, one row each (column as_of): every model carries as_of through its joins. */
export const REQUEST_WEEKS = 'request_weeks';

/** (Re)creates the temp table request_weeks of `dates` (YYYY-MM-DD): the request models and bookkeeping read it. */
export async function createRequestWeeks(wh: Warehouse, dates: readonly string[]): Promise<void> {
  await wh.run(`create or replace temp table ${REQUEST_WEEKS} as select unnest($dates::date[]) as as_of`, {
    dates: listValue([...dates]),
  });
}

/** (Re)creates the req_* views over the optional sources, or their empty stand-ins. */
export async function createRequestSourceViews(wh: Warehouse): Promise<void> {
  for (const src of REQUEST_OPTIONAL_SOURCES) {
    // Names are constants of this module, never user text.
    await wh.run(
      `create or replace temp view ${src.view} as ${(await wh.tableExists(src.table)) ? `select * from ${src.table}` : src.empty}`,
    );
  }
}

/**
 * The history tables a week reads dates of within REQUEST_LOOKBACK_DAYS (the snapshots it needs and the optional
 * sources behind the stand-ins): their publishes are the week's inputs.
 */
export const REQUEST_INPUT_HISTORIES: readonly string[] = [
  ...REQUEST_REQUIRED.filter((t) => t.endsWith('_history')),
  ...REQUEST_OPTIONAL_SOURCES.map((s) => s.table),
];
