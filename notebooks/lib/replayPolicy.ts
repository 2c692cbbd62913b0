// Replays a risk-gated refund-only policy on exported requests in the browser, so analysts can move threshold and
// capacity live.
export interface ReplayRequest {
  request_id: string;
  week: string;
  buyer_id: string;
  category: string;
  kind: string;
  amount: number;
  /** Risk scored on or before the request; null when the buyer had no score yet (never gated). */
  buyer_risk: number | null;
  merchant_tier: string | null;
  buyer_confirmed_abuser: boolean;
}

export interface PolicyOptions {
  /** Refund-only requests of buyers at or above this risk go to review. */
  threshold: number;
  /** Requests the team reviews per week, largest expected loss (risk x amount) first; the rest are paid as usual. */
  capacity: number;
  /** Categories that keep refund-only whatever the risk (e.g. fresh food cannot be returned). */
  exemptCategories?: readonly string[];
  /** Merchant tiers whose buyers keep refund-only (trust-aware: poor service is the merchant's cost). */
  exemptMerchantTiers?: readonly string[];
}

export type Outcome = 'not_refund_only' | 'paid' | 'exempt' | 'overflow' | 'stopped' | 'burdened';

export interface PolicySummary {
  refundOnlyRequests: number;
  abusiveAmount: number;
  gated: number;
  reviewed: number;
  overflow: number;
  abusiveStopped: number;
  /** Share of confirmed abusers' refund-only amount that review stopped; 0 when there is none. */
  abusiveStoppedShare: number;
  honestBurdened: number;
  honestBuyersBurdened: number;
  /** Honest buyers burdened / honest buyers with a refund-only request. */
  honestBurdenedRate: number;
  /** Reviewed requests that were confirmed abuse; null when nothing was reviewed. */
  precision: number | null;
  weeks: number;
  reviewsPerWeek: number;
}

export interface WeekRow {
  week: string;
  outcome: Outcome;
  requests: number;
  amount: number;
}

export interface ReplayResult {
  summary: PolicySummary;
  outcomes: Map<string, Outcome>;
  weekly: WeekRow[];
}

export function replayRiskGated(requests: readonly ReplayRequest[], options: PolicyOptions): ReplayResult {
  const exemptCategories = new Set(options.exemptCategories ?? []);
  const exemptTiers = new Set(options.exemptMerchantTiers ?? []);
  const outcomes = new Map<string, Outcome>();
  const gatedByWeek = new Map<string, ReplayRequest[]>();
  for (const r of requests) {
    if (r.kind !== 'refund_only') outcomes.set(r.request_id, 'not_refund_only');
    else if (r.buyer_risk === null || r.buyer_risk < options.threshold) outcomes.set(r.request_id, 'paid');
    else if (exemptCategories.has(r.category) || (r.merchant_tier !== null && exemptTiers.has(r.merchant_tier)))
      outcomes.set(r.request_id, 'exempt');
    else {
      const list = gatedByWeek.get(r.week) ?? [];
      list.push(r);
      gatedByWeek.set(r.week, list);
    }
  }
  const capacity = Math.max(0, Math.floor(options.capacity));
  for (const list of gatedByWeek.values()) {
    list.sort(
      (a, b) =>
        (b.buyer_risk ?? 0) * b.amount - (a.buyer_risk ?? 0) * a.amount || a.request_id.localeCompare(b.request_id),
    );
    list.forEach((r, i) =>
      outcomes.set(r.request_id, i >= capacity ? 'overflow' : r.buyer_confirmed_abuser ? 'stopped' : 'burdened'),
    );
  }
  return { summary: summarize(requests, outcomes), outcomes, weekly: weeklyRows(requests, outcomes) };
}

function summarize(requests: readonly ReplayRequest[], outcomes: Map<string, Outcome>): PolicySummary {
  let refundOnlyRequests = 0,
    abusiveAmount = 0,
    gated = 0,
    reviewed = 0,
    overflow = 0,
    abusiveStopped = 0,
    honestBurdened = 0;
  const honestBuyers = new Set<string>();
  const burdenedBuyers = new Set<string>();
  const weeks = new Set<string>();
  for (const r of requests) {
    weeks.add(r.week);
    const o = outcomes.get(r.request_id);
    if (o === 'not_refund_only') continue;
    refundOnlyRequests++;
    if (r.buyer_confirmed_abuser) abusiveAmount += r.amount;
    else honestBuyers.add(r.buyer_id);
    if (o === 'overflow' || o === 'stopped' || o === 'burdened') gated++;
    if (o === 'overflow') overflow++;
    if (o === 'stopped') {
      reviewed++;
      abusiveStopped += r.amount;
    }
    if (o === 'burdened') {
      reviewed++;
      honestBurdened++;
      burdenedBuyers.add(r.buyer_id);
    }
  }
  const stoppedCount = reviewed - honestBurdened;
  return {
    refundOnlyRequests,
    abusiveAmount,
    gated,
    reviewed,
    overflow,
    abusiveStopped,
    abusiveStoppedShare: abusiveAmount > 0 ? abusiveStopped / abusiveAmount : 0,
    honestBurdened,
    honestBuyersBurdened: burdenedBuyers.size,
    honestBurdenedRate: honestBuyers.size > 0 ? burdenedBuyers.size / honestBuyers.size : 0,
    precision: reviewed > 0 ? stoppedCount / reviewed : null,
    weeks: weeks.size,
    reviewsPerWeek: weeks.size > 0 ? reviewed / weeks.size : 0,
  };
}

function weeklyRows(requests: readonly ReplayRequest[], outcomes: Map<string, Outcome>): WeekRow[] {
  const cells = new Map<string, WeekRow>();
  for (const r of requests) {
    const outcome = outcomes.get(r.request_id) ?? 'paid';
    if (outcome === 'not_refund_only') continue;
    const key = `${r.week}\u0000${outcome}`;
    const row = cells.get(key) ?? { week: r.week, outcome, requests: 0, amount: 0 };
    row.requests++;
    row.amount += r.amount;
    cells.set(key, row);
  }
  return [...cells.values()].sort((a, b) => a.week.localeCompare(b.week) || a.outcome.localeCompare(b.outcome));
}

/** The trade-off curve: abusive amount stopped vs honest buyers burdened at each threshold, for a fixed capacity. */
export function sweepThresholds(
  requests: readonly ReplayRequest[],
  options: Omit<PolicyOptions, 'threshold'>,
  thresholds: readonly number[] = Array.from({ length: 19 }, (_, i) => (i + 1) / 20),
): { threshold: number; abusiveStoppedShare: number; honestBurdenedRate: number; reviewsPerWeek: number }[] {
  return thresholds.map((threshold) => {
    const { summary } = replayRiskGated(requests, { ...options, threshold });
    return {
      threshold,
      abusiveStoppedShare: summary.abusiveStoppedShare,
      honestBurdenedRate: summary.honestBurdenedRate,
      reviewsPerWeek: summary.reviewsPerWeek,
    };
  });
}
