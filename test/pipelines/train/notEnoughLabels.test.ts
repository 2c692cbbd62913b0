// `train` on a marketplace without usable labels: it stops before building anything and says which labels each model
// needs and how many it found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { createLogger } from '../../../data/log/Logger.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { trainModels } from '../../../pipelines/train/trainModels.ts';
import type { NotEnoughLabels } from '../../../pipelines/train/notEnoughLabels.ts';
import { MINI_TRAINING } from '../../models/fixtures/miniSpecs.ts';
import { investigation, merchantAction } from '../../support/contractRows.ts';
import { marketplaceWarehouse } from '../../support/marketplaceWarehouse.ts';

const AS_OF = '2026-03-02';
const log = createLogger({ verbosity: 'quiet' });
const config = configSchema.parse({ artifactsDir: '/nonexistent', training: { snapshotWeeks: 5, validationWeeks: 2 } });

let wh: Warehouse;
beforeAll(async () => {
  // a cleared case and a warning: labels exist, none positive
  wh = await marketplaceWarehouse({
    investigations: [investigation('c1', 'b1', { closed_at: '2026-01-20', verdict: 'cleared' })],
    merchant_actions: [merchantAction('a1', 'm1', { taken_at: '2025-12-01', action: 'warning' })],
  });
});
afterAll(() => wh.close());

describe('train without usable labels', () => {
  it('names the labels each model learns from, the snapshots, what it found, and what to do meanwhile', async () => {
    await expect(trainModels(wh, AS_OF, config, log, MINI_TRAINING)).rejects.toThrow(
      'abuse-risk cannot be trained yet: it learns from investigations closed with verdict confirmed_abuse (opened within 90 days after a snapshot) known before 2026-03-02, over weekly snapshots 2026-01-05 … 2026-02-02 (the newest 2 held out); found none (1 closed investigation in all)\n' +
        'merchant-trust cannot be trained yet: it learns from serious actions (point_deduction, demotion, suspension, closure) within 90 days after a snapshot known before 2026-03-02, over weekly snapshots 2025-11-03 … 2025-12-01 (the newest 2 held out); found none (1 governance action in all)\n' +
        '(train later as labels arrive; meanwhile `trustlens run` scores with the starter models (config models.useStarter))',
    );
  });

  it('hands each shortfall to the run instead of failing when asked (the run then scores with starter models)', async () => {
    const seen: NotEnoughLabels[] = [];
    const trained = await trainModels(wh, AS_OF, config, log, { ...MINI_TRAINING, onShortfall: (s) => seen.push(s) });
    expect(trained).toEqual([]);
    expect(seen.map((s) => s.model)).toEqual(['abuse-risk', 'merchant-trust']);
  });
});
