// The shared hand-made marketplace as of 2026-03-01: an abusive buyer at a low-refund merchant, an honest buyer of a
// bad
// merchant, a confirmed abuser linked to the first by a device, and events after the date. Load it with
// marketplaceWarehouse().
import {
  buyer,
  investigation,
  merchant,
  merchantAction,
  order,
  refundRequest,
  review,
  serviceTicket,
  type LiteralRow,
  type Marketplace,
} from './contractRows.ts';

export const AS_OF = '2026-03-01';

const o = (
  id: string,
  buyerId: string,
  merchantId: string,
  category: string,
  amount: number,
  created_at: string,
  extra: LiteralRow = {},
) => order(id, buyerId, merchantId, { category, amount, created_at, ...extra });

const r = (
  id: string,
  orderId: string,
  requested_at: string,
  kind: string,
  reason: string,
  amount: number,
  status: string,
  extra: LiteralRow = {},
) => refundRequest(id, orderId, { requested_at, kind, reason, amount, status, ...extra });

export function smallMarketplace(): Marketplace {
  return {
    buyers: [
      buyer('b1', { registered_at: '2025-01-01' }),
      ...['b2', 'b3', 'b4', 'b5', 'b6'].map((id) => buyer(id, { registered_at: '2025-06-01' })),
    ],
    merchants: [
      merchant('m1', { name: '好店', main_category: 'home', opened_at: '2024-01-01' }),
      merchant('m2', { name: 'Bad <b>shop</b>', main_category: 'fresh_food', opened_at: '2025-01-01' }),
    ],
    orders: [
      // b1 at the low-refund merchant m1
      o('o1', 'b1', 'm1', 'fresh_food', 100, '2026-02-20', { delivered_at: '2026-02-22 10:00', device_key: 'd1' }),
      o('o2', 'b1', 'm1', 'apparel', 50, '2026-01-10', { delivered_at: '2026-01-12 00:00' }),
      o('o3', 'b1', 'm1', 'home', 200, '2025-06-01'),
      o('o9', 'b1', 'm1', 'home', 80, '2026-03-05'), // after as_of
      // b5 (confirmed abuser) shares b1's device
      o('o5', 'b5', 'm1', 'home', 60, '2025-12-15', { device_key: 'd1' }),
      // honest buyers at m1 who never ask for a refund
      ...[11, 12, 13, 14, 15, 16].map((i) => o(`o${i}`, 'b6', 'm1', 'home', 10, `2026-01-${i}`)),
      // the bad merchant m2
      o('o4', 'b2', 'm2', 'fresh_food', 40, '2026-02-01', {
        promised_ship_by: '2026-02-03',
        shipped_at: '2026-02-04',
        delivered_at: '2026-02-05',
      }),
      o('o6', 'b3', 'm2', 'electronics', 300, '2026-01-05', {
        promised_ship_by: '2026-01-07',
        shipped_at: '2026-01-06',
        delivered_at: '2026-01-08',
      }),
      o('o7', 'b4', 'm2', 'apparel', 70, '2026-02-15', {
        promised_ship_by: '2026-02-17',
        shipped_at: '2026-02-16',
        delivered_at: '2026-02-18',
      }),
      o('o8', 'b5', 'm2', 'fresh_food', 20, '2026-02-20', { delivered_at: '2026-02-23' }),
      o('o10', 'b3', 'm2', 'electronics', 500, '2026-02-25', {
        promised_ship_by: '2026-02-27',
        cancelled_at: '2026-02-26',
      }),
    ],
    refund_requests: [
      r('r1', 'o1', '2026-02-22 16:00', 'refund_only', 'not_received', 100, 'approved', {
        merchant_responded_at: '2026-02-22 20:00',
        decided_at: '2026-02-23',
        decided_by: 'merchant',
      }),
      r('r2', 'o2', '2026-01-14 00:00', 'refund_only', 'quality', 30, 'rejected', {
        merchant_responded_at: '2026-01-14 05:00',
        decided_at: '2026-01-15',
        decided_by: 'merchant',
        escalated: true,
      }),
      // decided only after as_of: still pending at as_of
      r('r3', 'o3', '2026-02-27', 'return_and_refund', 'other', 200, 'approved', {
        decided_at: '2026-03-02',
        decided_by: 'merchant',
      }),
      r('r4', 'o4', '2026-02-10', 'refund_only', 'not_as_described', 40, 'approved', {
        decided_at: '2026-02-12',
        decided_by: 'auto',
      }),
      r('r6', 'o6', '2026-01-10', 'refund_only', 'quality', 300, 'approved', {
        merchant_responded_at: '2026-01-11 06:00',
        decided_at: '2026-01-12',
        decided_by: 'merchant',
      }),
      r('r7', 'o7', '2026-02-19', 'return_and_refund', 'no_reason_7day', 70, 'rejected', {
        merchant_responded_at: '2026-02-19 02:00',
        decided_at: '2026-02-20',
        decided_by: 'merchant',
        escalated: true,
      }),
      r('r8', 'o8', '2026-02-24', 'refund_only', 'not_received', 20, 'approved', {
        decided_at: '2026-02-26',
        decided_by: 'auto',
      }),
    ],
    reviews: [
      review('v1', 'o2', { rating: 1, created_at: '2026-01-20' }),
      review('v2', 'o6', { rating: 2, described: 2, service: 3, logistics: 4, created_at: '2026-01-20' }),
      review('v3', 'o4', { rating: 5, described: 5, service: 5, created_at: '2026-02-08', text: '<script>x</script>' }),
      review('v4', 'o8', { rating: 1, described: 1, service: 1, logistics: 1, created_at: '2026-02-25' }),
      // b1 leaves one star hours before asking for the refund on o1
      review('v5', 'o1', { rating: 1, created_at: '2026-02-22 12:00' }),
    ],
    service_tickets: [
      serviceTicket('t1', 'm2', {
        order_id: 'o4',
        buyer_id: 'b2',
        opened_at: '2026-02-01 00:00',
        first_response_at: '2026-02-01 05:00',
        resolved_at: '2026-02-02',
        resolved: true,
        satisfaction: 2,
        attitude_complaint: true,
      }),
      serviceTicket('t2', 'm2', {
        opened_at: '2026-02-10 00:00',
        first_response_at: '2026-02-10 15:00',
        resolved_at: '2026-03-03',
        resolved: true,
        satisfaction: 4,
        attitude_complaint: false,
      }),
      serviceTicket('t3', 'm2', { opened_at: '2025-11-01', resolved: false, attitude_complaint: true }),
    ],
    merchant_actions: [
      merchantAction('a1', 'm2', { taken_at: '2025-10-01', action: 'spot_check_fail' }),
      merchantAction('a2', 'm2', { taken_at: '2026-01-01', action: 'warning' }),
      merchantAction('a3', 'm2', { taken_at: '2026-03-15', action: 'point_deduction' }),
      merchantAction('a4', 'm2', { taken_at: '2024-12-01', action: 'demotion' }),
    ],
    investigations: [
      investigation('c1', 'b5', { opened_at: '2026-01-01', closed_at: '2026-02-01', verdict: 'confirmed_abuse' }),
      // closes after as_of: not known yet
      investigation('c2', 'b1', { opened_at: '2026-02-25', closed_at: '2026-03-10', verdict: 'confirmed_abuse' }),
    ],
  };
}
