// Fills WeeklyTrustData and the data coverage from the contract tables and, where they exist, the score history tables.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { addDays } from '../../data/time/isoDate.ts';
import { MERCHANT_TIERS } from '../../data/vocabulary/tiers.ts';
import type {
  CategoryStats,
  DataCoverage,
  FlaggedCount,
  TierCount,
  WeeklyTrustData,
  WeekStats,
} from '../reportData.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import type { PreviousScores } from './loadComparison.ts';
import { loadMovers } from './loadMovers.ts';
import type { ScoringAccess } from './scoringAccess.ts';
import { num } from './values.ts';
import { weekCoverage } from './weekCoverage.ts';
import { feedWeekCounts } from '../../data/coverage/feedWeekCounts.ts';
import { orderSpan } from '../../data/coverage/orderSpan.ts';
import { FEED_LOOKBACK_WEEKS, withoutLastWeeks } from '../../data/coverage/feedGap.ts';
import { createWeekEndMacro } from './weekEndMacro.ts';

interface ActivityRow {
  week_end: string;
  category: string;
  orders: number;
  gmv: number;
  refund_requests: number;
  refund_only_requests: number;
  loss: number | null;
}

/** Weeks loaded beyond the trend window, so the oldest shown week can still be judged against the weeks before it. */
const COVERAGE_WEEKS = 6;

function weekStats(weekEnd: string, rows: readonly ActivityRow[], lossKnown: boolean): WeekStats {
  const orders = rows.reduce((s, r) => s + r.orders, 0);
  const refundRequests = rows.reduce((s, r) => s + r.refund_requests, 0);
  const refundOnlyRequests = rows.reduce((s, r) => s + r.refund_only_requests, 0);
  return {
    weekStart: addDays(weekEnd, -7),
    weekEnd,
    orders,
    gmv: rows.reduce((s, r) => s + r.gmv, 0),
    refundRequests,
    refundOnlyRequests,
    refundRequestRate: orders ? refundRequests / orders : null,
    refundOnlyShare: refundRequests ? refundOnlyRequests / refundRequests : null,
    estimatedAbuseLoss: lossKnown ? rows.reduce((s, r) => s + (r.loss ?? 0), 0) : null,
  };
}

async function activity(
  wh: Warehouse,
  asOf: string,
  weeks: number,
): Promise<{ rows: ActivityRow[]; firstScore: string | null }> {
  const params = { as_of: asOf, weeks };
  await createWeekEndMacro(wh);
  const raw = await wh.all(readSql(new URL('../sql/report_week_activity.sql', import.meta.url)), params);
  const rows: ActivityRow[] = raw.map((r) => ({
    week_end: String(r.week_end),
    category: String(r.category),
    orders: num(r.orders),
    gmv: num(r.gmv),
    refund_requests: num(r.refund_requests),
    refund_only_requests: num(r.refund_only_requests),
    loss: null,
  }));
  if (!(await wh.tableExists('score_buyer_history'))) return { rows, firstScore: null };
  const firstScore =
    (await wh.scalar<string | null>(readSql(new URL('../sql/report_score_first_week.sql', import.meta.url)))) ?? null;
  const losses = await wh.all(readSql(new URL('../sql/report_abuse_loss.sql', import.meta.url)), params);
  const byKey = new Map(rows.map((r) => [`${r.week_end}|${r.category}`, r]));
  for (const l of losses) {
    const row = byKey.get(`${String(l.week_end)}|${String(l.category)}`);
    if (row) row.loss = num(l.estimated_abuse_loss);
  }
  return { rows, firstScore };
}

/**
 * Last week's abuse loss per category under this week's model: its approved refund-only amounts × the rescored risks.
 */
async function rescoredLoss(wh: Warehouse, weekEnd: string, rows: ActivityRow[], prev: PreviousScores): Promise<void> {
  if (!prev.buyers) return;
  const requests = await wh.all(readSql(new URL('../sql/report_refund_only_week.sql', import.meta.url)), {
    week_end: weekEnd,
  });
  const byCategory = new Map<string, number>();
  for (const r of requests)
    byCategory.set(
      String(r.category),
      (byCategory.get(String(r.category)) ?? 0) + num(r.amount) * (prev.buyers.get(String(r.buyer_id))?.score ?? 0),
    );
  for (const row of rows) if (row.week_end === weekEnd) row.loss = byCategory.get(row.category) ?? 0;
}

async function flaggedCount(wh: Warehouse, asOf: string, prev: PreviousScores): Promise<FlaggedCount | null> {
  if (!(await wh.tableExists('score_buyer_history'))) return null;
  const rows = await wh.all(readSql(new URL('../sql/report_flagged.sql', import.meta.url)), { as_of: asOf });
  const cur = rows.find((r) => r.as_of === asOf);
  if (!cur) return null;
  // The week before is the one loadPreviousScores compares with (the latest buyer score week before asOf).
  const published = rows.find((r) => r.as_of !== asOf);
  const publishedCount = published ? num(published.flagged) : null;
  // Without a rescore, last week's comparable count is the published one.
  const comparable = prev.buyers ? [...prev.buyers.values()].filter((b) => b.tier === 'high').length : publishedCount;
  return { current: num(cur.flagged), previous: comparable, previousPublished: publishedCount };
}

async function merchantTiers(wh: Warehouse, asOf: string, prev: PreviousScores): Promise<TierCount[] | null> {
  if (!(await wh.tableExists('score_merchant_history'))) return null;
  const rows = await wh.all(readSql(new URL('../sql/report_merchant_tiers.sql', import.meta.url)), { as_of: asOf });
  const cur = rows.filter((r) => r.as_of === asOf);
  if (!cur.length) return null;
  const count = (m: PreviousScores['merchants'], tier: string) =>
    m ? [...m.values()].filter((x) => x.tier === tier).length : null;
  const seen = [...rows.map((r) => String(r.tier)), ...[...(prev.merchants?.values() ?? [])].map((m) => m.tier)];
  const tiers = [...MERCHANT_TIERS, ...new Set(seen.filter((t) => !(MERCHANT_TIERS as readonly string[]).includes(t)))];
  return tiers.map((tier) => ({
    tier,
    current: num(cur.find((r) => r.tier === tier)?.merchants ?? 0),
    previous: count(prev.merchants, tier),
    previousPublished: count(prev.merchantsPublished, tier),
  }));
}

export interface WeeklyOptions {
  trendWeeks: number;
  movers: number;
  moverMinOrders: number;
}

export async function loadWeekly(
  wh: Warehouse,
  asOf: string,
  opts: WeeklyOptions,
  prev: PreviousScores,
  access: ScoringAccess | null,
): Promise<{ weekly: WeeklyTrustData; coverage: DataCoverage }> {
  const shown = Math.max(2, opts.trendWeeks);
  const weeks = shown + COVERAGE_WEEKS;
  const { rows, firstScore } = await activity(wh, asOf, weeks);
  const previousEnd = addDays(asOf, -7);
  // Last week is compared under this week's model when it changed (its loss too), as every other comparison is.
  if (
    prev.comparison.rescored &&
    prev.comparison.previousAsOf === previousEnd &&
    prev.comparison.changed.some((c) => c.model === 'abuse-risk')
  ) {
    await rescoredLoss(wh, previousEnd, rows, prev);
  }
  const weekEnds = Array.from({ length: weeks }, (_, i) => addDays(asOf, -7 * (weeks - 1 - i)));
  const lossKnown = (weekEnd: string) => firstScore !== null && firstScore <= weekEnd;
  const all = weekEnds.map((w) =>
    weekStats(
      w,
      rows.filter((r) => r.week_end === w),
      lossKnown(w),
    ),
  );
  const { dataStart, dataEnd } = await orderSpan(wh);
  // each feed's weeks end with this one, as `all` does; the previous week reads them without it
  const feeds = await feedWeekCounts(wh, asOf, FEED_LOOKBACK_WEEKS + 2);
  const coverage: DataCoverage = {
    asOf,
    dataEnd,
    current: weekCoverage(all.at(-1)!, dataEnd, all.slice(0, -1), feeds, dataStart),
    previous: weekCoverage(all.at(-2)!, dataEnd, all.slice(0, -2), withoutLastWeeks(feeds), dataStart),
  };
  const trend = all.slice(-shown);
  const categories: CategoryStats[] = [
    ...new Set(rows.filter((r) => r.week_end === asOf || r.week_end === previousEnd).map((r) => r.category)),
  ]
    .sort()
    .map((category) => ({
      category,
      current: weekStats(
        asOf,
        rows.filter((r) => r.week_end === asOf && r.category === category),
        lossKnown(asOf),
      ),
      previous: weekStats(
        previousEnd,
        rows.filter((r) => r.week_end === previousEnd && r.category === category),
        lossKnown(previousEnd),
      ),
    }));
  const weekly: WeeklyTrustData = {
    asOf,
    current: trend.at(-1)!,
    previous: trend.at(-2)!,
    trend,
    flagged: await flaggedCount(wh, asOf, prev),
    merchantTiers: await merchantTiers(wh, asOf, prev),
    categories,
    movers: await loadMovers(wh, asOf, prev, { n: opts.movers, minOrders: opts.moverMinOrders }, access),
    comparison: prev.comparison,
  };
  return { weekly, coverage };
}
