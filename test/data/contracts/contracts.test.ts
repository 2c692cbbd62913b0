// The contracts are the single definition of the input tables: these pin what DESIGN.md promises.
import { describe, expect, it } from 'vitest';
import { CONTRACTS, LOAD_ORDER, TABLE_NAMES, contractDocsMarkdown, rowSchema } from '../../../data/contracts/index.ts';
import { fullRow, refundRequest } from '../../support/contractRows.ts';

describe('input contracts', () => {
  it('defines the eight tables with their keys', () => {
    expect(TABLE_NAMES.map((t) => `${t}.${CONTRACTS[t].primaryKey}`)).toEqual([
      'buyers.buyer_id',
      'merchants.merchant_id',
      'orders.order_id',
      'refund_requests.request_id',
      'reviews.review_id',
      'service_tickets.ticket_id',
      'merchant_actions.action_id',
      'investigations.case_id',
    ]);
  });

  it('loads parents before children', () => {
    for (const t of LOAD_ORDER) {
      for (const fk of CONTRACTS[t].foreignKeys)
        expect(LOAD_ORDER.indexOf(fk.table)).toBeLessThan(LOAD_ORDER.indexOf(t));
    }
  });

  it('validates a row with zod: optional columns accept null, money must be >= 0', () => {
    const refund = rowSchema('refund_requests');
    const ok = fullRow(
      'refund_requests',
      refundRequest('r1', 'o1', { requested_at: '2026-10-01T08:00:00+08:00', reason: 'not_received', amount: 12.5 }),
    );
    expect(refund.safeParse(ok).success).toBe(true);
    expect(refund.safeParse({ ...ok, amount: -1 }).success).toBe(false);
    expect(refund.safeParse({ ...ok, kind: 'swap' }).success).toBe(false);
    expect(refund.safeParse({ ...ok, requested_at: 'yesterday' }).success).toBe(false);
  });

  it('renders the reference docs from the same definitions', () => {
    const md = contractDocsMarkdown();
    expect(md).toContain('| amount | DECIMAL(18,2) | yes | decimal >= 0 | Order amount in the platform currency. |');
    expect(md).toContain('| kind | VARCHAR | yes | one of refund_only, return_and_refund, exchange |');
  });
});
