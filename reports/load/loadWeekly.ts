// Fills WeeklyTrustData from the contract tables and, where they exist, the score history tables.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { addDays } from '../../data/time/isoDate.ts';
import { MERCHANT_TIERS } from '../../data/vocabulary/tiers.ts';
import type {
  CategoryStats,
  MerchantMove,
  ModelChangeMoves,
  TierCount,
  WeeklyTrustData,
  WeekStats,
} from '../reportData.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { num, strList } from './values.ts';

interface ActivityRow {
  week_end: string;
  category: string;
  orders: number;
  gmv: number;
  refund_requests: number;
  refund_only_requests: number;
  loss: number | null;
}

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

async function tiersAndFlagged(
  wh: Warehouse,
  asOf: string,
): Promise<Pick<WeeklyTrustData, 'flagged' | 'merchantTiers'>> {
  let flagged: WeeklyTrustData['flagged'] = null;
  if (await wh.tableExists('score_buyer_history')) {
    const rows = await wh.all(readSql(new URL('../sql/report_flagged.sql', import.meta.url)), { as_of: asOf });
    const cur = rows.find((r) => r.as_of === asOf);
    const prev = rows.find((r) => r.as_of !== asOf);
    if (cur) flagged = { current: num(cur.flagged), previous: prev ? num(prev.flagged) : null };
  }
  let merchantTiers: TierCount[] | null = null;
  if (await wh.tableExists('score_merchant_history')) {
    const rows = await wh.all(readSql(new URL('../sql/report_merchant_tiers.sql', import.meta.url)), { as_of: asOf });
    const cur = rows.filter((r) => r.as_of === asOf);
    if (cur.length) {
      const prev = rows.filter((r) => r.as_of !== asOf);
      const tiers = [
        ...MERCHANT_TIERS,
        ...new Set(rows.map((r) => String(r.tier)).filter((t) => !(MERCHANT_TIERS as readonly string[]).includes(t))),
      ];
      merchantTiers = tiers.map((tier) => ({
        tier,
        current: num(cur.find((r) => r.tier === tier)?.merchants ?? 0),
        previous: prev.length ? num(prev.find((r) => r.tier === tier)?.merchants ?? 0) : null,
      }));
    }
  }
  return { flagged, merchantTiers };
}

/** Causes of this week's tier moves (score_merchant_moves_history), by merchant. */
async function moveCauses(
  wh: Warehouse,
  asOf: string,
): Promise<{ causes: Map<string, 'model' | 'data'>; change: ModelChangeMoves | null }> {
  if (!(await wh.tableExists('score_merchant_moves_history'))) return { causes: new Map(), change: null };
  const rows = await wh.all(readSql(new URL('../sql/report_merchant_moves.sql', import.meta.url)), { as_of: asOf });
  const causes = new Map(
    rows.map((r) => [String(r.merchant_id), r.cause === 'model' ? ('model' as const) : ('data' as const)]),
  );
  const retrained = rows.find((r) => r.previous_model_date !== r.model_date);
  const change = retrained
    ? {
        previousModelDate: String(retrained.previous_model_date),
        modelDate: String(retrained.model_date),
        byModel: rows.filter((r) => r.cause === 'model').length,
        byData: rows.filter((r) => r.cause !== 'model').length,
      }
    : null;
  return { causes, change };
}

async function movers(
  wh: Warehouse,
  asOf: string,
  n: number,
  causes: ReadonlyMap<string, 'model' | 'data'>,
): Promise<WeeklyTrustData['movers']> {
  if (!(await wh.tableExists('score_merchant_history'))) return null;
  const rows = await wh.all(readSql(new URL('../sql/report_merchant_movers.sql', import.meta.url)), { as_of: asOf, n });
  if (rows.length === 0) return null;
  const toMove = (r: Record<string, unknown>): MerchantMove => ({
    merchantId: String(r.merchant_id),
    name: String(r.name),
    category: String(r.category),
    trustBefore: num(r.trust_before),
    trustNow: num(r.trust_now),
    tierBefore: String(r.tier_before),
    tierNow: String(r.tier_now),
    reasons: strList(r.reasons),
    ...(causes.has(String(r.merchant_id)) ? { moveCause: causes.get(String(r.merchant_id))! } : {}),
  });
  return {
    previousAsOf: String(rows[0]?.previous_as_of),
    fallers: rows.filter((r) => num(r.change) < 0 && num(r.fall_rank) <= n).map(toMove),
    risers: rows
      .filter((r) => num(r.change) > 0 && num(r.rise_rank) <= n)
      .sort((a, b) => num(b.change) - num(a.change))
      .map(toMove),
  };
}

export interface WeeklyOptions {
  trendWeeks: number;
  movers: number;
}

export async function loadWeekly(
  wh: Warehouse,
  asOf: string,
  opts: WeeklyOptions,
): Promise<Omit<WeeklyTrustData, 'settings'>> {
  const weeks = Math.max(2, opts.trendWeeks);
  const moves = await moveCauses(wh, asOf);
  const { rows, firstScore } = await activity(wh, asOf, weeks);
  const weekEnds = Array.from({ length: weeks }, (_, i) => addDays(asOf, -7 * (weeks - 1 - i)));
  const lossKnown = (weekEnd: string) => firstScore !== null && firstScore <= weekEnd;
  const trend = weekEnds.map((w) =>
    weekStats(
      w,
      rows.filter((r) => r.week_end === w),
      lossKnown(w),
    ),
  );
  const previousEnd = addDays(asOf, -7);
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
  return {
    asOf,
    current: trend[trend.length - 1] as WeekStats,
    previous: trend[trend.length - 2] as WeekStats,
    trend,
    ...(await tiersAndFlagged(wh, asOf)),
    categories,
    movers: await movers(wh, asOf, opts.movers, moves.causes),
    ...(moves.change ? { modelChange: moves.change } : {}),
  };
}
