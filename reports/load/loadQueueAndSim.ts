// Fills RiskQueueData and PolicyImpactData from the score and simulate output tables; a missing table means a missing section.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { PolicyImpactData, RiskQueueData } from '../reportData.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { num, numOrNull, strList } from './values.ts';

export async function loadRiskQueue(wh: Warehouse, asOf: string, capacity: number): Promise<RiskQueueData> {
  if (!(await wh.tableExists('risk_queue_history'))) return { asOf, capacity, rows: null, totalExpectedLoss: null };
  const raw = await wh.all(readSql(new URL('../sql/report_risk_queue.sql', import.meta.url)), { as_of: asOf });
  if (raw.length === 0) return { asOf, capacity, rows: null, totalExpectedLoss: null };
  const total = (await wh.tableExists('score_buyer_history'))
    ? numOrNull(await wh.scalar('select sum(expected_loss) from score_buyer_history where as_of = $as_of::date', { as_of: asOf }))
    : null;
  return {
    asOf,
    capacity,
    totalExpectedLoss: total,
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

export async function loadPolicyImpact(wh: Warehouse, asOf: string, baseline: string): Promise<PolicyImpactData> {
  if (!(await wh.tableExists('sim_results'))) return { asOf, baseline, results: null };
  const raw = await wh.all(readSql(new URL('../sql/report_sim_results.sql', import.meta.url)), { as_of: asOf });
  return {
    asOf,
    baseline,
    results: raw.length
      ? raw.map((r) => ({ scenario: String(r.scenario), segment: String(r.segment), metric: String(r.metric), value: num(r.value), lo: numOrNull(r.lo), hi: numOrNull(r.hi) }))
      : null,
  };
}
