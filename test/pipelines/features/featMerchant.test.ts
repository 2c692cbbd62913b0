// Row test of feat_merchant.sql: literal marketplace in, expected merchant feature rows out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF, smallMarketplace } from '../../support/smallMarketplace.ts';
import { buildSmall, type BuiltFeatures } from './fixtures/buildSmall.ts';

let built: BuiltFeatures;
beforeAll(async () => {
  built = await buildSmall(smallMarketplace(), AS_OF);
});
afterAll(() => built.wh.close());

describe('feat_merchant as of 2026-03-01 (m2 = the bad merchant)', () => {
  it('describes volume and category mix', async () => {
    expect(await built.merchant('m2')).toMatchObject({
      main_category: 'fresh_food',
      merchant_age_days: 424,
      orders_90d: 5,
      gmv_90d: 930,
      orders_365d: 5,
      fresh_food_order_share_90d: 0.4,
      electronics_order_share_90d: 0.4,
    });
  });

  it('measures fulfilment: late shipments, cancellations before shipping, delivery time', async () => {
    const m2 = await built.merchant('m2');
    expect(m2?.late_shipment_rate_90d).toBeCloseTo(1 / 3, 10);
    expect(m2).toMatchObject({ cancellation_rate_90d: 0.2, delivery_days_median_90d: 3 });
  });

  it('rates refunds and defects on orders of unflagged buyers only, counting the confirmed abuser apart', async () => {
    const m2 = await built.merchant('m2');
    expect(m2).toMatchObject({
      refund_request_rate_90d: 0.75,
      refund_only_rate_90d: 0.5,
      product_defect_rate_90d: 0.5,
      order_defect_rate_90d: 0.5, // o6 (2-star review) and o7 (escalated) of 4 clean orders
      abuser_requests_90d: 1,
      abuser_refund_only_90d: 1,
      confirmed_abuser_requests_90d: 1,
      high_risk_requests_90d: 0,
      abuser_request_share_90d: 0.25,
    });
    expect(m2?.order_defect_rate_30d).toBeCloseTo(1 / 3, 10);
    expect(m2?.order_defect_trend_30v90).toBeCloseTo(1 / 3 - 1 / 2, 10);
  });

  it('averages ratings without the abuser review and shows the 30-day trend', async () => {
    expect(await built.merchant('m2')).toMatchObject({
      rating_avg_90d: 3.5,
      rating_avg_30d: 5,
      rating_trend_30v90: 1.5,
      described_avg_90d: 3.5,
      service_avg_90d: 4,
      logistics_avg_90d: 4,
      low_rating_share_90d: 0.5,
    });
  });

  it('measures after-sales service: response times, auto refunds, tickets, 7-day returns, penalties', async () => {
    const m2 = await built.merchant('m2');
    expect(m2).toMatchObject({
      request_response_hours_median_90d: 16, // r6 30 h, r7 2 h; r4 was never answered
      auto_refunds_no_answer_90d: 1,
      ticket_response_hours_median_90d: 10,
      ticket_resolution_rate_90d: 0.5, // t2 is resolved only after as_of
      ticket_satisfaction_avg_90d: 2,
      attitude_complaints_per_1k_orders_90d: 200,
      no_reason_7day_rejection_rate_90d: 1,
      spot_checks_failed_365d: 1,
      actions_365d: 1, // the warning; the demotion is older than 365 days, the deduction after as_of
      serious_actions_365d: 0,
    });
    expect(m2?.request_response_hours_p90_90d).toBeCloseTo(27.2, 10);
    expect(m2?.ticket_response_hours_p90_90d).toBeCloseTo(14, 10);
    expect(m2?.auto_refund_rate_90d).toBeCloseTo(1 / 3, 10);
  });

  it('leaves undefined rates NULL and counts 0 where nothing happened in the window', async () => {
    expect(await built.merchant('m1')).toMatchObject({
      orders_90d: 9,
      late_shipment_rate_90d: null,
      ticket_resolution_rate_90d: null,
      ticket_response_hours_median_90d: null,
      request_response_hours_median_90d: 4.5, // r1 4 h, r2 5 h; r3 unanswered
      spot_checks_failed_365d: 0,
      actions_365d: 0,
      abuser_requests_90d: 0,
      abuser_request_share_90d: 0,
    });
  });
});
