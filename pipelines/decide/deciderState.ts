// What the decision service holds in memory for one scored week: buyers, merchants, recent orders, groups, verdicts,
// the request model.
import { UserError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { addDays } from '../../data/time/isoDate.ts';
import { artifactDates, readArtifact } from '../../models/registry/artifactStore.ts';
import { REQUEST_HISTORY } from '../features/buildRequestFeatures.ts';
import { REQUEST_FEATURES, type BuyerSnapshot, type MerchantSnapshot, type OrderFacts } from './requestFeatures.ts';
import { requestModelOf, type RequestModel } from './requestModel.ts';

export type { RequestModel } from './requestModel.ts';

export interface BuyerRecord {
  registeredMs: number;
  snapshot: BuyerSnapshot | null;
  risk: number | null;
  tier: string | null;
}

export interface MerchantRecord {
  snapshot: MerchantSnapshot | null;
  trust: number | null;
  tier: string | null;
}

export interface DeciderState {
  /** The scored week whose scores and snapshots decide requests (the latest at or before the as-of date). */
  scoresAsOf: string;
  buyers: Map<string, BuyerRecord>;
  merchants: Map<string, MerchantRecord>;
  orders: Map<string, OrderFacts>;
  /** Members of each linked buyer's group (the buyer included); unlinked buyers are absent. */
  groups: Map<string, readonly string[]>;
  /** When each buyer's first confirmed-abuse verdict closed. */
  confirmedMs: Map<string, number>;
  /** null when no request-risk model was trained on or before scoresAsOf. */
  requestModel: RequestModel | null;
}

export interface StateOptions {
  /** Latest scored week at or before this date (YYYY-MM-DD); absent: the latest scored week. */
  asOf?: string;
  artifactsDir: string;
  /**
   * Orders placed this many days before the scored week or later are held; requests about older orders are decided
   * without them.
   */
  orderDays: number;
}

const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The latest as_of of score_buyer_history at or before asOf (any when absent); null when nothing was scored. */
export async function latestScoredWeek(wh: Warehouse, asOf?: string): Promise<string | null> {
  if (!(await wh.tableExists('score_buyer_history'))) return null;
  const d = await wh.scalar<string | null>(
    "select strftime(max(as_of), '%Y-%m-%d') from score_buyer_history where $as_of::date is null or as_of <= $as_of::date",
    { as_of: asOf ?? null },
  );
  return d ?? null;
}

export async function loadDeciderState(wh: Warehouse, o: StateOptions): Promise<DeciderState> {
  const scoresAsOf = await latestScoredWeek(wh, o.asOf);
  if (scoresAsOf === null) {
    throw new UserError(
      `warehouse ${wh.path} has no scored week${o.asOf ? ` on or before ${o.asOf}` : ''}; run \`trustlens run --as-of DATE\` (or \`trustlens score\`) first`,
    );
  }
  const params = { scores_as_of: scoresAsOf };
  const buyers = new Map<string, BuyerRecord>();
  for (const r of await wh.all(readSql(new URL('./sql/decide_buyers.sql', import.meta.url)), params)) {
    buyers.set(String(r.buyer_id), {
      registeredMs: num(r.registered_ms),
      snapshot: r.in_snapshot
        ? {
            orders365d: num(r.orders_365d),
            spend365d: num(r.spend_365d),
            requests90d: num(r.requests_90d),
            refundOnly30d: num(r.refund_only_30d),
            refundOnly90d: num(r.refund_only_90d),
            notReceivedOnDelivered90d: num(r.not_received_on_delivered_90d),
            within24hShare90d: num(r.request_within_24h_share_90d),
            refundOnlyExcess90d: num(r.refund_only_excess_90d),
            merchantsRequested90d: num(r.merchants_requested_90d),
            refundOnlyAtLowRefund90d: num(r.refund_only_at_low_refund_merchants_90d),
            lowReviewsAfterRejection365d: num(r.low_reviews_after_rejection_365d),
            hoursToRequestMedian90d: num(r.hours_delivery_to_request_median_90d),
          }
        : null,
      risk: numOrNull(r.risk),
      tier: r.tier === null || r.tier === undefined ? null : String(r.tier),
    });
  }
  const merchants = new Map<string, MerchantRecord>();
  for (const r of await wh.all(readSql(new URL('./sql/decide_merchants.sql', import.meta.url)), params)) {
    merchants.set(String(r.merchant_id), {
      snapshot: r.in_snapshot
        ? {
            orders90d: num(r.orders_90d),
            refundOnlyRate90d: num(r.refund_only_rate_90d),
            productDefectRate90d: num(r.product_defect_rate_90d),
            abuserRequestShare90d: num(r.abuser_request_share_90d),
          }
        : null,
      trust: numOrNull(r.trust),
      tier: r.tier === null || r.tier === undefined ? null : String(r.tier),
    });
  }
  const orders = new Map<string, OrderFacts>();
  for (const r of await wh.all(readSql(new URL('./sql/decide_orders.sql', import.meta.url)), {
    orders_from: addDays(scoresAsOf, -o.orderDays),
  })) {
    orders.set(String(r.order_id), {
      buyerId: String(r.buyer_id),
      merchantId: String(r.merchant_id),
      category: String(r.category),
      amount: num(r.amount),
      createdMs: num(r.created_ms),
      promisedShipMs: num(r.promised_ship_ms),
      deliveredMs: num(r.delivered_ms),
      firstLowReviewMs: num(r.first_low_review_ms),
    });
  }
  const groups = new Map<string, readonly string[]>();
  if (await wh.tableExists('buyer_groups')) {
    const members = new Map<string, string[]>();
    for (const r of await wh.all(readSql(new URL('./sql/decide_groups.sql', import.meta.url)), params)) {
      const g = members.get(String(r.group_id)) ?? [];
      g.push(String(r.buyer_id));
      members.set(String(r.group_id), g);
    }
    for (const m of members.values()) for (const b of m) groups.set(b, m);
  }
  const confirmedMs = new Map<string, number>();
  for (const r of await wh.all(readSql(new URL('./sql/decide_confirmed.sql', import.meta.url))))
    confirmedMs.set(String(r.buyer_id), num(r.confirmed_ms));
  return {
    scoresAsOf,
    buyers,
    merchants,
    orders,
    groups,
    confirmedMs,
    requestModel: await loadRequestModel(wh, o.artifactsDir, scoresAsOf),
  };
}

/** The newest request-risk model trained on or before the scored week (as the replay uses for requests after it). */
async function loadRequestModel(wh: Warehouse, artifactsDir: string, scoresAsOf: string): Promise<RequestModel | null> {
  const date = artifactDates(artifactsDir, 'request-risk')
    .filter((d) => d <= scoresAsOf)
    .at(-1);
  if (date === undefined) return null;
  const artifact = readArtifact(artifactsDir, 'request-risk', date);
  const features = artifact.spec.features;
  const missing = features.filter((f) => !(REQUEST_FEATURES as readonly string[]).includes(f));
  if (missing.length)
    throw new UserError(
      `${artifactsDir}/request-risk/${date}.json reads ${missing.join(', ')}, which decide cannot compute; retrain it with this version`,
    );
  const typical = new Float64Array(features.length).fill(NaN);
  if (await wh.tableExists(REQUEST_HISTORY)) {
    const [row] = await wh.all(
      `select ${features.map((f, i) => `median(${quoteIdent(f)})::double as m${i}`).join(', ')} from ${REQUEST_HISTORY} ` +
        `where as_of = (select max(as_of) from ${REQUEST_HISTORY} where as_of <= $d::date + 7)`,
      { d: scoresAsOf },
    );
    features.forEach((_, i) => (typical[i] = num(row?.[`m${i}`])));
  }
  return requestModelOf(artifact, typical);
}
