// The score stage on a tiny warehouse: tables, tiers, reasons with real features and values, the queue, history,
// atomicity.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../data/log/Logger.ts';
import { scoreAll } from '../../../pipelines/score/scoreAll.ts';
import { trainModels } from '../../../pipelines/train/trainModels.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { buyerTier } from '../../../data/vocabulary/tiers.ts';
import { readArtifactFor } from '../../../models/registry/artifactStore.ts';
import { merchantTierOf } from '../../../models/score/merchantTierOf.ts';
import { MINI_TRAINING } from '../../models/fixtures/miniSpecs.ts';
import { miniScoreConfig } from './fixtures/miniScoreConfig.ts';
import { AS_OF, BUYERS_PER_SNAPSHOT, MERCHANTS_PER_SNAPSHOT, miniWarehouse } from '../train/fixtures/miniWarehouse.ts';

const root = mkdtempSync(join(tmpdir(), 'trustlens-score-'));
const log = createLogger({ verbosity: 'quiet' });
const config = miniScoreConfig(root);

let wh: Warehouse;
beforeAll(async () => {
  wh = await miniWarehouse();
  await trainModels(wh, AS_OF, config, log, MINI_TRAINING);
  await scoreAll(wh, AS_OF, config, log, { features: 'reuse' });
});
afterAll(() => {
  wh.close();
  rmSync(root, { recursive: true, force: true });
});

type BuyerRow = {
  buyer_id: string;
  risk: number;
  tier: string;
  reasons: string[];
  expected_loss: number;
  refund_only_amount_30d: number;
  group_id: string | null;
  refund_only_90d: number;
};

describe('score_buyer', () => {
  it('scores every buyer of the snapshot with a calibrated risk and the tier its thresholds give', async () => {
    const rows = await wh.all<BuyerRow>(
      'select s.*, f.refund_only_90d from score_buyer s join feat_buyer_history f using (as_of, buyer_id) order by buyer_id',
    );
    expect(rows).toHaveLength(BUYERS_PER_SNAPSHOT);
    for (const r of rows) {
      expect(r.risk).toBeGreaterThanOrEqual(0);
      expect(r.risk).toBeLessThanOrEqual(1);
      expect(r.tier).toBe(buyerTier(r.risk, config.tiers));
      expect(r.expected_loss).toBeCloseTo(r.risk * Math.max(r.refund_only_amount_30d, r.refund_only_90d * 20), 9);
    }
    expect(new Set(rows.map((r) => r.tier)).size).toBeGreaterThan(1);
  });

  it("gives flagged buyers up to four reasons naming the model's features with the buyer's own values", async () => {
    const rows = await wh.all<BuyerRow & { refund_only_90d: number; claims: number; group_size: number }>(
      `select s.*, f.refund_only_90d, f.not_received_claims_90d as claims, f.group_size from score_buyer s
       join feat_buyer_history f on f.buyer_id = s.buyer_id and f.as_of = s.as_of where s.tier <> 'normal'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons.length).toBeLessThanOrEqual(4);
      for (const sentence of r.reasons) {
        const own =
          sentence ===
            `${r.refund_only_90d} refund-only requests in 90 days (typical: ${sentence.match(/typical: (\d+)/)?.[1]})` ||
          sentence.startsWith(`${r.claims} 'not received' claims on delivered parcels in 90 days`) ||
          sentence.startsWith(`in a linked group of ${r.group_size} accounts`) ||
          /^\d+ orders in 90 days \(typical: \d+\)$/.test(sentence);
        expect(own, sentence).toBe(true);
      }
    }
  });
});

describe('risk_queue', () => {
  it('holds the review capacity, ranked by expected loss, with linked accounts', async () => {
    const q = await wh.all<{
      rank: number;
      expected_loss: number;
      group_id: string | null;
      group_size: number;
      group_members: string[];
      buyer_id: string;
    }>('select * from risk_queue order by rank');
    expect(q.map((r) => r.rank)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    for (let i = 1; i < q.length; i++) expect(q[i]!.expected_loss).toBeLessThanOrEqual(q[i - 1]!.expected_loss);
    for (const r of q) {
      expect(r.group_members).toHaveLength(r.group_size - 1);
      expect(r.group_members).not.toContain(r.buyer_id);
      if (r.group_id === null) expect(r.group_size).toBe(1);
    }
  });
});

describe('risk_queue_handled', () => {
  it('lists the confirmed abusers apart, in queue order, and none of them takes a queue slot', async () => {
    const confirmed = (
      await wh.all<{ buyer_id: string }>("select buyer_id from investigations where verdict = 'confirmed_abuse'")
    ).map((r) => r.buyer_id);
    const queued = (await wh.all<{ buyer_id: string }>('select buyer_id from risk_queue')).map((r) => r.buyer_id);
    const handled = await wh.all<{ rank: number; buyer_id: string; handled_as: string; expected_loss: number }>(
      'select * from risk_queue_handled order by rank',
    );
    expect(queued.filter((b) => confirmed.includes(b))).toEqual([]);
    expect(handled.map((r) => r.buyer_id).sort()).toEqual([...confirmed].sort());
    expect(new Set(handled.map((r) => r.handled_as))).toEqual(new Set(['confirmed_abuse']));
    for (let i = 1; i < handled.length; i++)
      expect(handled[i]!.expected_loss).toBeLessThanOrEqual(handled[i - 1]!.expected_loss);
  });

  it("stores the week's queue summary: capacity, queued and handled counts, and the floors", async () => {
    const [s] = await wh.all('select capacity, queued, handled, min_risk, min_expected_loss from risk_queue_summary');
    const handled = Number(await wh.scalar('select count(*) from risk_queue_handled'));
    expect(s).toEqual({ capacity: 10, queued: 10, handled, min_risk: 0, min_expected_loss: 0 });
  });
});

describe('score_merchant', () => {
  it('gives trust 0–100 with its tier, and four component sub-scores to the shops in watch or at-risk', async () => {
    const rows = await wh.all<{
      trust: number;
      tier: string;
      fulfilment: number | null;
      product_quality: number | null;
      after_sales: number | null;
      satisfaction: number | null;
      reasons: string[];
    }>('select * from score_merchant');
    expect(rows).toHaveLength(MERCHANTS_PER_SNAPSHOT);
    // quantile tiers learned at training, stored in the artifact; the first scored week has no previous tier to stick
    // to
    const tierOf = merchantTierOf(config.tiers, readArtifactFor(root, 'merchant-trust', AS_OF));
    const watched = (tier: string) => tier === 'watch' || tier === 'at-risk';
    // both kinds are there, or the test would say nothing about one of them
    expect(rows.filter((r) => watched(r.tier)).length).toBeGreaterThan(0);
    expect(rows.filter((r) => !watched(r.tier)).length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.tier).toBe(tierOf(r.trust, null));
      expect(r.trust).toBeGreaterThanOrEqual(0);
      expect(r.trust).toBeLessThanOrEqual(100);
      const subScores = [r.fulfilment, r.product_quality, r.after_sales, r.satisfaction];
      if (!watched(r.tier)) {
        // no TreeSHAP on the first week's top-rated and standard shops (no previous tier to move from)
        expect(subScores).toEqual([null, null, null, null]);
        expect(r.reasons).toEqual([]);
        continue;
      }
      expect(r.reasons.length).toBeGreaterThan(0);
      for (const v of subScores) {
        expect(v).toBeGreaterThanOrEqual(r.trust);
        expect(v).toBeLessThanOrEqual(100);
      }
    }
  });
});

describe('history', () => {
  const counts = async () =>
    (
      await wh.all<{ n: bigint }>(
        `select (select count(*) from score_buyer_history) + (select count(*) from score_merchant_history) + (select count(*) from risk_queue_history)
           + (select count(*) from risk_queue_handled_history) + (select count(*) from risk_queue_summary_history) as n`,
      )
    )[0]!.n;

  it('upserts the as_of rows: scoring the same week twice keeps one copy', async () => {
    const before = await counts();
    await scoreAll(wh, AS_OF, config, log, { features: 'reuse' });
    expect(await counts()).toBe(before);
    const handled = Number(await wh.scalar('select count(*) from risk_queue_handled'));
    expect(before).toBe(BigInt(BUYERS_PER_SNAPSHOT + MERCHANTS_PER_SNAPSHOT + 10 + handled + 1));
  });

  it("leaves last week's tables and history intact when a scoring run fails", async () => {
    const before = await wh.all('select buyer_id, risk from score_buyer order by buyer_id');
    const n = await counts();
    await wh.run('alter table buyer_groups rename to buyer_groups_hidden');
    await expect(scoreAll(wh, AS_OF, config, log, { features: 'reuse' })).rejects.toThrow(/buyer_groups/);
    await wh.run('alter table buyer_groups_hidden rename to buyer_groups');
    expect(await wh.all('select buyer_id, risk from score_buyer order by buyer_id')).toEqual(before);
    expect(await counts()).toBe(n);
    expect(await wh.tableExists('score_buyer__new')).toBe(false);
  });
});
