// Each scorecard metric pinned on the literal marketplace: value, cases behind it, failed cases, category median and
// verdict (judged on the value alone by default; on evidence beyond chance with govern.confidence above 0.5).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { buildScorecards, dropGovernTemp } from '../../../pipelines/govern/governWeek.ts';
import { AS_OF, PREVIOUS } from './fixtures/governMarketplace.ts';
import { governWarehouse } from './fixtures/governWarehouse.ts';

const config = configSchema.parse({ govern: { historyWeeks: 2 } });

interface Line {
  value: number;
  cases: number;
  failed: number | null;
  verdict: string;
  category_median: number | null;
}

let wh: Warehouse;
let weeks: string[];
beforeAll(async () => {
  wh = await governWarehouse();
  weeks = await buildScorecards(wh, AS_OF, config);
});
afterAll(async () => {
  await dropGovernTemp(wh);
  wh.close();
});

async function line(standard: string, merchant = 'm1', asOf = AS_OF): Promise<Line | undefined> {
  const rows = await wh.all<Line & Record<string, unknown>>(
    'select value, cases, failed, verdict, category_median from gov_scorecard where merchant_id = $m and standard = $s and as_of = $d::date',
    { m: merchant, s: standard, d: asOf },
  );
  return rows[0];
}

describe('the weekly scorecard of merchant m1 as of 2026-03-02 (window 2026-02-02 … 2026-03-01)', () => {
  it('covers the history weeks ending at the date', () => {
    expect(weeks).toEqual([PREVIOUS, AS_OF]);
  });

  it('ticket first answer: median over answered tickets and those unanswered past 24 h (hours elapsed), against the category median', async () => {
    // t1 2 h, t4 4 h, t2 30 h, t3 never answered (422 h by the date); t6 is 12 h old and unanswered: not judged yet
    expect(await line('ticket_response_median')).toEqual({
      value: 17,
      cases: 4,
      failed: 2,
      verdict: 'fail',
      category_median: 9.5,
    });
    expect(await line('ticket_response_median', 'm2')).toMatchObject({ value: 2, cases: 3, verdict: 'pass' });
  });

  it('tickets answered late: after 24 h or not at all', async () => {
    expect(await line('ticket_response_late')).toMatchObject({ value: 0.5, cases: 4, failed: 2, verdict: 'pass' });
  });

  it('refund first answer: median and share after 48 h, leaving out requests still inside the 48 h', async () => {
    // r3 1 h, r6 1 h, r4 2 h, r1 6 h, r5 28 h, r2 never answered (566 h); r8 is 38 h old and unanswered
    expect(await line('refund_response_median')).toMatchObject({ value: 4, cases: 6, verdict: 'pass' });
    expect(await line('refund_response_late')).toMatchObject({ cases: 6, failed: 1, verdict: 'pass' });
    expect((await line('refund_response_late'))!.value).toBeCloseTo(1 / 6, 12);
  });

  it('ticket resolution: share resolved among tickets at least 72 h old, and the median time of the resolved ones', async () => {
    expect(await line('ticket_resolution')).toMatchObject({ value: 0.5, cases: 4, failed: 2, verdict: 'pass' });
    expect(await line('ticket_resolution_time')).toMatchObject({ value: 41, cases: 2, verdict: 'too_few_cases' });
  });

  it('disputes lost: escalated and decided against the merchant, among decided requests', async () => {
    expect(await line('disputes_lost')).toMatchObject({ cases: 6, failed: 1, verdict: 'pass' });
  });

  it('attitude complaints per ticket and low service ratings (3 or lower) per rated review', async () => {
    expect(await line('attitude_complaints')).toMatchObject({ value: 0.2, cases: 5, failed: 1, verdict: 'pass' });
    expect(await line('low_service_ratings')).toMatchObject({ value: 0.5, cases: 2, failed: 1, verdict: 'pass' });
  });

  it('7-day no-reason returns refused (escalated) or left to the auto-refund', async () => {
    expect(await line('no_reason_refused')).toMatchObject({
      value: 1,
      cases: 2,
      failed: 2,
      verdict: 'fail',
    });
  });

  it('fresh-food requests not decided within 24 h', async () => {
    expect(await line('fresh_food_slow_decision')).toMatchObject({ value: 0.5, cases: 2, failed: 1, verdict: 'pass' });
  });

  it('electronics exchanges refused: one case is too few for a verdict', async () => {
    expect(await line('electronics_exchange_refused')).toMatchObject({
      value: 1,
      cases: 1,
      failed: 1,
      verdict: 'too_few_cases',
    });
  });

  it('late shipments among orders due before the date (a cancelled or not-yet-due order has no verdict)', async () => {
    expect(await line('late_shipment')).toMatchObject({ value: 0.25, cases: 8, failed: 2, verdict: 'fail' });
  });

  it('product defect refunds per order', async () => {
    expect(await line('quality_refunds')).toMatchObject({ value: 0.3, cases: 10, failed: 3, verdict: 'fail' });
  });
});

describe('govern.confidence: a standard fails when the share of failed cases is past the limit beyond chance', () => {
  async function verdicts(confidence: number): Promise<Record<string, string>> {
    const judged = await governWarehouse();
    try {
      await buildScorecards(judged, AS_OF, configSchema.parse({ govern: { historyWeeks: 2, confidence } }));
      const rows = await judged.all<{ standard: string; verdict: string }>(
        `select standard, verdict from gov_scorecard where merchant_id = 'm1' and as_of = $d::date
         and standard in ('ticket_response_median', 'no_reason_refused', 'late_shipment', 'quality_refunds')`,
        { d: AS_OF },
      );
      return Object.fromEntries(rows.map((r) => [r.standard, r.verdict]));
    } finally {
      judged.close();
    }
  }

  it('at 95%: 3 of 10 orders with a defect refund against 10% fail (Wilson bound 12.7%), 2 of 8 late do not (8.7%)', async () => {
    expect(await verdicts(0.95)).toEqual({
      ticket_response_median: 'within_chance',
      no_reason_refused: 'within_chance',
      late_shipment: 'within_chance',
      quality_refunds: 'fail',
    });
  });

  it('at 80%, 2 of 8 late shipments (bound 14.5%) and 2 of 2 refused returns (73.9% against 50%) are evidence enough; 2 of 4 tickets over 8 h never are', async () => {
    expect(await verdicts(0.8)).toEqual({
      ticket_response_median: 'within_chance',
      no_reason_refused: 'fail',
      late_shipment: 'fail',
      quality_refunds: 'fail',
    });
  });

  it('0.5 (the default) judges the value alone: every value past its limit fails', async () => {
    expect(await verdicts(0.5)).toEqual({
      ticket_response_median: 'fail',
      no_reason_refused: 'fail',
      late_shipment: 'fail',
      quality_refunds: 'fail',
    });
  });
});

describe('abuse exposure is never held against a merchant: cases of buyers flagged at the time are left out', () => {
  it('before b2 is confirmed and b3 scored high (2026-02-23), their ticket, request and review count', async () => {
    // tickets: t1 2 h, t4 4 h, t2 30 h, t5 (b2) 53 h, t3 unanswered (254 h)
    expect(await line('ticket_response_median', 'm1', PREVIOUS)).toMatchObject({ value: 30, cases: 5 });
    expect(await line('ticket_response_late', 'm1', PREVIOUS)).toMatchObject({ value: 0.6, cases: 5, failed: 3 });
    // requests: b3's r7 answered after 72 h counts
    expect(await line('refund_response_late', 'm1', PREVIOUS)).toMatchObject({ cases: 7, failed: 2 });
    expect(await line('low_service_ratings', 'm1', PREVIOUS)).toMatchObject({ cases: 3, failed: 2 });
  });

  it('a week later, b2 (confirmed on 2026-02-25) and b3 (high at the 2026-02-23 score) are left out', async () => {
    expect(await line('ticket_response_late')).toMatchObject({ cases: 4 });
    expect(await line('refund_response_late')).toMatchObject({ cases: 6 });
    expect(await line('low_service_ratings')).toMatchObject({ cases: 2 });
    expect(await line('late_shipment')).toMatchObject({ cases: 8, failed: 2 }); // b3's late order o7 left out
  });

  it('without any buyer score yet, only confirmed abusers are left out', async () => {
    const bare = await governWarehouse({ scores: false });
    try {
      await buildScorecards(bare, AS_OF, config);
      const rows = await bare.all<{ cases: number } & Record<string, unknown>>(
        "select cases from gov_scorecard where merchant_id = 'm1' and standard = 'refund_response_late' and as_of = $d::date",
        { d: AS_OF },
      );
      expect(rows).toEqual([{ cases: 7 }]);
    } finally {
      bare.close();
    }
  });
});
