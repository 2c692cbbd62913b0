// Replay semantics: instant-all equals status-quo's money, reject-all stops all abuse, capacity overflow, deadline,
// rerun replacement.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { parsePolicy } from '../../../pipelines/simulate/policy/loadPolicy.ts';
import { buildRequestContext } from '../../../pipelines/simulate/buildRequestContext.ts';
import { replayPolicy, resetOutcomes } from '../../../pipelines/simulate/replayPolicy.ts';
import { simulatePolicies } from '../../../pipelines/simulate/simulatePolicies.ts';
import type { SimResultRow } from '../../../data/warehouse/tables/simResultRow.ts';
import { simWarehouse } from './simFixture.ts';
import { marketplace } from './requestFixture.ts';

const AS_OF = '2026-11-02';
const statusQuo = parsePolicy({ name: 'status-quo', default: 'as_recorded' }, 'status-quo.yaml');
const instantAll = parsePolicy({ name: 'instant-all', default: 'instant_refund' }, 'instant-all.yaml');
const rejectAll = parsePolicy({ name: 'reject-all', default: 'reject' }, 'reject-all.yaml');

/** Every recorded request is refund-only, approved by the merchant, goods kept: the world instant-all reproduces. */
const refundOnlyWorld = marketplace(
  [
    { id: 'b1', confirmedAt: '2026-09-01 00:00:00' },
    { id: 'b2' },
    { id: 'b3', registeredAt: '2026-10-20 00:00:00' },
    { id: 'b4', confirmedAt: '2026-12-01 00:00:00' }, // confirmed after the as-of date: honest as far as the simulator knows
  ],
  [
    { id: 'r1', buyer: 'b1', amount: 100.1, at: '2026-10-05 10:00:00', category: 'electronics' },
    { id: 'r2', buyer: 'b1', amount: 20.2, at: '2026-10-06 10:00:00', merchant: 'm2' },
    { id: 'r3', buyer: 'b2', amount: 30.3, at: '2026-10-07 10:00:00', category: 'fresh_food' },
    { id: 'r4', buyer: 'b3', amount: 44.4, at: '2026-10-27 10:00:00', merchant: 'm2' },
    { id: 'r5', buyer: 'b4', amount: 0.7, at: '2026-09-15 10:00:00' },
    { id: 'r6', buyer: 'b2', amount: 9.99, at: '2026-11-02 00:00:00' }, // on the as-of date: outside the window
  ],
  {
    merchantScores: [
      { as_of: '2026-09-28', merchant_id: 'm1', trust: 90, tier: 'top-rated' },
      { as_of: '2026-09-28', merchant_id: 'm2', trust: 30, tier: 'at-risk' },
    ],
  },
);

const pick = (rows: SimResultRow[], scenario: string, metric: string, segment = 'overall') =>
  rows.find((r) => r.scenario === scenario && r.metric === metric && r.segment === segment)?.value;

describe('simulatePolicies on a refund-only world', () => {
  let wh: Warehouse;
  let rows: SimResultRow[];
  beforeAll(async () => {
    wh = await simWarehouse(refundOnlyWorld);
    ({ rows } = await simulatePolicies(wh, {
      asOf: AS_OF,
      weeks: 12,
      policies: [statusQuo, instantAll, rejectAll],
      bootstrap: 30,
      seed: 7,
    }));
  });
  afterAll(() => wh.close());

  it('instant refund for everything reproduces status-quo money flows to the cent, in every segment', () => {
    const money = [
      'merchant_loss',
      'refund_paid',
      'abusive_amount_paid_confirmed',
      'abusive_amount_stopped_confirmed',
      'requests',
    ];
    const segments = [...new Set(rows.map((r) => r.segment))].sort();
    expect(segments).toEqual([
      'category=apparel',
      'category=electronics',
      'category=fresh_food',
      'merchant_tier=at-risk',
      'merchant_tier=top-rated',
      'merchant_tier=unscored',
      'overall',
    ]);
    for (const segment of segments) {
      for (const metric of money) {
        expect(pick(rows, 'instant-all', metric, segment), `${metric} ${segment}`).toBe(
          pick(rows, 'status-quo', metric, segment),
        );
      }
    }
    expect(pick(rows, 'status-quo', 'merchant_loss')).toBe(195.7);
    expect(pick(rows, 'status-quo', 'abusive_amount_paid_confirmed')).toBe(120.3);
    expect(pick(rows, 'status-quo', 'honest_burdened')).toBe(0);
  });

  it('rejecting everything stops all abusive money and burdens every honest request', () => {
    expect(pick(rows, 'reject-all', 'abusive_amount_stopped_confirmed')).toBe(120.3);
    expect(pick(rows, 'reject-all', 'abusive_amount_paid_confirmed')).toBe(0);
    expect(pick(rows, 'reject-all', 'merchant_loss')).toBe(0);
    expect(pick(rows, 'reject-all', 'honest_burdened')).toBe(3);
    expect(pick(rows, 'reject-all', 'honest_burdened_rate')).toBe(1);
    expect(pick(rows, 'reject-all', 'new_buyer_burdened_rate')).toBe(1);
    expect(pick(rows, 'reject-all', 'requests_reject')).toBe(5);
  });

  it('counts requests with no score at or before them, and gives intervals that contain the value', () => {
    expect(pick(rows, 'status-quo', 'requests_unscored')).toBe(5);
    for (const r of rows.filter((x) => x.lo !== null)) {
      expect(r.lo!, `${r.scenario} ${r.segment} ${r.metric}`).toBeLessThanOrEqual(r.value + 1e-9);
      expect(r.hi!).toBeGreaterThanOrEqual(r.value - 1e-9);
    }
  });

  it('stores sim_results and a rerun of a scenario replaces only its own rows', async () => {
    const count = async (scenario: string) =>
      Number(
        await wh.scalar<bigint>("select count(*) from sim_results where scenario = $s and as_of = '2026-11-02'", {
          s: scenario,
        }),
      );
    const before = await count('reject-all');
    expect(before).toBeGreaterThan(20);
    await simulatePolicies(wh, { asOf: AS_OF, weeks: 12, policies: [statusQuo], bootstrap: 5, seed: 7 });
    expect(await count('status-quo')).toBe(rows.filter((r) => r.scenario === 'status-quo').length);
    expect(await count('reject-all')).toBe(before);
    expect(await wh.scalar<bigint>('select count(*) from sim_results')).toBe(BigInt(rows.length));
  });
});

describe('replayPolicy', () => {
  let wh: Warehouse;
  const at = (d: number, h = 10) => `2026-10-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:00:00`;
  beforeAll(async () => {
    wh = await simWarehouse(
      marketplace(
        [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }, { id: 'b4' }],
        [
          // week of 2026-10-05 (the window starts on Mondays counted from the as-of date)
          { id: 'w1-low', buyer: 'b1', amount: 10, at: at(5) },
          { id: 'w1-top', buyer: 'b2', amount: 10, at: at(6) },
          { id: 'w1-mid', buyer: 'b3', amount: 50, at: at(7) },
          { id: 'w1-mid-small', buyer: 'b4', amount: 5, at: at(7) },
          // next week: capacity is fresh
          { id: 'w2-low', buyer: 'b1', amount: 10, at: at(13) },
          { id: 'slow-merchant', buyer: 'b1', amount: 8, at: at(14), respondedAt: '2026-10-17 10:00:00' },
          { id: 'no-answer', buyer: 'b1', amount: 8, at: at(14), respondedAt: null },
          { id: 'quick-merchant', buyer: 'b1', amount: 8, at: at(14), respondedAt: '2026-10-15 09:00:00' },
        ],
        {
          buyerScores: [
            { as_of: '2026-10-01', buyer_id: 'b1', risk: 0.6 },
            { as_of: '2026-10-01', buyer_id: 'b2', risk: 0.9 },
            { as_of: '2026-10-01', buyer_id: 'b3', risk: 0.7 },
            { as_of: '2026-10-01', buyer_id: 'b4', risk: 0.7 },
          ],
        },
      ),
    );
    await buildRequestContext(wh, { asOf: AS_OF, weeks: 12 });
  });
  afterAll(() => wh.close());

  const actions = async (name: string) => {
    const rows = await wh.all<{ request_id: string; final_action: string }>(
      'select request_id, final_action from sim_outcomes where scenario = $s order by request_id',
      { s: name },
    );
    return Object.fromEntries(rows.map((r) => [r.request_id, r.final_action]));
  };

  it('reviews the riskiest requests of each week up to capacity and sends the overflow to the fallback', async () => {
    await resetOutcomes(wh);
    const capped = parsePolicy(
      {
        name: 'capped',
        rules: [
          {
            when: [
              { field: 'buyer_risk', op: '>=', value: 0.5 },
              { field: 'amount', op: '>=', value: 5 },
              { field: 'amount', op: '<=', value: 50 },
            ],
            action: 'manual_review',
          },
        ],
        default: 'instant_refund',
        settings: { reviewCapacityPerWeek: 2, overflowAction: 'reject' },
      },
      'capped.yaml',
    );
    await replayPolicy(wh, { ...capped, rules: [{ ...capped.rules[0]!, when: capped.rules[0]!.when.slice(0, 1) }] });
    expect(await actions('capped')).toEqual({
      'w1-top': 'manual_review', // risk 0.9 first
      'w1-mid': 'manual_review', // risk 0.7, larger amount breaks the tie
      'w1-mid-small': 'reject',
      'w1-low': 'reject',
      'w2-low': 'manual_review',
      'no-answer': 'manual_review', // equal risk and amount: request id decides
      'quick-merchant': 'reject',
      'slow-merchant': 'reject',
    });
    const overflow = await wh.all('select request_id from sim_outcomes where overflow order by 1');
    expect(overflow.map((r) => r.request_id)).toEqual(['quick-merchant', 'slow-merchant', 'w1-low', 'w1-mid-small']);
  });

  it('auto-refunds a return request the merchant did not answer within the deadline, unless the rule is exempt', async () => {
    await resetOutcomes(wh);
    const deadline = parsePolicy(
      { name: 'deadline', default: 'refund_after_return', settings: { merchantResponseHours: 48 } },
      'd.yaml',
    );
    const exempt = parsePolicy(
      {
        name: 'exempt',
        rules: [{ action: 'refund_after_return', exemptFromDeadline: true }],
        default: 'reject',
        settings: { merchantResponseHours: 48 },
      },
      'e.yaml',
    );
    await replayPolicy(wh, deadline);
    await replayPolicy(wh, exempt);
    const d = await actions('deadline');
    expect([d['slow-merchant'], d['no-answer'], d['quick-merchant']]).toEqual([
      'instant_refund',
      'instant_refund',
      'refund_after_return',
    ]);
    expect(Object.values(await actions('exempt')).every((a) => a === 'refund_after_return')).toBe(true);
    const days = await wh.scalar<number>(
      "select days_to_refund from sim_outcomes where scenario = 'deadline' and request_id = 'no-answer'",
    );
    expect(days).toBe(2);
  });
});
