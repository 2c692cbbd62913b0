// Row test of feat_buyer.sql: literal marketplace in, expected buyer feature rows out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, smallMarketplace } from '../../support/smallMarketplace.ts';
import { buildSmall, type BuiltFeatures } from './fixtures/buildSmall.ts';

let built: BuiltFeatures;
beforeAll(async () => {
  built = await buildSmall(smallMarketplace(), AS_OF);
});
afterAll(() => built.wh.close());

// platform refund-only rate over 365 days without the confirmed abuser b5: r1, r2, r4, r6 over 13 orders
const platform = 4 / 13;

describe('feat_buyer as of 2026-03-01', () => {
  it('has one row per buyer active in the last 365 days, nobody else', async () => {
    const ids = await built.wh.all('select buyer_id from feat_buyer order by buyer_id');
    expect(ids.map((r) => r.buyer_id)).toEqual(['b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    expect(built.result).toMatchObject({ asOf: AS_OF, buyers: 6, merchants: 2 });
  });

  it('counts orders, spend and requests per window, ignoring everything on or after as_of', async () => {
    expect(await built.buyer('b1')).toMatchObject({
      account_age_days: 424,
      orders_30d: 1,
      orders_90d: 2,
      orders_365d: 3,
      spend_30d: 100,
      spend_90d: 150,
      spend_365d: 350,
      requests_30d: 2,
      requests_90d: 3,
      refund_only_30d: 1,
      refund_only_90d: 2,
      refund_only_amount_30d: 100,
      refund_only_amount_90d: 130,
    });
  });

  it('rates refunds per order and per amount of the orders placed in the window', async () => {
    const b1 = await built.buyer('b1');
    expect(b1).toMatchObject({
      request_order_rate_30d: 1,
      request_order_rate_90d: 1,
      refund_only_order_rate_30d: 1,
      refund_only_order_rate_90d: 1,
      request_amount_rate_30d: 1,
      refund_only_amount_rate_30d: 1,
    });
    expect(b1?.request_amount_rate_90d).toBeCloseTo(130 / 150, 10);
    // b6 placed no order in the last 30 days: the rate is undefined (NULL), not 0
    expect(await built.buyer('b6')).toMatchObject({
      orders_30d: 0,
      request_order_rate_30d: null,
      refund_only_order_rate_90d: 0,
    });
  });

  it('measures not-received claims on delivered parcels and requests soon after delivery', async () => {
    expect(await built.buyer('b1')).toMatchObject({
      not_received_claims_90d: 1,
      not_received_on_delivered_share_90d: 1,
      hours_delivery_to_request_median_90d: 27, // 6 h (r1) and 48 h (r2); o3 was never delivered
      request_within_24h_share_90d: 0.5,
      fresh_food_request_share_90d: 1 / 3,
    });
    expect(await built.buyer('b6')).toMatchObject({
      not_received_on_delivered_share_90d: null,
      hours_delivery_to_request_median_90d: null,
    });
  });

  it('reads outcomes as they stood at as_of: a decision taken later is still pending', async () => {
    const b1 = await built.buyer('b1');
    expect(b1).toMatchObject({
      merchants_requested_90d: 1,
      merchants_refunded_90d: 1,
      rejected_rate_365d: 0.5,
      low_reviews_after_rejection_365d: 1, // v1 follows the rejection of r2
      requests_after_low_review_90d: 1, // r1 follows the one-star v5
    });
    expect(b1?.escalated_rate_365d).toBeCloseTo(1 / 3, 10);
  });

  it('measures refund-only against merchant baselines, so an honest buyer of a bad merchant is not an abuser', async () => {
    const b1 = await built.buyer('b1');
    const b2 = await built.buyer('b2');
    // m1 without b1 and b5: 0 refund-only on 6 orders, shrunk to the platform rate with 20 prior orders
    const m1ForB1 = (0 + 20 * platform) / (6 + 20);
    // m2 without b2 and b5: 1 refund-only on 3 orders
    const m2ForB2 = (1 + 20 * platform) / (3 + 20);
    expect(b1?.refund_only_expected_90d).toBeCloseTo(2 * m1ForB1, 10);
    expect(b1?.refund_only_excess_90d).toBeCloseTo(2 - 2 * m1ForB1, 10);
    expect(b1?.refund_only_at_low_refund_merchants_90d).toBe(2);
    expect(b2?.refund_only_expected_90d).toBeCloseTo(m2ForB2, 10);
    expect(b2?.refund_only_at_low_refund_merchants_90d).toBe(0);
    expect(Number(b2?.refund_only_excess_90d)).toBeLessThan(Number(b1?.refund_only_excess_90d) / 2);
  });

  it('links accounts through shared keys and counts only other members confirmed before as_of', async () => {
    expect(await built.buyer('b1')).toMatchObject({
      group_id: 'b1',
      group_size: 2,
      group_refund_only_90d: 3,
      group_confirmed_abusers: 1,
    });
    // b5's own verdict is its label, so it is not a feature of b5
    expect(await built.buyer('b5')).toMatchObject({ group_id: 'b1', group_size: 2, group_confirmed_abusers: 0 });
    expect(await built.buyer('b2')).toMatchObject({
      group_id: 'b2',
      group_size: 1,
      group_refund_only_90d: 1,
      group_confirmed_abusers: 0,
    });
  });

  it("measures the buyer's shops by their orders from confirmed abusers, its own orders left out", async () => {
    // 365 days (summed as 12-decimal numbers): m1 has 10 orders (b1 3, b5 1, b6 6), m2 has 5 (b2 1, b3 2, b4 1,
    // b5 1); b5 is confirmed (c1), b1's case closes after as_of, so the platform's confirmed share is 2 of 15
    const platformShare = 2 / 15;
    const exposure = async (id: string) => Number((await built.buyer(id))?.abuser_shop_exposure_365d);
    expect(await exposure('b1')).toBeCloseTo(1 / 7 / platformShare, 10); // m1 without b1: 1 of 7
    expect(await exposure('b6')).toBeCloseTo(1 / 4 / platformShare, 10); // m1 without b6: 1 of 4
    expect(await exposure('b3')).toBeCloseTo(1 / 3 / platformShare, 10); // m2 without b3: 1 of 3
    // b5's own orders are its label's, not evidence about its shops
    expect(await exposure('b5')).toBe(0);
  });
});

describe('feat_buyer before any confirmed abuse', () => {
  it('leaves shop exposure unknown, not zero', async () => {
    const built = await buildSmall({ ...smallMarketplace(), investigations: [] }, AS_OF);
    try {
      const rows = await built.wh.all('select distinct abuser_shop_exposure_365d as x from feat_buyer');
      expect(rows).toEqual([{ x: null }]);
    } finally {
      built.wh.close();
    }
  });
});
