// The shared test rows: every builder's defaults and the whole small marketplace are valid contract rows with resolving
// keys.
import { describe, expect, it } from 'vitest';
import { CONTRACTS, TABLE_NAMES, rowSchema } from '../../data/contracts/index.ts';
import {
  buyer,
  fullRow,
  investigation,
  merchant,
  merchantAction,
  order,
  refundRequest,
  review,
  serviceTicket,
} from './contractRows.ts';
import { marketplaceWarehouse } from './marketplaceWarehouse.ts';
import { smallMarketplace } from './smallMarketplace.ts';

describe('contract row builders', () => {
  it('give a row every contract accepts from the ids alone', () => {
    const rows = {
      buyers: buyer('b1'),
      merchants: merchant('m1'),
      orders: order('o1', 'b1', 'm1'),
      refund_requests: refundRequest('r1', 'o1'),
      reviews: review('v1', 'o1'),
      service_tickets: serviceTicket('t1', 'm1'),
      merchant_actions: merchantAction('a1', 'm1'),
      investigations: investigation('c1', 'b1'),
    };
    for (const t of TABLE_NAMES) expect(rowSchema(t).safeParse(fullRow(t, rows[t])).error?.issues, t).toBeUndefined();
  });

  it('refuse a column the contract does not have, naming the table and the columns it has', () => {
    expect(() => order('o1', 'b1', 'm1', { amount: 5, price: 5 })).toThrow(
      'orders: unknown column(s) price in a test row; the contract has order_id, buyer_id, merchant_id, parent_order_id, category, category_source, amount, created_at, promised_ship_by, shipped_at, delivered_at, cancelled_at, address_key, device_key, payment_key',
    );
  });
});

describe('smallMarketplace', () => {
  it('passes every contract, and its foreign keys resolve once loaded', async () => {
    const m = smallMarketplace();
    for (const t of TABLE_NAMES) {
      for (const r of m[t] ?? [])
        expect(rowSchema(t).safeParse(fullRow(t, r)).error?.issues, `${t} ${JSON.stringify(r)}`).toBeUndefined();
    }
    const wh = await marketplaceWarehouse(m);
    try {
      for (const t of TABLE_NAMES) {
        expect(Number(await wh.scalar<bigint>(`select count(*) from ${t}`)), t).toBe(m[t]?.length);
        for (const fk of CONTRACTS[t].foreignKeys) {
          const dangling = await wh.scalar<bigint>(
            `select count(*) from ${t} x where not exists (select 1 from ${fk.table} y where y.${fk.references} = x.${fk.column})`,
          );
          expect(dangling, `${t}.${fk.column}`).toBe(0n);
        }
      }
    } finally {
      wh.close();
    }
  });
});
