// Row test of exports without registration or opening dates, and with guest checkouts: ages count from the first order,
// marked as derived, and guests are nobody's buyer features.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyer, merchant, order } from '../../support/contractRows.ts';
import { buildSmall, type BuiltFeatures } from './fixtures/buildSmall.ts';

const AS_OF = '2026-03-01';
let built: BuiltFeatures;
beforeAll(async () => {
  built = await buildSmall(
    {
      buyers: [buyer('b1', { registered_at: '2025-01-01' }), buyer('b2', { registered_at: null })],
      merchants: [merchant('m1', { opened_at: null }), merchant('m2', { opened_at: '2024-03-01' })],
      orders: [
        order('o1', 'b1', 'm1', { created_at: '2026-01-30' }),
        order('o2', 'b2', 'm1', { created_at: '2026-02-19' }),
        order('o3', 'b2', 'm2', { created_at: '2026-02-25' }),
        // a guest checkout: counts for the merchant, is no buyer's
        order('o4', null, 'm2', { created_at: '2026-02-26', device_key: 'd1' }),
        order('o5', null, 'm2', { created_at: '2026-02-27', device_key: 'd1' }),
      ],
    },
    AS_OF,
  );
});
afterAll(() => built.wh.close());

describe('dates the export does not have', () => {
  it('counts a buyer without a registration date from its first order, and says so', async () => {
    expect(await built.buyer('b1')).toMatchObject({ account_age_days: 424, account_age_basis: 'registration' });
    expect(await built.buyer('b2')).toMatchObject({ account_age_days: 10, account_age_basis: 'first order' });
  });

  it('counts a merchant without an opening date from its first order received, and says so', async () => {
    expect(await built.merchant('m1')).toMatchObject({ merchant_age_days: 30, merchant_age_basis: 'first order' });
    expect(await built.merchant('m2')).toMatchObject({ merchant_age_days: 730, merchant_age_basis: 'opening date' });
  });

  it('keeps guest checkouts out of buyer features and linked groups, and in the merchant’s orders', async () => {
    const ids = await built.wh.all('select buyer_id from feat_buyer order by buyer_id');
    expect(ids.map((r) => r.buyer_id)).toEqual(['b1', 'b2']);
    expect(await built.merchant('m2')).toMatchObject({ orders_90d: 3 });
    expect(await built.buyer('b2')).toMatchObject({ group_size: 1 });
  });
});
