// loadReportData against a tiny literal warehouse: week boundaries, rates, abuse loss, tiers, movers, queue,
// simulation, drift, artifacts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { contractTablesDdl } from '../../pipelines/ingest/contractDdl.ts';
import { loadReportData } from '../../reports/loadReportData.ts';
import type { ReportData } from '../../reports/reportData.ts';
import { openFixtureWarehouse, WH_AS_OF, WH_PREVIOUS, writeFixtureArtifacts } from './fixture/fixtureWarehouse.ts';

let wh: Warehouse;
let artifactsDir: string;
let data: ReportData;

beforeAll(async () => {
  wh = await openFixtureWarehouse();
  artifactsDir = mkdtempSync(join(tmpdir(), 'trustlens-report-artifacts-'));
  writeFixtureArtifacts(artifactsDir);
  data = await loadReportData(wh, WH_AS_OF, { trendWeeks: 4, movers: 10, reviewCapacity: 1, artifactsDir });
});

afterAll(() => {
  wh?.close();
  if (artifactsDir) rmSync(artifactsDir, { recursive: true, force: true });
});

describe('weekly numbers', () => {
  it('counts orders in [as-of − 7 days, as-of): the first instant is in, the as-of date is out', () => {
    const c = data.weekly.current;
    expect(c).toMatchObject({
      weekStart: WH_PREVIOUS,
      weekEnd: WH_AS_OF,
      orders: 5,
      gmv: 550,
      refundRequests: 4,
      refundOnlyRequests: 3,
    });
    expect(c.refundRequestRate).toBeCloseTo(0.8, 12);
    expect(c.refundOnlyShare).toBeCloseTo(0.75, 12);
  });

  it('estimates abuse loss as approved refund-only amount × the latest risk scored by the week end', () => {
    expect(data.weekly.current.estimatedAbuseLoss).toBeCloseTo(0.8 * 100 + 0.25 * 40, 9);
    expect(data.weekly.previous.estimatedAbuseLoss).toBeCloseTo(0.5 * 80, 9);
  });

  it('leaves weeks before the first score without an estimate, and keeps a trend of the asked length', () => {
    expect(data.weekly.trend.map((w) => w.weekEnd)).toEqual(['2026-10-12', '2026-10-19', WH_PREVIOUS, WH_AS_OF]);
    expect(data.weekly.trend.map((w) => w.estimatedAbuseLoss === null)).toEqual([true, true, false, false]);
    expect(data.weekly.trend.map((w) => w.orders)).toEqual([0, 0, 2, 5]);
  });

  it('splits the week by category', () => {
    const fresh = data.weekly.categories.find((c) => c.category === 'fresh_food')!;
    expect(fresh.current).toMatchObject({ orders: 2, gmv: 140, refundRequests: 2, refundOnlyRequests: 2 });
    expect(fresh.previous).toMatchObject({ orders: 1, refundRequests: 1 });
    expect(data.weekly.categories.map((c) => c.category)).toEqual(['apparel', 'electronics', 'fresh_food']);
  });

  it('counts flagged buyers and merchant tiers now and at the previous score', () => {
    // The model did not change between the weeks, so last week's published counts are the comparable ones.
    expect(data.weekly.flagged).toEqual({ current: 2, previous: 1, previousPublished: 1 });
    expect(data.weekly.merchantTiers).toEqual([
      { tier: 'top-rated', current: 0, previous: 0, previousPublished: 0 },
      { tier: 'standard', current: 1, previous: 2, previousPublished: 2 },
      { tier: 'watch', current: 2, previous: 1, previousPublished: 1 },
      { tier: 'at-risk', current: 0, previous: 0, previousPublished: 0 },
      { tier: 'inactive', current: 0, previous: 0, previousPublished: 0 },
    ]);
    expect(data.weekly.comparison).toEqual({
      previousAsOf: WH_PREVIOUS,
      changed: [],
      rescored: false,
      rescoreProblem: null,
    });
  });

  it('lists fallers and risers with names and reasons, unchanged merchants in neither', () => {
    const m = data.weekly.movers!;
    expect(m.previousAsOf).toBe(WH_PREVIOUS);
    expect(m.fallers.map((f) => [f.merchantId, f.trustBefore, f.trustNow, f.tierNow])).toEqual([
      ['m1', 80, 60, 'watch'],
    ]);
    // Without the model artifact the movers cannot be explained: no reasons rather than this week's level reasons.
    expect(m.fallers[0]!.reasons).toEqual([]);
    expect(m.reasonsExplained).toBe(false);
    expect(m.risers.map((r) => r.merchantId)).toEqual(['m2']);
  });
});

describe('queue, simulation, model card', () => {
  it('reads the queue in rank order with lists as arrays', () => {
    expect(data.queue.capacity).toBe(1);
    expect(data.queue.rows!.map((r) => [r.rank, r.buyerId, r.groupMembers, r.groupConfirmedAbusers])).toEqual([
      [1, 'b1', ['b3'], 1],
      [2, 'b3', ['b1'], 1],
    ]);
  });

  it('reads simulation rows with null intervals kept null', () => {
    const rows = data.policy.results!;
    expect(rows).toHaveLength(18);
    expect(
      rows.find((r) => r.scenario === 'risk-gated' && r.segment === 'overall' && r.metric === 'honest_burdened_rate'),
    ).toEqual({
      scenario: 'risk-gated',
      segment: 'overall',
      metric: 'honest_burdened_rate',
      value: 0.05,
      lo: null,
      hi: null,
    });
  });

  it('computes drift over the numeric columns both weeks share', () => {
    const buyer = data.modelCard.drift.find((d) => d.subject === 'Buyer features')!;
    expect(buyer.previousAsOf).toBe(WH_PREVIOUS);
    expect(buyer.rows!.map((r) => r.feature).sort()).toEqual(['not_received_share_90d', 'refund_only_count_90d']);
    expect(buyer.rows!.find((r) => r.feature === 'refund_only_count_90d')!.psi).toBe(0);
    expect(buyer.rows!.find((r) => r.feature === 'not_received_share_90d')!.psi).toBeGreaterThan(0.25);
    expect(data.modelCard.drift.map((d) => d.subject)).toEqual([
      'Buyer features',
      'Buyer risk score',
      'Merchant trust score',
    ]);
  });

  it('picks the newest artifact on or before the as-of date and reports a missing one', () => {
    const [abuse, trust] = data.modelCard.models;
    expect(abuse!.artifact.status).toBe('ok');
    expect(abuse!.artifact.status === 'ok' && abuse!.artifact.file.endsWith('2026-10-26.json')).toBe(true);
    expect(trust!.artifact).toEqual({ status: 'missing', dir: join(artifactsDir, 'merchant-trust') });
  });
});

describe('a warehouse with contract tables only', () => {
  it('loads with every stage output missing instead of failing', async () => {
    const bare = await Warehouse.open({ path: ':memory:' });
    try {
      await bare.run(contractTablesDdl());
      const d = await loadReportData(bare, WH_AS_OF, {
        trendWeeks: 2,
        movers: 3,
        reviewCapacity: 5,
        artifactsDir: '/nonexistent',
      });
      expect(d.weekly.current.orders).toBe(0);
      expect(d.weekly.current.estimatedAbuseLoss).toBeNull();
      expect([d.weekly.flagged, d.weekly.merchantTiers, d.weekly.movers, d.queue.rows, d.policy.results]).toEqual([
        null,
        null,
        null,
        null,
        null,
      ]);
      expect(d.modelCard.drift).toEqual([]);
      expect(d.modelCard.models.map((m) => m.artifact.status)).toEqual(['missing', 'missing', 'missing']);
    } finally {
      bare.close();
    }
  });
});

describe('merchants without orders in the trust window (inactive)', () => {
  it('are counted as inactive, never at risk, and are neither fallers nor risers', async () => {
    const w = await openFixtureWarehouse();
    try {
      // m4 stopped selling (its trust, read from stale data, fell 90 → 40); m5 came back (30 → 96)
      const row = (as_of: string, id: string, trust: number, tier: string) =>
        `('${as_of}', '${id}', ${trust}, '${tier}', ${trust}, ${trust}, ${trust}, ${trust}, ['no orders in the last 90 days'], '${WH_PREVIOUS}')`;
      await w.run(
        `insert into score_merchant_history (as_of, merchant_id, trust, tier, fulfilment, product_quality, after_sales,
           satisfaction, reasons, model_date) values ${[
             row(WH_PREVIOUS, 'm4', 90, 'standard'),
             row(WH_AS_OF, 'm4', 40, 'inactive'),
             row(WH_PREVIOUS, 'm5', 30, 'inactive'),
             row(WH_AS_OF, 'm5', 96, 'standard'),
           ].join(', ')}`,
      );
      const d = await loadReportData(w, WH_AS_OF, { trendWeeks: 4, movers: 10, reviewCapacity: 1, artifactsDir });
      expect(d.weekly.merchantTiers!.filter((t) => t.tier === 'at-risk' || t.tier === 'inactive')).toEqual([
        { tier: 'at-risk', current: 0, previous: 0, previousPublished: 0 },
        { tier: 'inactive', current: 1, previous: 1, previousPublished: 1 },
      ]);
      const movers = [...d.weekly.movers!.fallers, ...d.weekly.movers!.risers].map((m) => m.merchantId);
      expect(movers).not.toContain('m4');
      expect(movers).not.toContain('m5');
      expect(movers).toContain('m1');
    } finally {
      w.close();
    }
  });
});
