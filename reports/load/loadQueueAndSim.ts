// Fills RiskQueueData and PolicyImpactData from the score and simulate output tables; a missing table means a missing
// section.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { addDays } from '../../data/time/isoDate.ts';
import type {
  PolicyImpactData,
  RiskQueueData,
  RiskQueueHandledRow,
  RiskQueueSummary,
  ScenarioInfo,
} from '../reportData.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { num, numOrNull, strList } from './values.ts';
import { createWeekEndMacro } from './weekEndMacro.ts';

export async function loadRiskQueue(wh: Warehouse, asOf: string, capacity: number): Promise<RiskQueueData> {
  if (!(await wh.tableExists('risk_queue_history')))
    return { asOf, capacity, rows: null, totalExpectedLoss: null, handled: null };
  const raw = await wh.all(readSql(new URL('../sql/report_risk_queue.sql', import.meta.url)), { as_of: asOf });
  // An empty queue is a result when the score stage stored why (every account below the floors or already handled).
  const summary = await loadQueueSummary(wh, asOf);
  if (raw.length === 0 && !summary) return { asOf, capacity, rows: null, totalExpectedLoss: null, handled: null };
  const total = (await wh.tableExists('score_buyer_history'))
    ? numOrNull(
        await wh.scalar('select sum(expected_loss) from score_buyer_history where as_of = $as_of::date', {
          as_of: asOf,
        }),
      )
    : null;
  return {
    asOf,
    capacity,
    totalExpectedLoss: total,
    handled: await loadHandled(wh, asOf),
    summary,
    rows: raw.map((r) => ({
      rank: num(r.rank),
      buyerId: String(r.buyer_id),
      risk: num(r.risk),
      tier: String(r.tier),
      expectedLoss: num(r.expected_loss),
      refundOnlyAmount30d: num(r.refund_only_amount_30d),
      reasons: strList(r.reasons),
      groupId: r.group_id === null || r.group_id === undefined ? null : String(r.group_id),
      groupSize: num(r.group_size),
      groupMembers: strList(r.group_members),
      groupConfirmedAbusers: num(r.group_confirmed_abusers),
    })),
  };
}

async function loadHandled(wh: Warehouse, asOf: string): Promise<RiskQueueHandledRow[] | null> {
  if (!(await wh.tableExists('risk_queue_handled_history'))) return null;
  const raw = await wh.all(readSql(new URL('../sql/report_risk_queue_handled.sql', import.meta.url)), { as_of: asOf });
  return raw.map((r) => ({
    rank: num(r.rank),
    buyerId: String(r.buyer_id),
    risk: num(r.risk),
    tier: String(r.tier),
    expectedLoss: num(r.expected_loss),
    reasons: strList(r.reasons),
    handledAs: String(r.handled_as),
    handledSince: String(r.handled_since),
    caseId: String(r.case_id),
  }));
}

async function loadQueueSummary(wh: Warehouse, asOf: string): Promise<RiskQueueSummary | null> {
  if (!(await wh.tableExists('risk_queue_summary_history'))) return null;
  const [r] = await wh.all('select * from risk_queue_summary_history where as_of = $as_of::date', { as_of: asOf });
  if (!r) return null;
  return {
    capacity: num(r.capacity),
    queued: num(r.queued),
    handled: num(r.handled),
    belowRiskFloor: num(r.below_risk_floor),
    belowLossFloor: num(r.below_loss_floor),
    minRisk: num(r.min_risk),
    minExpectedLoss: num(r.min_expected_loss),
  };
}

/** `weeks` is the replay window the simulate stage used (config simulate.weeks). */
export async function loadPolicyImpact(
  wh: Warehouse,
  asOf: string,
  baseline: string,
  scenarios: ScenarioInfo[],
  weeks: number,
): Promise<PolicyImpactData> {
  if (!(await wh.tableExists('sim_results'))) return { asOf, baseline, results: null, scenarios, window: null };
  const raw = await wh.all(readSql(new URL('../sql/report_sim_results.sql', import.meta.url)), { as_of: asOf });
  await createWeekEndMacro(wh);
  const perWeek = await wh.all(readSql(new URL('../sql/report_replay_weeks.sql', import.meta.url)), {
    as_of: asOf,
    weeks,
  });
  return {
    asOf,
    baseline,
    scenarios,
    window: {
      from: addDays(asOf, -7 * weeks),
      to: asOf,
      weeks: perWeek.map((w) => ({ weekEnd: String(w.week_end), requests: num(w.requests) })),
    },
    results: raw.length
      ? raw.map((r) => ({
          scenario: String(r.scenario),
          segment: String(r.segment),
          metric: String(r.metric),
          value: num(r.value),
          lo: numOrNull(r.lo),
          hi: numOrNull(r.hi),
        }))
      : null,
  };
}
