// Writes the govern outputs: build tables beside the live ones, then, in one transaction, the scorecard weeks computed,
// the recommendations of the weeks not yet published, this week's spot checks and the restated ledger.
import {
  DATE,
  DOUBLE,
  INTEGER,
  LIST,
  VARCHAR,
  DuckDBDateValue,
  listValue,
  type DuckDBAppender,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import { appendColumns } from '../../data/warehouse/appendColumns.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import type { Recommendation } from './ladder/applyLadder.ts';

export const GOVERN_TABLES = [
  'merchant_scorecard',
  'merchant_actions_recommended',
  'merchant_spot_checks',
  'merchant_compensation',
] as const;

/** Bookkeeping of the history weeks the govern tables hold (planScorecards.ts reads it). */
export const GOVERN_WEEKS = 'govern_weeks';

export interface SpotCheckRow {
  merchantId: string;
  stratum: string;
  inclusionProbability: number;
  risk: number;
  trust: number | null;
  standardsFailed: number;
  failedStandards: string[];
}

export interface PublishGovernInput {
  asOf: string;
  /** The history weeks, oldest first: the ledger over them is replaced. */
  weeks: readonly string[];
  /** The weeks of `weeks` whose scorecards were computed (gov_scorecard, gov_computed_weeks); the others are kept. */
  computed: readonly string[];
  /** The weeks of `weeks` whose recommendations an earlier run published: they are kept. */
  published: readonly string[];
  /** The ladder's rows of the other weeks (the as-of week's at least). */
  recommendations: readonly Recommendation[];
  spotChecks: readonly SpotCheckRow[];
  design: { population: number; riskDraws: number; randomDraws: number };
}

const buildName = (t: string) => `${t}__new`;

async function dropBuildTables(wh: Warehouse): Promise<void> {
  for (const t of [...GOVERN_TABLES, GOVERN_WEEKS]) await wh.run(`drop table if exists ${quoteIdent(buildName(t))}`);
}

/** Creates the govern tables a warehouse lacks (the bookkeeping table is newer than the four outputs). */
export async function ensureGovernTables(wh: Warehouse): Promise<void> {
  await wh.run(readSql(new URL('../../data/warehouse/tables/govern_tables.sql', import.meta.url)));
}

function date(d: string): DuckDBDateValue {
  return new DuckDBDateValue(Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000));
}

function appendNullable(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendDouble(v);
}

/**
 * A first run (or --full) writes every history week's rows, some 650,000 with 2.4 million violation lines at 50,000
 * merchants: column by column in data chunks this takes half the time and memory of the row-by-row appender.
 */
async function stageRecommendations(wh: Warehouse, rows: readonly Recommendation[]): Promise<void> {
  const t = buildName('merchant_actions_recommended');
  await wh.run(`create table ${quoteIdent(t)} as select * from merchant_actions_recommended limit 0`);
  const column = (type: DuckDBType, value: (r: Recommendation) => DuckDBValue) => ({ type, values: rows.map(value) });
  // merchant_actions_recommended's columns, in table order
  await appendColumns(wh, t, [
    column(DATE, (r) => date(r.asOf)),
    column(VARCHAR, (r) => r.merchantId),
    column(INTEGER, (r) => r.level),
    column(VARCHAR, (r) => r.action),
    column(VARCHAR, (r) => r.previousAction),
    column(VARCHAR, (r) => r.targetAction),
    column(VARCHAR, (r) => r.change),
    column(DOUBLE, (r) => r.pointsWeek),
    column(DOUBLE, (r) => r.pointsActive),
    column(INTEGER, (r) => r.violationCount),
    column(LIST(VARCHAR), (r) => listValue(r.violations)),
    column(DATE, (r) => (r.deadline === null ? null : date(r.deadline))),
  ]);
}

async function stageSpotChecks(wh: Warehouse, input: PublishGovernInput): Promise<void> {
  const t = buildName('merchant_spot_checks');
  await wh.run(`create table ${quoteIdent(t)} as select * from merchant_spot_checks limit 0`);
  const a = await wh.conn.createAppender(t);
  for (const r of input.spotChecks) {
    a.appendDate(date(input.asOf));
    a.appendVarchar(r.merchantId);
    a.appendVarchar(r.stratum);
    a.appendDouble(r.inclusionProbability);
    a.appendDouble(r.risk);
    appendNullable(a, r.trust);
    a.appendInteger(r.standardsFailed);
    a.appendList(r.failedStandards, LIST(VARCHAR));
    a.appendInteger(input.design.population);
    a.appendInteger(input.design.riskDraws);
    a.appendInteger(input.design.randomDraws);
    a.endRow();
  }
  a.closeSync();
}

/**
 * Copies a query into a temp `<table>__new` with the live table's columns, so a bad row fails before the swap. Temp: a
 * first run's 26 weeks of scorecards (8.9M rows at 10M orders) are written to the warehouse once, by the swap, not
 * twice (publish 16.9–19.1 s → 12.9–14.4 s).
 */
async function stageFrom(wh: Warehouse, table: string, select: string): Promise<void> {
  const t = quoteIdent(buildName(table));
  await wh.run(
    `create temp table ${t} as select * from ${quoteIdent(table)} limit 0;` + `insert into ${t} by name ${select}`,
  );
}

/** Deletes the rows of [from, to] but those of the weeks kept, and inserts the staged rows. */
async function replaceWeeks(
  wh: Warehouse,
  table: string,
  range: { from: string; to: string },
  kept: readonly string[],
): Promise<void> {
  const t = quoteIdent(table);
  // an empty list binds with no item type, which DuckDB refuses: without weeks to keep, the plain range
  if (kept.length === 0) await wh.run(`delete from ${t} where as_of between $from::date and $to::date`, range);
  else
    await wh.run(
      `delete from ${t} where as_of between $from::date and $to::date and not list_contains($kept::date[], as_of)`,
      { ...range, kept: listValue([...kept]) },
    );
  await wh.run(`insert into ${t} by name select * from ${quoteIdent(buildName(table))}`);
}

/**
 * The ledger weeks of the range a later run already restated (known_as_of after asOf): a rerun of an older week keeps
 * them, since its own restatement knows less (verdicts that arrived since would fall back to expected). Their staged
 * rows are dropped, so replaceWeeks keeps the stored ones.
 */
async function ledgerWeeksKnownLater(
  wh: Warehouse,
  range: { from: string; to: string },
  asOf: string,
): Promise<string[]> {
  const weeks = (
    await wh.all<{ week: string }>(
      `select distinct strftime(as_of, '%Y-%m-%d') as week from merchant_compensation
       where as_of between $from::date and $to::date and known_as_of > $as_of::date order by week`,
      { ...range, as_of: asOf },
    )
  ).map((r) => r.week);
  if (weeks.length > 0)
    await wh.run(
      `delete from ${quoteIdent(buildName('merchant_compensation'))} where list_contains($weeks::date[], as_of)`,
      {
        weeks: listValue(weeks),
      },
    );
  return weeks;
}

/**
 * Everything is built in `<table>__new` first; then, in one transaction, between the first history week and the
 * as-of date: the scorecard rows and bookkeeping of the computed weeks replace theirs and the other history weeks keep
 * theirs; the recommendations of the weeks not yet published are written and the published ones kept; the spot checks
 * of the as-of week and the ledger of the history weeks are replaced, but for weeks a later run restated. A date in
 * that range that is no history week is cleared, as before. A failure at any point leaves last week's outputs as they
 * were.
 */
export async function publishGovern(wh: Warehouse, input: PublishGovernInput): Promise<void> {
  await dropBuildTables(wh);
  try {
    await ensureGovernTables(wh);
    await stageFrom(
      wh,
      'merchant_scorecard',
      'select as_of, merchant_id, main_category, area, standard, value, cases, failed as failed_cases, direction, limit_value, min_cases, category_median, verdict, points from gov_scorecard',
    );
    await stageFrom(wh, GOVERN_WEEKS, 'select * from gov_computed_weeks');
    await stageRecommendations(wh, input.recommendations);
    await stageSpotChecks(wh, input);
    await stageFrom(wh, 'merchant_compensation', 'select * from gov_compensation');
    const range = { from: input.weeks[0]!, to: input.asOf };
    const notComputed = input.weeks.filter((w) => !input.computed.includes(w));
    const restatedLater = await ledgerWeeksKnownLater(wh, range, input.asOf);
    await wh.transaction(async () => {
      await replaceWeeks(wh, 'merchant_scorecard', range, notComputed);
      await replaceWeeks(wh, GOVERN_WEEKS, range, notComputed);
      await replaceWeeks(wh, 'merchant_actions_recommended', range, input.published);
      await replaceWeeks(wh, 'merchant_spot_checks', { from: input.asOf, to: input.asOf }, []);
      await replaceWeeks(wh, 'merchant_compensation', range, restatedLater);
    });
  } finally {
    await dropBuildTables(wh);
  }
}
