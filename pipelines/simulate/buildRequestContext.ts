// Builds the temp table sim_context: every refund request in the window with its point-in-time scores, group and
// labels.
import type { Logger } from '../../data/log/Logger.ts';
import { createKnownRowsMacros } from '../../data/warehouse/knownRows.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { requireTables } from '../cli/stageTables.ts';
import { weeksEnding } from '../../data/time/isoDate.ts';
import { REQUEST_SCORES_TABLE, scoreRequestWeeks } from '../score/scoreRequests.ts';

export interface ContextOptions {
  /** The window ends just before this date (YYYY-MM-DD). */
  asOf: string;
  weeks: number;
  log?: Logger;
  /**
   * Where the request-risk artifacts are: each week's requests get their request risk from the model available then.
   * Absent: request_risk is unknown.
   */
  artifactsDir?: string;
}

export interface ContextSummary {
  windowStart: string;
  requests: number;
  unscored: number;
  /** Requests without a request risk (no request-risk model on or before their week, or none asked for). */
  requestUnscored: number;
}

/** Stand-ins, with the columns the context reads, for score and group tables another stage has not written yet. */
const OPTIONAL_SOURCES = [
  {
    view: 'sim_buyer_scores',
    table: 'score_buyer_history',
    empty:
      'select null::date as as_of, null::varchar as buyer_id, null::double as risk, null::varchar as tier where false',
  },
  {
    view: 'sim_merchant_scores',
    table: 'score_merchant_history',
    empty:
      'select null::date as as_of, null::varchar as merchant_id, null::double as trust, null::varchar as tier where false',
  },
  {
    view: 'sim_buyer_groups',
    table: 'buyer_groups',
    empty: 'select null::date as as_of, null::varchar as group_id, null::varchar as buyer_id where false',
  },
] as const;

/** The request weeks (their end dates) the replay of `weeks` weeks before asOf reads, oldest first. */
export function replayWeeks(asOf: string, weeks: number): string[] {
  return weeksEnding(asOf, weeks);
}

export function windowStart(asOf: string, weeks: number): string {
  const d = new Date(`${asOf}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 7 * weeks);
  return d.toISOString().slice(0, 10);
}

export async function buildRequestContext(wh: Warehouse, options: ContextOptions): Promise<ContextSummary> {
  await requireTables(wh, 'simulate');
  for (const src of OPTIONAL_SOURCES) {
    const exists = await wh.tableExists(src.table);
    if (!exists)
      options.log?.warn(
        `no ${src.table} table: ${src.view === 'sim_buyer_groups' ? 'every buyer is treated as a group of one; run `trustlens features` first' : 'requests count as unscored; run `trustlens score` first for score-based rules'}`,
      );
    // The table names are constants of this module, not user text.
    await wh.run(`create or replace temp view ${src.view} as ${exists ? `select * from ${src.table}` : src.empty}`);
  }
  if (options.artifactsDir !== undefined && (await wh.tableExists('feat_buyer_history'))) {
    await scoreRequestWeeks(wh, replayWeeks(options.asOf, options.weeks), options.artifactsDir, options.log);
    await wh.run(
      `create or replace temp view sim_request_scores as select request_id, request_risk from ${REQUEST_SCORES_TABLE}`,
    );
  } else {
    await wh.run(
      'create or replace temp view sim_request_scores as select null::varchar as request_id, null::double as request_risk where false',
    );
  }
  const start = windowStart(options.asOf, options.weeks);
  await createKnownRowsMacros(wh, options.asOf);
  await wh.run(
    `create or replace temp table sim_context as ${readSql(new URL('./sql/sim_context.sql', import.meta.url))}`,
    { as_of: options.asOf, window_start: start },
  );
  const [row] = await wh.all<{ requests: bigint; unscored: bigint; request_unscored: bigint }>(
    'select count(*) as requests, count(*) filter (where buyer_risk is null) as unscored, count(*) filter (where request_risk is null) as request_unscored from sim_context',
  );
  return {
    windowStart: start,
    requests: Number(row?.requests ?? 0n),
    unscored: Number(row?.unscored ?? 0n),
    requestUnscored: Number(row?.request_unscored ?? 0n),
  };
}
