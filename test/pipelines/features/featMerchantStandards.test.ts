// Row test of feat_merchant.sql's worst standards: each adjusted standard as a percentile of the shops, worst first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buyer, merchant, order, serviceTicket, type LiteralRow } from '../../support/contractRows.ts';
import { buildSmall, type BuiltFeatures } from './fixtures/buildSmall.ts';

const AS_OF = '2026-03-01';

/** An order shipped on 2026-01-(day+1) against a promise of 2026-01-(day+1) (on time) or 2026-01-day (late). */
const shipped = (id: string, merchantId: string, day: number, late: boolean): LiteralRow =>
  order(id, 'b1', merchantId, {
    created_at: `2026-01-${String(day).padStart(2, '0')}`,
    promised_ship_by: `2026-01-${String(day + (late ? 0 : 2)).padStart(2, '0')}`,
    shipped_at: `2026-01-${String(day + 1).padStart(2, '0')}`,
  });

// No returns anywhere, so the refusal standard has no value and drops out. One ticket, answered within the hour,
// resolved and rated 5 without complaint, sets the marketplace's ticket rates: no slow answer and no complaint in the
// marketplace leaves those two standards without a value (nothing to compare with), and resolution and satisfaction
// read 1 for every shop (percentile 0), so only late shipment tells the shops apart.
let built: BuiltFeatures;
beforeAll(async () => {
  built = await buildSmall(
    {
      buyers: [buyer('b1')],
      merchants: [merchant('m1'), merchant('m2'), merchant('m3')],
      orders: [
        // m1: 1 of 2 late; m2: 0 of 9 late; m3: one order without a promised date (the marketplace rate)
        shipped('o1', 'm1', 2, true),
        shipped('o2', 'm1', 4, false),
        ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => shipped(`o1${i}`, 'm2', 2 * i, false)),
        order('o30', 'b1', 'm3', { created_at: '2026-02-10' }),
      ],
      service_tickets: [
        serviceTicket('t1', 'm3', {
          opened_at: '2026-02-11 00:00',
          first_response_at: '2026-02-11 01:00',
          resolved_at: '2026-02-12',
          resolved: true,
          satisfaction: 5,
        }),
      ],
    },
    AS_OF,
  );
});
afterAll(() => built.wh.close());

const standards = async (id: string) => {
  const r = await built.merchant(id);
  return [
    r?.worst_standard_365d,
    r?.worst_standard_pct_365d,
    r?.second_worst_standard_365d,
    r?.second_worst_standard_pct_365d,
  ];
};

describe('feat_merchant worst standards', () => {
  it('ranks each standard among the shops of the date (0 best, 1 worst) and names the worst two', async () => {
    // late adjusted: m2 (0 + 20·1/11) / 29 < m3 1/11 < m1 (1 + 20·1/11) / 22, so percentiles 0, 0.5, 1
    expect(await standards('m1')).toEqual([
      'late_shipment_vs_marketplace_365d',
      1,
      'ticket_satisfaction_vs_marketplace_365d',
      0,
    ]);
    expect(await standards('m3')).toEqual([
      'late_shipment_vs_marketplace_365d',
      0.5,
      'ticket_satisfaction_vs_marketplace_365d',
      0,
    ]);
  });

  it('breaks equal percentiles by the standard name (last first), so the pick never depends on row order', async () => {
    expect(await standards('m2')).toEqual([
      'ticket_satisfaction_vs_marketplace_365d',
      0,
      'ticket_resolution_vs_marketplace_365d',
      0,
    ]);
  });

  it('never names a standard without a value', async () => {
    const named = await built.wh.all<{ s: string }>(
      `select distinct worst_standard_365d as s from feat_merchant
       union select distinct second_worst_standard_365d from feat_merchant order by 1`,
    );
    expect(named.map((r) => r.s)).toEqual([
      'late_shipment_vs_marketplace_365d',
      'ticket_resolution_vs_marketplace_365d',
      'ticket_satisfaction_vs_marketplace_365d',
    ]);
    expect(await built.merchant('m1')).toMatchObject({
      no_reason_7day_refusal_rate_adj_365d: null,
      ticket_slow_response_vs_marketplace_365d: null,
      attitude_complaints_vs_marketplace_365d: null,
    });
  });

  it('reads NULL for the second when only one standard has a value (an export with orders alone)', async () => {
    const alone = await buildSmall(
      { buyers: [buyer('b1')], merchants: [merchant('m1')], orders: [shipped('o1', 'm1', 2, true)] },
      AS_OF,
    );
    expect(await alone.merchant('m1')).toMatchObject({
      worst_standard_365d: 'late_shipment_vs_marketplace_365d',
      worst_standard_pct_365d: 0,
      second_worst_standard_365d: null,
      second_worst_standard_pct_365d: null,
    });
    alone.wh.close();
  });
});
