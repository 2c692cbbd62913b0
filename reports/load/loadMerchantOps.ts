// Fills MerchantOpsData (and the weekly page's compensation trend) from the govern stage's tables; a missing table
// means a missing section.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import type { CompensationRow, CompensationTrend, MerchantOpsData } from '../reportData.ts';
import { num, numOrNull, strList } from './values.ts';

const sql = (file: string) => readSql(new URL(`../sql/${file}`, import.meta.url));
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));

async function actions(wh: Warehouse, asOf: string): Promise<MerchantOpsData['actions']> {
  if (!(await wh.tableExists('merchant_actions_recommended'))) return null;
  const ran = await wh.scalar<bigint>('select count(*) from merchant_actions_recommended where as_of = $as_of::date', {
    as_of: asOf,
  });
  const scored = (await wh.tableExists('merchant_scorecard'))
    ? await wh.scalar<bigint>('select count(*) from merchant_scorecard where as_of = $as_of::date', { as_of: asOf })
    : 0n;
  if (ran === 0n && scored === 0n) return null;
  const raw = await wh.all(sql('report_merchant_actions.sql'), { as_of: asOf });
  return raw.map((r) => ({
    merchantId: str(r.merchant_id),
    name: str(r.name),
    category: str(r.category),
    level: num(r.level),
    action: str(r.action),
    previousAction: str(r.previous_action),
    targetAction: str(r.target_action),
    change: str(r.change),
    pointsWeek: num(r.points_week),
    pointsActive: num(r.points_active),
    violations: strList(r.violations),
    deadline: r.deadline === null || r.deadline === undefined ? null : String(r.deadline),
  }));
}

async function spotChecks(wh: Warehouse, asOf: string): Promise<MerchantOpsData['spotChecks']> {
  if (!(await wh.tableExists('merchant_spot_checks'))) return null;
  const raw = await wh.all(sql('report_spot_checks.sql'), { as_of: asOf });
  if (raw.length === 0) return null;
  const first = raw[0]!;
  return {
    population: num(first.population),
    riskDraws: num(first.risk_draws),
    randomDraws: num(first.random_draws),
    rows: raw.map((r) => ({
      merchantId: str(r.merchant_id),
      name: str(r.name),
      category: str(r.category),
      stratum: str(r.stratum),
      inclusionProbability: num(r.inclusion_probability),
      risk: num(r.risk),
      trust: numOrNull(r.trust),
      failedStandards: strList(r.failed_standards),
    })),
  };
}

async function standards(wh: Warehouse, asOf: string): Promise<MerchantOpsData['standards']> {
  if (!(await wh.tableExists('merchant_scorecard'))) return null;
  const raw = await wh.all(sql('report_standard_pass_rates.sql'), { as_of: asOf });
  if (raw.length === 0) return null;
  return raw.map((r) => ({
    standard: str(r.standard),
    category: str(r.category),
    direction: str(r.direction),
    limit: num(r.limit_value),
    minCases: num(r.min_cases),
    judged: num(r.judged),
    passed: num(r.passed),
    withinChance: num(r.within_chance),
    tooFew: num(r.too_few),
  }));
}

async function ledger(wh: Warehouse, asOf: string): Promise<CompensationRow[] | null> {
  if (!(await wh.tableExists('merchant_compensation'))) return null;
  const raw = await wh.all(sql('report_compensation_ledger.sql'), { as_of: asOf });
  return raw.map((r) => ({
    asOf: str(r.as_of),
    merchantId: str(r.merchant_id),
    name: str(r.name),
    confirmedAmount: num(r.confirmed_amount),
    confirmedRequests: num(r.confirmed_requests),
    confirmedRequestIds: strList(r.confirmed_request_ids),
    expectedAmount: num(r.expected_amount),
    expectedRequests: num(r.expected_requests),
    expectedRequestIds: strList(r.expected_request_ids),
    cumulativeConfirmed: num(r.cumulative_confirmed),
    cumulativeExpected: num(r.cumulative_expected),
  }));
}

export async function loadMerchantOps(wh: Warehouse, asOf: string): Promise<MerchantOpsData> {
  const acts = await actions(wh, asOf);
  return {
    asOf,
    actions: acts,
    spotChecks: await spotChecks(wh, asOf),
    standards: await standards(wh, asOf),
    ledger: acts === null ? null : await ledger(wh, asOf),
  };
}

/** Weekly totals of the ledger for the weekly trust page; null when the govern stage has never run. */
export async function loadCompensationTrend(
  wh: Warehouse,
  asOf: string,
  weeks: number,
): Promise<CompensationTrend | null> {
  if (!(await wh.tableExists('merchant_compensation'))) return null;
  const raw = await wh.all(sql('report_compensation_trend.sql'), { as_of: asOf, weeks });
  return {
    trend: raw.map((r) => ({
      weekEnd: str(r.week_end),
      confirmed: numOrNull(r.confirmed),
      expected: numOrNull(r.expected),
    })),
  };
}
