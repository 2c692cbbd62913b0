// Test helper: builds contract rows (test/support builders) from a compact list of refund requests (one order per
// request).
import { buyer, investigation, merchant, order, refundRequest } from '../../support/contractRows.ts';
import type { SimFixture } from './simFixture.ts';

export interface RequestSpec {
  id: string;
  buyer: string;
  merchant?: string;
  category?: string;
  amount: number;
  /** Request time; the default window is the 12 weeks before 2026-11-02. */
  at: string;
  kind?: 'refund_only' | 'return_and_refund' | 'exchange';
  reason?: string;
  status?: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  respondedAt?: string | null;
  decidedAt?: string | null;
  decidedBy?: 'merchant' | 'platform' | 'auto' | null;
  escalated?: boolean;
  returnedAt?: string | null;
  deliveredAt?: string | null;
}

export interface BuyerSpec {
  id: string;
  registeredAt?: string;
  confirmedAt?: string;
  clearedAt?: string;
}

const hoursAfter = (ts: string, h: number) =>
  new Date(Date.parse(`${ts.replace(' ', 'T')}Z`) + h * 3600_000).toISOString().replace('T', ' ').slice(0, 19);

export function marketplace(buyers: BuyerSpec[], requests: RequestSpec[], extra: Partial<SimFixture> = {}): SimFixture {
  const merchantIds = [...new Set(requests.map((r) => r.merchant ?? 'm1'))];
  const orders = requests.map((r) =>
    order(`o-${r.id}`, r.buyer, r.merchant ?? 'm1', {
      category: r.category ?? 'apparel',
      amount: r.amount,
      created_at: hoursAfter(r.at, -96),
      shipped_at: hoursAfter(r.at, -72),
      delivered_at: r.deliveredAt === undefined ? hoursAfter(r.at, -24) : r.deliveredAt,
    }),
  );
  const refunds = requests.map((r) =>
    refundRequest(r.id, `o-${r.id}`, {
      requested_at: r.at,
      kind: r.kind ?? 'refund_only',
      reason: r.reason ?? 'quality',
      amount: r.amount,
      status: r.status ?? 'approved',
      merchant_responded_at: r.respondedAt === undefined ? hoursAfter(r.at, 2) : r.respondedAt,
      decided_at: r.decidedAt === undefined ? hoursAfter(r.at, 24) : r.decidedAt,
      decided_by: r.decidedBy === undefined ? 'merchant' : r.decidedBy,
      escalated: r.escalated ?? false,
      returned_at: r.returnedAt ?? null,
    }),
  );
  const investigations = buyers.flatMap((b) => [
    ...(b.confirmedAt
      ? [
          investigation(`c-${b.id}`, b.id, {
            opened_at: hoursAfter(b.confirmedAt, -240),
            closed_at: b.confirmedAt,
            verdict: 'confirmed_abuse',
          }),
        ]
      : []),
    ...(b.clearedAt
      ? [
          investigation(`k-${b.id}`, b.id, {
            opened_at: hoursAfter(b.clearedAt, -240),
            closed_at: b.clearedAt,
            verdict: 'cleared',
          }),
        ]
      : []),
  ]);
  return {
    buyers: buyers.map((b) => buyer(b.id, { registered_at: b.registeredAt ?? '2025-01-01 00:00:00' })),
    merchants: merchantIds.map((m) =>
      merchant(m, { name: `Shop ${m}`, main_category: 'apparel', opened_at: '2024-01-01 00:00:00' }),
    ),
    orders,
    refund_requests: refunds,
    investigations,
    ...extra,
  };
}
