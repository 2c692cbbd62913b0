// What the history allows this week: how many weeks exist, how many the models and the replay need, and which weeks
// cannot be scored or replayed, with why.
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { addDays, daysBetween } from '../../data/time/isoDate.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { MODEL_SPECS } from '../../models/specs/index.ts';
import { MODEL_NAMES, type ModelName } from '../../models/artifactSchema.ts';
import { historyNeed, historyStart } from '../train/labelReadiness.ts';
import { snapshotPlan } from '../train/snapshotPlan.ts';
import { snapshotWeeks } from '../train/snapshotWeeks.ts';

/** A weekly date left out, and why. */
export interface SkippedWeek {
  week: string;
  reason: string;
}

export interface HistoryCoverage {
  /** First order date, null when the warehouse has none. */
  start: string | null;
  /** Whole weeks of orders before the as-of date. */
  weeks: number;
  /** Weeks of history each model needs to train on this warehouse's own labels (at least / on every snapshot). */
  modelNeeds: Record<ModelName, { minWeeks: number; fullWeeks: number }>;
  /** Weeks the replay covers, plus the week before it whose scores judge its first requests. */
  replayNeeds: number;
}

export async function historyCoverage(wh: Warehouse, asOf: string, config: TrustlensConfig): Promise<HistoryCoverage> {
  const start = await historyStart(wh);
  const weeks = start === null ? 0 : Math.max(0, Math.ceil(daysBetween(start, asOf) / 7));
  const needs: [ModelName, HistoryCoverage['modelNeeds'][ModelName]][] = [];
  for (const m of MODEL_NAMES) {
    const weeks = await snapshotWeeks(wh, MODEL_SPECS[m], asOf, config);
    needs.push([m, historyNeed(snapshotPlan(MODEL_SPECS[m], asOf, config, weeks), asOf)]);
  }
  const modelNeeds = Object.fromEntries(needs) as HistoryCoverage['modelNeeds'];
  return { start, weeks, modelNeeds, replayNeeds: config.simulate.weeks + 1 };
}

/** Splits weekly dates into those with data to score (some order before them) and those before the history starts. */
export function scorableWeeks(
  dates: readonly string[],
  start: string | null,
): { scorable: string[]; skipped: SkippedWeek[] } {
  const reason = start === null ? 'no orders in the warehouse' : `before the first order (${start})`;
  const scorable = dates.filter((d) => start !== null && d > start);
  return { scorable, skipped: dates.filter((d) => !scorable.includes(d)).map((week) => ({ week, reason })) };
}

/** The replayed weeks that had nothing to replay, or whose requests had no buyer score before them, with why. */
export async function unreplayedWeeks(
  wh: Warehouse,
  asOf: string,
  weeks: number,
  start: string | null,
): Promise<SkippedWeek[]> {
  const windowStart = addDays(asOf, -7 * weeks);
  const counts = await wh.all<{ week_start: string; requests: bigint }>(
    readSql(new URL('./sql/replay_week_requests.sql', import.meta.url)),
    {
      window_start: windowStart,
      weeks,
      as_of: asOf,
    },
  );
  const scored = new Set<string>();
  if (await wh.tableExists('score_buyer_history')) {
    const rows = await wh.all<{ d: string }>(
      "select distinct strftime(as_of, '%Y-%m-%d') as d from score_buyer_history",
    );
    for (const r of rows) scored.add(r.d);
  }
  const out: SkippedWeek[] = [];
  for (const c of counts) {
    const n = Number(c.requests);
    const weekEnd = addDays(c.week_start, 7);
    if (n === 0)
      out.push({
        week: c.week_start,
        reason:
          start === null || weekEnd <= start
            ? `before the first order (${start ?? 'none yet'})`
            : 'no refund requests that week',
      });
    else if (!scored.has(c.week_start))
      out.push({
        week: c.week_start,
        reason: `no buyer scores as of ${c.week_start}: ${n} request${n === 1 ? '' : 's'} replayed unscored`,
      });
  }
  return out;
}

/**
 * "2026-08-10 … 2026-10-19 (11 weeks): before the first order (…)", consecutive weeks with the same reason as one
 * range.
 */
export function describeSkipped(weeks: readonly SkippedWeek[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < weeks.length) {
    let j = i;
    while (
      j + 1 < weeks.length &&
      weeks[j + 1]!.reason === weeks[i]!.reason &&
      weeks[j + 1]!.week === addDays(weeks[j]!.week, 7)
    )
      j++;
    const n = j - i + 1;
    out.push(`${n === 1 ? weeks[i]!.week : `${weeks[i]!.week} … ${weeks[j]!.week} (${n} weeks)`}: ${weeks[i]!.reason}`);
    i = j + 1;
  }
  return out;
}
