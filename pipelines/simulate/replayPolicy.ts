// Replays one policy over sim_context into the temp table sim_outcomes (one row per request and scenario).
import type { DuckDBValue } from '@duckdb/node-api';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { compileRules } from './compileRules.ts';
import type { Policy } from './policy/policySchema.ts';
import { readSql } from '../../data/warehouse/readSql.ts';

export type ReplayablePolicy = Pick<Policy, 'name' | 'rules' | 'default' | 'settings' | 'costs'>;

export async function resetOutcomes(wh: Warehouse): Promise<void> {
  await wh.run('drop table if exists sim_outcomes');
}

async function outcomesExist(wh: Warehouse): Promise<boolean> {
  const n = await wh.scalar<bigint>(
    "select count(*) from duckdb_tables() where table_name = 'sim_outcomes' and temporary",
  );
  return n > 0n;
}

/** Replaces the scenario's rows in sim_outcomes with a fresh replay of the policy. */
export async function replayPolicy(wh: Warehouse, policy: ReplayablePolicy): Promise<void> {
  const compiled = compileRules(policy);
  const s = policy.settings;
  const params: Record<string, DuckDBValue> = {
    ...compiled.params,
    scenario: policy.name,
    capacity: s.reviewCapacityPerWeek ?? null,
    overflow_action: s.overflowAction ?? null,
    deadline_hours: s.merchantResponseHours ?? null,
    abuser_return_rate: s.abuserReturnRate,
    detection_rate: s.reviewDetectionRate,
    return_days: s.returnDays,
    review_days: s.reviewDelayDays,
    return_shipping: policy.costs.returnShipping,
    delay_day_value: policy.costs.honestDelayDay,
    review_cost: policy.costs.manualReview,
    compensation: s.compensation,
  };
  const replay = readSql(new URL('./sql/sim_replay.sql', import.meta.url), {
    rule_index: compiled.ruleIndex,
    action: compiled.action,
    exempt: compiled.exempt,
  });
  const select = `select cast($scenario as varchar) as scenario, * from (${replay})`;
  if (await outcomesExist(wh)) {
    await wh.run('delete from sim_outcomes where scenario = $scenario', { scenario: policy.name });
    await wh.run(`insert into sim_outcomes ${select}`, params);
  } else {
    await wh.run(`create temp table sim_outcomes as ${select}`, params);
  }
}
