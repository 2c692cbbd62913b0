// The quality bar reads scores against the generator's truth files and prints one line per check with PASS/FAIL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { qualityBar } from '../../../pipelines/evaluate/qualityBar.ts';
import { formatQualityTable, type QualityLine } from '../../../pipelines/evaluate/qualityLine.ts';
import { createLogger } from '../../../data/log/Logger.ts';
import { scoreAll } from '../../../pipelines/score/scoreAll.ts';
import { trainModels } from '../../../pipelines/train/trainModels.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { quoteLiteral } from '../../../data/warehouse/quoteIdent.ts';
import { MINI_TRAINING, miniBuyers } from '../../models/fixtures/miniSpecs.ts';
import { AS_OF, BUYERS_PER_SNAPSHOT, miniWarehouse } from '../train/fixtures/miniWarehouse.ts';

const root = mkdtempSync(join(tmpdir(), 'trustlens-eval-'));
const config = configSchema.parse({
  artifactsDir: join(root, 'artifacts'),
  training: { snapshotWeeks: 5, validationWeeks: 2, nTrees: 15, threads: 1 },
  review: { capacity: 10 },
});
const log = createLogger({ verbosity: 'quiet' });
let wh: Warehouse;
let lines: QualityLine[];

beforeAll(async () => {
  wh = await miniWarehouse();
  await trainModels(wh, AS_OF, config, log, MINI_TRAINING);
  await scoreAll(wh, AS_OF, config, log, { features: 'reuse' });
  // truth: the fixture's planted abusers (all of them, not only the investigated ones) and problem merchants
  const buyers = miniBuyers(BUYERS_PER_SNAPSHOT, 105);
  await wh.run(
    `create table t_b as select * from (values ${buyers.map((b, i) => `('${b.id}', '${b.abuser ? 'serial_refunder' : i % 10 === 0 ? 'honest_heavy_refunder_victim' : 'honest'}', ${b.abuser})`).join(',')}) v(buyer_id, archetype, is_abuser)`,
  );
  await wh.run(
    `create table t_m as select 'm' || lpad(i::varchar, 3, '0') as merchant_id, case when i % 6 = 1 then 'late_shipper' when i % 6 = 2 then 'abuser_target' else 'good' end as archetype, i % 6 = 1 as is_problem from range(80) r(i)`,
  );
  await wh.run(`copy t_b to ${quoteLiteral(join(root, 'buyers.csv'))} (header)`);
  await wh.run(`copy t_m to ${quoteLiteral(join(root, 'merchants.csv'))} (header)`);
  lines = await qualityBar(wh, AS_OF, root, config);
});
afterAll(() => {
  wh.close();
  rmSync(root, { recursive: true, force: true });
});

const line = (check: string) => lines.find((l) => l.check.startsWith(check))!;

describe('qualityBar', () => {
  it('measures every check of the bar with its target', () => {
    expect(line('precision@10 (by risk)')).toMatchObject({ target: '≥ 0.85' });
    expect(line('precision@10 ÷ best rule baseline')).toMatchObject({ target: '≥ 1.5' });
    expect(line('PR-AUC ÷ best rule baseline')).toMatchObject({ target: '≥ 2' });
    expect(line('hard negatives in the high tier')).toMatchObject({ target: '≤ 0.02' });
    expect(line('ROC-AUC of 100 − trust')).toMatchObject({ target: '≥ 0.92' });
    expect(line('abuser-targeted (not problem) in watch/at-risk').target).toMatch(/^≤ all merchants/);
  });

  it('passes a check exactly when its value meets the target', () => {
    const p = line('precision@10 (by risk)');
    expect(p.pass).toBe(p.value! >= 0.8);
    const auc = line('ROC-AUC of 100 − trust');
    expect(auc.pass).toBe(auc.value! >= 0.9);
  });

  it('compares merchant trust with every single-feature rule the snapshot can rank by, naming the best', () => {
    const margin = line('ROC-AUC of 100 − trust − best single-feature rule');
    expect(margin).toMatchObject({ target: '≥ −0.01', pass: margin.value! >= -0.01 });
    const rules = lines.filter((l) => l.check.startsWith('rule: '));
    // the mini history holds five of the rule features (no ratings): those five, best first
    expect(rules.map((l) => l.check.replace(/^rule: (lowest|highest) |: ROC-AUC$/g, '')).sort()).toEqual([
      'cancellation_rate_90d',
      'late_shipment_rate_90d',
      'order_defect_rate_90d',
      'product_defect_rate_90d',
      'service_avg_90d',
    ]);
    expect(margin.note).toBe(`best: ${rules[0]!.check.slice(6, -9)} at ${rules[0]!.value!.toFixed(3)}`);
  });

  it('measures against truth, not investigation labels: planted abusers nobody investigated count', () => {
    expect(line('scored buyers').note).toBe(`${BUYERS_PER_SNAPSHOT / 8} abusers`);
  });

  it('prints an aligned table with PASS/FAIL', () => {
    const text = formatQualityTable([
      { section: 'abuse risk', check: 'precision@200', value: 0.912, target: '≥ 0.80', pass: true },
      { section: 'merchant trust', check: 'ROC-AUC', value: 0.85, target: '≥ 0.90', pass: false, note: 'close' },
      // a count prints whole, a measure of 1 keeps its decimals
      { section: 'merchant ladder', check: 'suspended', value: 2, target: '', pass: null, count: true },
      { section: 'merchant ladder', check: 'recall', value: 1, target: '', pass: null },
    ]);
    expect(text.split('\n')).toEqual([
      'section          check          value  target  result  note',
      '---------------  -------------  -----  ------  ------  -----',
      'abuse risk       precision@200  0.912  ≥ 0.80  PASS',
      'merchant trust   ROC-AUC        0.850  ≥ 0.90  FAIL    close',
      'merchant ladder  suspended          2',
      'merchant ladder  recall         1.000',
    ]);
  });
});
