// Row test of feat_merchant.sql's adjusted rates: a small shop, a larger one, one without evidence, as of 2026-03-01.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buyer,
  investigation,
  merchant,
  order,
  refundRequest,
  serviceTicket,
  type LiteralRow,
  type Marketplace,
} from '../../support/contractRows.ts';
import { buildSmall, type BuiltFeatures } from './fixtures/buildSmall.ts';

const AS_OF = '2026-03-01';

/** An order shipped on 2026-01-(day+1) against a promise of 2026-01-(day+1) (on time) or 2026-01-day (late). */
const shipped = (id: string, merchantId: string, day: number, late: boolean, buyerId = 'b1'): LiteralRow =>
  order(id, buyerId, merchantId, {
    created_at: `2026-01-${String(day).padStart(2, '0')}`,
    promised_ship_by: `2026-01-${String(day + (late ? 0 : 2)).padStart(2, '0')}`,
    shipped_at: `2026-01-${String(day + 1).padStart(2, '0')}`,
    delivered_at: `2026-01-${String(day + 3).padStart(2, '0')}`,
  });

const noReason = (
  id: string,
  orderId: string,
  status: 'approved' | 'rejected' | 'pending',
  extra: LiteralRow = {},
): LiteralRow =>
  refundRequest(id, orderId, {
    requested_at: '2026-02-01',
    kind: 'return_and_refund',
    reason: 'no_reason_7day',
    status,
    merchant_responded_at: '2026-02-01 03:00',
    decided_at: '2026-02-02',
    decided_by: 'merchant',
    ...extra,
  });

function marketplace(): Marketplace {
  return {
    buyers: [buyer('b1'), buyer('b9')],
    merchants: [merchant('m1'), merchant('m2'), merchant('m3')],
    orders: [
      // m1: 2 shipped, 1 late; m2: 9 shipped (one to b9, a confirmed abuser), none late; marketplace 1 late in 11
      shipped('o1', 'm1', 2, true),
      shipped('o2', 'm1', 4, false),
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => shipped(`o1${i}`, 'm2', 2 * i, false)),
      shipped('o20', 'm2', 20, false, 'b9'),
      // m3: one order without a promised date, so no shipment evidence at all
      order('o30', 'b1', 'm3', { created_at: '2026-02-10' }),
    ],
    refund_requests: [
      // m1 rejects its one no-reason return; m2 honours two and refuses one, which the platform then grants; the
      // abuser's rejected return is counted apart; r14 is still pending
      noReason('r1', 'o1', 'rejected'),
      noReason('r11', 'o11', 'approved'),
      noReason('r12', 'o12', 'approved'),
      noReason('r13', 'o13', 'approved', { escalated: true, decided_at: '2026-02-05', decided_by: 'platform' }),
      noReason('r14', 'o14', 'pending', { decided_at: null, decided_by: null }),
      noReason('r20', 'o20', 'rejected'),
    ],
    service_tickets: [
      // m1: answered after 30 hours, resolved, rated 1, an attitude complaint
      serviceTicket('t1', 'm1', {
        opened_at: '2026-01-10 00:00',
        first_response_at: '2026-01-11 06:00',
        resolved_at: '2026-01-12',
        resolved: true,
        satisfaction: 1,
        attitude_complaint: true,
      }),
      // m1: opened 12 hours before as_of, unanswered: open, but not slow yet
      serviceTicket('t2', 'm1', { opened_at: '2026-02-28 12:00' }),
      // m2: one in the year but not the quarter, one in the quarter, both answered within 2 hours and resolved
      serviceTicket('t3', 'm2', {
        opened_at: '2025-05-01 00:00',
        first_response_at: '2025-05-01 02:00',
        resolved_at: '2025-05-02',
        resolved: true,
        satisfaction: 5,
      }),
      serviceTicket('t4', 'm2', {
        opened_at: '2026-02-01 00:00',
        first_response_at: '2026-02-01 01:00',
        resolved_at: '2026-02-02',
        resolved: true,
        satisfaction: 4,
      }),
      // older than 365 days: not counted
      serviceTicket('t5', 'm2', { opened_at: '2025-01-01 00:00', attitude_complaint: true }),
    ],
    investigations: [investigation('c1', 'b9', { opened_at: '2026-01-01', closed_at: '2026-01-20' })],
  };
}

let built: BuiltFeatures;
beforeAll(async () => {
  built = await buildSmall(marketplace(), AS_OF);
});
afterAll(() => built.wh.close());

describe('feat_merchant adjusted rates: own count plus k observations at the marketplace rate, over evidence plus k', () => {
  it("late shipments: k = 20 shipped orders at the marketplace late rate (1 in 11, lateness is the shop's own)", async () => {
    const rate = 1 / 11;
    expect((await built.merchant('m1'))?.late_shipment_rate_adj_365d).toBeCloseTo((1 + 20 * rate) / (2 + 20), 10);
    expect((await built.merchant('m2'))?.late_shipment_rate_adj_365d).toBeCloseTo((0 + 20 * rate) / (9 + 20), 10);
    // no shipment evidence: the marketplace rate; the raw rate stays unknown
    expect(await built.merchant('m3')).toMatchObject({ late_shipment_rate_365d: null });
    expect((await built.merchant('m3'))?.late_shipment_rate_adj_365d).toBeCloseTo(rate, 10);
  });

  it('reads each adjusted rate over the marketplace rate: exactly 1 for a shop without evidence, at any date', async () => {
    const rate = 1 / 11;
    expect((await built.merchant('m1'))?.late_shipment_vs_marketplace_365d).toBeCloseTo((1 + 20 * rate) / 22 / rate, 8);
    expect((await built.merchant('m3'))?.late_shipment_vs_marketplace_365d).toBe(1);
    expect((await built.merchant('m3'))?.ticket_resolution_vs_marketplace_365d).toBe(1);
    expect((await built.merchant('m3'))?.no_reason_refusal_vs_marketplace_365d).toBe(1);
  });

  it('7-day no-reason returns: k = 5 decided returns at the marketplace refusal rate, flagged buyers left out', async () => {
    // clean decided returns: m1 1 rejected, m2 2 approved and 1 escalated (refused, then granted by the platform);
    // r20 (confirmed abuser) and r14 (pending) do not count: 2 refused of 4
    const rate = 0.5;
    expect((await built.merchant('m1'))?.no_reason_7day_refusal_rate_adj_365d).toBeCloseTo(
      (1 + 5 * rate) / (1 + 5),
      10,
    );
    expect((await built.merchant('m2'))?.no_reason_7day_refusal_rate_adj_365d).toBeCloseTo(
      (1 + 5 * rate) / (3 + 5),
      10,
    );
    expect((await built.merchant('m3'))?.no_reason_7day_refusal_rate_adj_365d).toBeCloseTo(rate, 10);
    // the 90-day rate counts outright rejections only: r13 ended approved
    expect(await built.merchant('m2')).toMatchObject({ no_reason_7day_rejection_rate_90d: 0 });
  });

  it('tickets: k = 10 tickets (or ratings) at the marketplace rate over the year; a ticket opened today is not slow yet', async () => {
    // the year: t1–t4; resolved t1, t3, t4 (3 of 4); slow t1 (1 of 4); ratings 1, 5, 4
    const resolved = 0.75;
    const slow = 0.25;
    const stars = 10 / 3;
    const m1 = await built.merchant('m1');
    expect(m1?.ticket_resolution_rate_adj_365d).toBeCloseTo((1 + 10 * resolved) / (2 + 10), 10);
    expect(m1?.ticket_slow_response_rate_adj_365d).toBeCloseTo((1 + 10 * slow) / (2 + 10), 10);
    expect(m1?.ticket_satisfaction_adj_365d).toBeCloseTo((1 + 10 * stars) / (1 + 10), 10);
    const m2 = await built.merchant('m2');
    expect(m2?.ticket_resolution_rate_adj_365d).toBeCloseTo((2 + 10 * resolved) / (2 + 10), 10);
    expect(m2?.ticket_slow_response_rate_adj_365d).toBeCloseTo((0 + 10 * slow) / (2 + 10), 10);
    expect(m2?.ticket_satisfaction_adj_365d).toBeCloseTo((9 + 10 * stars) / (2 + 10), 10);
    const m3 = await built.merchant('m3');
    expect(m3?.ticket_resolution_rate_adj_365d).toBeCloseTo(resolved, 10);
    expect(m3?.ticket_satisfaction_adj_365d).toBeCloseTo(stars, 10);
  });

  it('attitude complaints: k = 100 orders at the marketplace complaint rate, per 1,000 orders', async () => {
    // one complaint in the year (t1; t5 is older) over 12 orders
    const rate = 1 / 12;
    expect((await built.merchant('m1'))?.attitude_complaints_per_1k_orders_adj_365d).toBeCloseTo(
      (1000 * (1 + 100 * rate)) / (2 + 100),
      8,
    );
    expect((await built.merchant('m2'))?.attitude_complaints_per_1k_orders_adj_365d).toBeCloseTo(
      (1000 * (0 + 100 * rate)) / (9 + 100),
      8,
    );
  });

  it('keeps the 90-day ticket measures to the quarter', async () => {
    // t3 is in the year only: m2's quarter is t4 alone
    expect(await built.merchant('m2')).toMatchObject({
      ticket_resolution_rate_90d: 1,
      ticket_response_hours_median_90d: 1,
      ticket_satisfaction_avg_90d: 4,
    });
  });
});
