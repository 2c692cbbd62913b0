// A replay-only past week: the same risk, tier and trust as scoring that week in full, without queue, reasons or
// current tables.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../data/log/Logger.ts';
import { scoreAll } from '../../../pipelines/score/scoreAll.ts';
import { trainModels } from '../../../pipelines/train/trainModels.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { MINI_TRAINING } from '../../models/fixtures/miniSpecs.ts';
import { miniScoreConfig } from './fixtures/miniScoreConfig.ts';
import { AS_OF, BUYERS_PER_SNAPSHOT, MERCHANTS_PER_SNAPSHOT, miniWarehouse } from '../train/fixtures/miniWarehouse.ts';

const root = mkdtempSync(join(tmpdir(), 'trustlens-replay-'));
const log = createLogger({ verbosity: 'quiet' });
const config = miniScoreConfig(root);

const BUYERS = 'select buyer_id, risk, tier, refund_only_amount_30d, expected_loss, group_id, model_date';
const MERCHANTS = 'select merchant_id, trust, tier, model_date';
const week = (cols: string, table: string, key: string) =>
  wh.all(`${cols} from ${table} where as_of = $d::date order by ${key}`, { d: AS_OF });
const QUEUE_HISTORY = ['risk_queue_history', 'risk_queue_handled_history', 'risk_queue_summary_history'];

let wh: Warehouse;
let full: { buyers: unknown[]; merchants: unknown[]; current: unknown[] };
beforeAll(async () => {
  wh = await miniWarehouse();
  await trainModels(wh, AS_OF, config, log, MINI_TRAINING);
  await scoreAll(wh, AS_OF, config, log, { features: 'reuse' });
  full = {
    buyers: await week(BUYERS, 'score_buyer_history', 'buyer_id'),
    merchants: await week(MERCHANTS, 'score_merchant_history', 'merchant_id'),
    current: await wh.all('select buyer_id, risk, reasons from score_buyer order by buyer_id'),
  };
  // Cleared so that any queue row the replay wrote would show.
  for (const t of QUEUE_HISTORY) await wh.run(`delete from ${t} where as_of = $d::date`, { d: AS_OF });
  await scoreAll(wh, AS_OF, config, log, { features: 'reuse', purpose: 'replay' });
});
afterAll(() => {
  wh.close();
  rmSync(root, { recursive: true, force: true });
});

describe('a replay-only week', () => {
  it('writes the same buyer risk, tier, expected loss and group as a full scoring of that week', async () => {
    const replay = await week(BUYERS, 'score_buyer_history', 'buyer_id');
    expect(replay).toHaveLength(BUYERS_PER_SNAPSHOT);
    expect(replay).toEqual(full.buyers);
  });

  it('writes the same merchant trust and tier', async () => {
    const replay = await week(MERCHANTS, 'score_merchant_history', 'merchant_id');
    expect(replay).toHaveLength(MERCHANTS_PER_SNAPSHOT);
    expect(replay).toEqual(full.merchants);
  });

  it('computes no reasons and no merchant sub-scores (no TreeSHAP)', async () => {
    const [r] = await wh.all<{ reasons: bigint; subscores: bigint; merchant_reasons: bigint }>(
      `select (select count(*) from score_buyer_history where as_of = $d::date and len(reasons) > 0) as reasons,
              (select count(*) from score_merchant_history where as_of = $d::date and len(reasons) > 0) as merchant_reasons,
              (select count(*) from score_merchant_history
                where as_of = $d::date and coalesce(fulfilment, product_quality, after_sales, satisfaction) is not null) as subscores`,
      { d: AS_OF },
    );
    expect(r).toEqual({ reasons: 0n, merchant_reasons: 0n, subscores: 0n });
  });

  it('ranks no queue and leaves the current tables as the full scoring wrote them', async () => {
    for (const t of QUEUE_HISTORY)
      expect(Number(await wh.scalar(`select count(*) from ${t} where as_of = $d::date`, { d: AS_OF })), t).toBe(0);
    expect(await wh.all('select buyer_id, risk, reasons from score_buyer order by buyer_id')).toEqual(full.current);
  });
});
