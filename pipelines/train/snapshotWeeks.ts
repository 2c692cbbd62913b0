// How many weekly snapshots a model trains and validates on: its spec's or the config's, fewer for a spec with
// snapshotRows once the newest weeks hold that many rows.
import { listValue } from '@duckdb/node-api';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';
import { snapshotPlan } from './snapshotPlan.ts';

/**
 * The spec's snapshotWeeks (else config training.snapshotWeeks). With snapshotRows, the fewest of the newest of those
 * weeks, at least config training.snapshotWeeks, that hold snapshotRows refund requests between them; all of them when
 * none do. Counted on the warehouse as it is, before any snapshot is built, so a week's training and the snapshots
 * built for it ahead (replayProofNeeds.ts) agree.
 */
export async function snapshotWeeks(
  wh: Warehouse,
  spec: ModelSpec,
  asOf: string,
  config: TrustlensConfig,
): Promise<number> {
  const most = spec.snapshotWeeks ?? config.training.snapshotWeeks;
  // the spec schema lets only a request model set snapshotRows
  if (spec.snapshotRows === undefined) return most;
  const least = Math.min(config.training.snapshotWeeks, most);
  if (!(await wh.tableExists('refund_requests'))) return most;
  const plan = snapshotPlan(spec, asOf, config, most);
  const dates = [...plan.training, ...plan.validation];
  const rows = await wh.all<{ as_of: string; requests: bigint }>(
    readSql(new URL('./sql/request_week_rows.sql', import.meta.url)),
    { dates: listValue(dates) },
  );
  const byDate = new Map(rows.map((r) => [r.as_of, Number(r.requests)]));
  let held = 0;
  for (let weeks = 1; weeks <= dates.length; weeks++) {
    held += byDate.get(dates[dates.length - weeks]!) ?? 0;
    if (weeks >= least && held >= spec.snapshotRows) return weeks;
  }
  return most;
}
