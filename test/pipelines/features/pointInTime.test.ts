// Property: events dated on or after as_of never change any feature at as_of (no leakage from the future).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFeatures } from '../../../pipelines/features/buildFeatures.ts';
import type { Row } from '../../../data/warehouse/Warehouse.ts';
import {
  buyer,
  investigation,
  merchant,
  merchantAction,
  order,
  refundRequest,
  review,
  serviceTicket,
  type Marketplace,
} from '../../support/contractRows.ts';
import { insertMarketplace, marketplaceWarehouse } from '../../support/marketplaceWarehouse.ts';
import { AS_OF, smallMarketplace } from '../../support/smallMarketplace.ts';

const BUYERS = ['b1', 'b2', 'b3', 'b4', 'b5', 'b6'];
const MERCHANTS = ['m1', 'm2'];
const OLD_ORDERS = ['o1', 'o2', 'o3', 'o4', 'o5', 'o6', 'o7', 'o8', 'o10', 'o11'];

/** A timestamp on or after as_of (up to 60 days and 23 hours later). */
const futureTs = fc
  .record({ day: fc.integer({ min: 0, max: 60 }), hour: fc.integer({ min: 0, max: 23 }) })
  .map(({ day, hour }) => new Date(Date.parse(`${AS_OF}T00:00:00Z`) + (day * 24 + hour) * 3_600_000).toISOString());

const futureOrder = fc.record({
  buyer_id: fc.constantFrom(...BUYERS, 'bnew'),
  merchant_id: fc.constantFrom(...MERCHANTS, 'mnew'),
  category: fc.constantFrom('fresh_food', 'electronics', 'home'),
  amount: fc.integer({ min: 1, max: 500 }),
  created_at: futureTs,
  device_key: fc.constantFrom(null, 'd1', 'dx'),
  address_key: fc.constantFrom(null, 'a1'),
});

const futureRequest = fc.record({
  order_id: fc.constantFrom(...OLD_ORDERS, 'f0'),
  requested_at: futureTs,
  kind: fc.constantFrom('refund_only', 'return_and_refund'),
  reason: fc.constantFrom('not_received', 'quality', 'no_reason_7day'),
  amount: fc.integer({ min: 1, max: 100 }),
  status: fc.constantFrom('approved', 'rejected', 'pending'),
  escalated: fc.boolean(),
  decided_by: fc.constantFrom(null, 'auto', 'platform'),
});

const futureEvents = fc.record({
  orders: fc.array(futureOrder, { maxLength: 4 }),
  requests: fc.array(futureRequest, { maxLength: 4 }),
  reviews: fc.array(
    fc.record({
      order_id: fc.constantFrom(...OLD_ORDERS),
      rating: fc.integer({ min: 1, max: 5 }),
      created_at: futureTs,
    }),
    { maxLength: 3 },
  ),
  tickets: fc.array(
    fc.record({ merchant_id: fc.constantFrom(...MERCHANTS), opened_at: futureTs, attitude_complaint: fc.boolean() }),
    { maxLength: 2 },
  ),
  actions: fc.array(
    fc.record({
      merchant_id: fc.constantFrom(...MERCHANTS),
      taken_at: futureTs,
      action: fc.constantFrom('spot_check_fail', 'closure'),
    }),
    { maxLength: 2 },
  ),
  investigations: fc.array(fc.record({ buyer_id: fc.constantFrom(...BUYERS), closed_at: futureTs }), { maxLength: 2 }),
});

type FutureEvents = typeof futureEvents extends fc.Arbitrary<infer T> ? T : never;

function asRows(e: FutureEvents): Marketplace {
  const orders = e.orders.map(({ buyer_id, merchant_id, ...o }, i) => order(`f${i}`, buyer_id, merchant_id, o));
  return {
    buyers: [buyer('bnew', { registered_at: AS_OF })],
    merchants: [merchant('mnew', { name: 'new', main_category: 'home', opened_at: AS_OF })],
    // a request may point at a future order f0 only if one exists
    orders,
    refund_requests: e.requests
      .filter((r) => r.order_id !== 'f0' || orders.length > 0)
      .map(({ order_id, ...r }, i) =>
        refundRequest(`fr${i}`, order_id, { ...r, decided_at: r.status === 'pending' ? null : r.requested_at }),
      ),
    reviews: e.reviews.map(({ order_id, ...r }, i) => review(`fv${i}`, order_id, r)),
    service_tickets: e.tickets.map(({ merchant_id, ...t }, i) =>
      serviceTicket(`ft${i}`, merchant_id, { ...t, resolved: false }),
    ),
    merchant_actions: e.actions.map(({ merchant_id, ...a }, i) => merchantAction(`fa${i}`, merchant_id, a)),
    investigations: e.investigations.map(({ buyer_id, ...v }, i) =>
      investigation(`fc${i}`, buyer_id, { ...v, opened_at: AS_OF, verdict: 'confirmed_abuse' }),
    ),
  };
}

async function snapshot(data: Marketplace[]): Promise<Record<string, Row[]>> {
  const wh = await marketplaceWarehouse();
  try {
    for (const d of data) await insertMarketplace(wh, d);
    await buildFeatures(wh, AS_OF);
    return {
      buyers: await wh.all('select * from feat_buyer order by buyer_id'),
      merchants: await wh.all('select * from feat_merchant order by merchant_id'),
      groups: await wh.all('select * from buyer_groups order by buyer_id'),
    };
  } finally {
    wh.close();
  }
}

describe('features are point-in-time', () => {
  let base: Record<string, Row[]>;
  beforeAll(async () => {
    base = await snapshot([smallMarketplace()]);
  });

  it('adding any events dated on or after as_of leaves every feature at as_of unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(futureEvents, async (events) => {
        expect(await snapshot([smallMarketplace(), asRows(events)])).toEqual(base);
      }),
      { numRuns: 12, seed: 20261102 },
    );
  });
});
