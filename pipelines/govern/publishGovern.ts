// Writes the govern outputs: build tables beside the live ones, then replace the run's weeks in every history table in
// one transaction.
import { LIST, VARCHAR, DuckDBDateValue, type DuckDBAppender } from '@duckdb/node-api';
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
  /** The scorecard weeks computed this run: their rows replace any earlier ones. */
  weeks: readonly string[];
  recommendations: readonly Recommendation[];
  spotChecks: readonly SpotCheckRow[];
  design: { population: number; riskDraws: number; randomDraws: number };
}

const buildName = (t: string) => `${t}__new`;

async function dropBuildTables(wh: Warehouse): Promise<void> {
  for (const t of GOVERN_TABLES) await wh.run(`drop table if exists ${quoteIdent(buildName(t))}`);
}

function date(d: string): DuckDBDateValue {
  return new DuckDBDateValue(Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000));
}

function appendNullable(a: DuckDBAppender, v: number | null): void {
  if (v === null) a.appendNull();
  else a.appendDouble(v);
}

async function stageRecommendations(wh: Warehouse, rows: readonly Recommendation[]): Promise<void> {
  const t = buildName('merchant_actions_recommended');
  await wh.run(`create table ${quoteIdent(t)} as select * from merchant_actions_recommended limit 0`);
  const a = await wh.conn.createAppender(t);
  for (const r of rows) {
    a.appendDate(date(r.asOf));
    a.appendVarchar(r.merchantId);
    a.appendInteger(r.level);
    a.appendVarchar(r.action);
    a.appendVarchar(r.previousAction);
    a.appendVarchar(r.targetAction);
    a.appendVarchar(r.change);
    a.appendDouble(r.pointsWeek);
    a.appendDouble(r.pointsActive);
    a.appendInteger(r.violationCount);
    a.appendList(r.violations, LIST(VARCHAR));
    if (r.deadline === null) a.appendNull();
    else a.appendDate(date(r.deadline));
    a.endRow();
  }
  a.closeSync();
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
 * Everything is built in `<table>__new` first (the scorecard and ledger from the temp tables gov_scorecard and
 * gov_compensation); the history rows of the run's weeks (the spot checks: of the as-of week) are then deleted and
 * inserted in one transaction, so a failure at any point leaves last week's outputs as they were.
 */
export async function publishGovern(wh: Warehouse, input: PublishGovernInput): Promise<void> {
  await dropBuildTables(wh);
  try {
    await wh.run(readSql(new URL('../../data/warehouse/tables/govern_tables.sql', import.meta.url)));
    await wh.run(
      `create table ${quoteIdent(buildName('merchant_scorecard'))} as select * from merchant_scorecard limit 0;` +
        `insert into ${quoteIdent(buildName('merchant_scorecard'))} by name ` +
        'select as_of, merchant_id, main_category, area, standard, value, cases, failed as failed_cases, direction, limit_value, min_cases, category_median, verdict, points from gov_scorecard',
    );
    await stageRecommendations(wh, input.recommendations);
    await stageSpotChecks(wh, input);
    await wh.run(
      `create table ${quoteIdent(buildName('merchant_compensation'))} as select * from merchant_compensation limit 0;` +
        `insert into ${quoteIdent(buildName('merchant_compensation'))} by name select * from gov_compensation`,
    );
    const first = input.weeks[0]!;
    await wh.transaction(async () => {
      for (const t of GOVERN_TABLES) {
        const from = t === 'merchant_spot_checks' ? input.asOf : first;
        await wh.run(`delete from ${quoteIdent(t)} where as_of between $from::date and $to::date`, {
          from,
          to: input.asOf,
        });
        await wh.run(`insert into ${quoteIdent(t)} by name select * from ${quoteIdent(buildName(t))}`);
      }
    });
  } finally {
    await dropBuildTables(wh);
  }
}
