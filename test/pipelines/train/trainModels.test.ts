// The train stage end to end on a tiny warehouse: artifacts and latest.json written, deterministic, blind to late
// labels.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { createLogger } from '../../../data/log/Logger.ts';
import { trainModels, type TrainOptions } from '../../../pipelines/train/trainModels.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { artifactDates, readArtifact } from '../../../models/registry/artifactStore.ts';
import { MINI_TRAINING } from '../../models/fixtures/miniSpecs.ts';
import { investigation, merchantAction } from '../../support/contractRows.ts';
import { insertRows } from '../../support/marketplaceWarehouse.ts';
import { AS_OF, BUYER_SNAPSHOTS, MERCHANT_SNAPSHOTS, miniWarehouse } from './fixtures/miniWarehouse.ts';
import { tried } from '../../support/badInputs.ts';

const root = mkdtempSync(join(tmpdir(), 'trustlens-train-'));
const log = createLogger({ verbosity: 'quiet' });
const configIn = (dir: string) =>
  configSchema.parse({
    artifactsDir: join(root, dir),
    training: { snapshotWeeks: 5, validationWeeks: 2, nTrees: 15, threads: 1 },
    review: { capacity: 10 },
  });
const file = (dir: string, model: string) => readFileSync(join(root, dir, model, `${AS_OF}.json`), 'utf8');

let wh: Warehouse;
beforeAll(async () => {
  wh = await miniWarehouse();
  await trainModels(wh, AS_OF, configIn('a'), log, MINI_TRAINING);
});
afterAll(() => {
  wh.close();
  rmSync(root, { recursive: true, force: true });
});

describe('trainModels', () => {
  it('writes both artifacts and a latest.json pointer to the newest date', () => {
    for (const model of ['abuse-risk', 'merchant-trust'] as const) {
      const a = readArtifact(join(root, 'a'), model, AS_OF);
      expect(a.model).toBe(model);
      expect(JSON.parse(readFileSync(join(root, 'a', model, 'latest.json'), 'utf8'))).toEqual({ date: AS_OF });
    }
  });

  it('holds out the newest matured snapshots: buyers ≥ 28 days old, merchants ≥ 90 days old', () => {
    const buyer = readArtifact(join(root, 'a'), 'abuse-risk', AS_OF);
    expect(buyer.trainingWindow.snapshots).toEqual(BUYER_SNAPSHOTS.slice(0, 3));
    expect(buyer.validationWindow.snapshots).toEqual(BUYER_SNAPSHOTS.slice(3));
    const merchant = readArtifact(join(root, 'a'), 'merchant-trust', AS_OF);
    expect(merchant.validationWindow).toMatchObject({ from: '2025-11-24', to: '2025-12-01' });
    expect(merchant.trainingWindow.snapshots).toEqual(MERCHANT_SNAPSHOTS.slice(0, 3));
    // 7 of the 80 merchants were demoted on 2025-12-20, inside the 90-day horizon of both validation snapshots.
    expect(merchant.metrics.positives).toBe(2 * 7);
  });

  it('writes byte-identical artifacts for the same data and seed', async () => {
    await trainModels(wh, AS_OF, configIn('b'), log, MINI_TRAINING);
    expect(file('b', 'abuse-risk')).toBe(file('a', 'abuse-risk'));
    expect(file('b', 'merchant-trust')).toBe(file('a', 'merchant-trust'));
  });

  it('ignores labels that close on or after the training date (planted late labels change nothing)', async () => {
    await insertRows(wh, 'investigations', [
      investigation('late1', 'b0000', { opened_at: '2026-01-10', closed_at: AS_OF }),
      investigation('late2', 'b0001', { opened_at: '2026-01-10', closed_at: '2026-03-15' }),
    ]);
    await insertRows(wh, 'merchant_actions', [merchantAction('late3', 'm000', { taken_at: AS_OF, action: 'closure' })]);
    await trainModels(wh, AS_OF, configIn('c'), log, MINI_TRAINING);
    expect(file('c', 'abuse-risk')).toBe(file('a', 'abuse-risk'));
    expect(file('c', 'merchant-trust')).toBe(file('a', 'merchant-trust'));
    await wh.run(`delete from investigations where case_id like 'late%'`);
    await wh.run(`delete from merchant_actions where action_id = 'late3'`);
  });

  it('publishes nothing when a later model of the same run fails: no new abuse-risk beside an old merchant-trust (failure 7)', async () => {
    tried(1); // a training run cut after its first model
    const failing: TrainOptions = {
      ...MINI_TRAINING,
      augment: (spec, data) => {
        if (spec.name === 'merchant-trust') throw new Error('killed while training merchant-trust');
        return data;
      },
    };
    await expect(trainModels(wh, AS_OF, configIn('d'), log, failing)).rejects.toThrow('killed while training');
    expect(artifactDates(join(root, 'd'), 'abuse-risk')).toEqual([]);
    expect(existsSync(join(root, 'd', 'abuse-risk'))).toBe(false);
  });
});
