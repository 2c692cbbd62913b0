// The penalty ladder's quality-bar lines against literal recommendations and truth: precision of suspension/closure,
// recall within 4 weeks of turning bad, and who counts in each.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { ladderLines } from '../../../pipelines/evaluate/ladderLines.ts';
import type { QualityLine } from '../../../pipelines/evaluate/qualityLine.ts';
import { marketplaceWarehouse } from '../../support/marketplaceWarehouse.ts';

const AS_OF = '2026-11-02';
// 10 weeks: 2026-08-31 … 2026-11-02
const config = configSchema.parse({ govern: { historyWeeks: 10 } });
const root = mkdtempSync(join(tmpdir(), 'trustlens-ladder-eval-'));
let wh: Warehouse;
let lines: QualityLine[];

const rec = (as_of: string, merchant_id: string, action: string, level: number) => ({
  as_of,
  merchant_id,
  action,
  level,
});

beforeAll(async () => {
  wh = await marketplaceWarehouse({
    buyers: [{ buyer_id: 'b1', registered_at: '2025-01-01 00:00:00' }],
    merchants: ['p1', 'p2', 'p3', 'p4', 'g1', 'g2', 'g3'].map((m) => ({
      merchant_id: m,
      name: m,
      main_category: 'home',
      opened_at: '2024-01-01 00:00:00',
    })),
    orders: [
      ...[1, 2, 3, 4, 5, 6].map((i) => ({
        order_id: `o1${i}`,
        buyer_id: 'b1',
        merchant_id: 'p1',
        category: 'home',
        amount: 10,
        created_at: `2026-09-2${i} 00:00:00`,
      })),
      ...[1, 2].map((i) => ({
        order_id: `o3${i}`,
        buyer_id: 'b1',
        merchant_id: 'p3',
        category: 'home',
        amount: 10,
        created_at: `2026-09-1${i} 00:00:00`,
      })),
    ],
  });
  await wh.run(readSql(new URL('../../../data/warehouse/tables/govern_tables.sql', import.meta.url)));
  const recs = [
    rec('2026-09-21', 'p1', 'warning', 1), // within 4 weeks of turning bad on 2026-09-15
    rec('2026-10-19', 'p1', 'suspension', 5),
    rec('2026-10-12', 'p3', 'warning', 1), // turned bad on 2026-09-01: the first warning came after 4 weeks
    rec('2026-10-26', 'p3', 'closure', 6),
    rec('2026-10-26', 'g1', 'suspension', 5), // never a problem merchant
    rec('2026-10-05', 'g2', 'warning', 1),
    rec('2026-11-02', 'p4', 'suspension', 5), // a problem before the history began: in precision, not in recall
    rec('2026-08-24', 'g3', 'suspension', 5), // before the ladder's weeks: not counted
  ];
  for (const r of recs) {
    await wh.run(
      "insert into merchant_actions_recommended values ($as_of::date, $merchant_id, $level, $action, 'none', $action, 'escalated', 1, 1, 0, [], null)",
      r,
    );
  }
  writeFileSync(
    join(root, 'merchants.csv'),
    [
      'merchant_id,archetype,is_problem,severity,problem_since',
      'p1,late_shipper,true,0.5,2026-09-15 00:00:00',
      'p2,poor_service,true,0.5,2026-10-10 00:00:00', // turned bad less than 4 weeks before the date: not judged yet
      'p3,poor_service,true,0.9,2026-09-01 00:00:00',
      'p4,not_as_described,true,0.7,2025-01-01 00:00:00',
      'g1,good,false,0,',
      'g2,good,false,0,',
      'g3,good,false,0,',
    ].join('\n') + '\n',
  );
  lines = await ladderLines(wh, AS_OF, root, config);
});
afterAll(() => {
  wh.close();
  rmSync(root, { recursive: true, force: true });
});

const line = (check: string) => lines.find((l) => l.check.startsWith(check))!;

describe('ladderLines', () => {
  it('precision: of merchants recommended suspension or closure within the ladder’s weeks, the share that are problem merchants', () => {
    expect(line('suspension/closure: share')).toEqual({
      section: 'merchant ladder',
      check: 'suspension/closure: share that are problem merchants',
      value: 0.75,
      target: '≥ 0.80',
      pass: false,
      note: '1 of 4 merchants are not (weeks 2026-08-31 … 2026-11-02)',
    });
  });

  it('recall: of problem merchants turning bad within the weeks, at least 4 weeks ago, the share warned within 4 weeks', () => {
    expect(line('problem merchants warned')).toMatchObject({
      value: 0.5,
      target: '≥ 0.80',
      pass: false,
      note: '1 of 2: late_shipper 1/1, poor_service 0/1',
    });
  });

  it('context: this week’s severe actions, quiet merchants, and not-problem merchants ever suspended', () => {
    expect(line('suspension/closure this week')).toMatchObject({ value: 1, note: '1 merchants' });
    expect(line('turned bad with fewer than 5 orders')).toMatchObject({
      value: 1,
      note: '0 of them warned; few orders leave too few cases for a verdict',
    });
    expect(line('merchants never problem')).toMatchObject({ value: 1, note: 'of 3 not-problem merchants' });
  });

  it('says what to run when the ladder has never run', async () => {
    const bare = await marketplaceWarehouse();
    try {
      expect(await ladderLines(bare, AS_OF, root, config)).toEqual([
        {
          section: 'merchant ladder',
          check: 'penalty ladder',
          value: null,
          target: '',
          pass: null,
          note: 'no recommendations yet; run `trustlens govern --as-of 2026-11-02`',
        },
      ]);
    } finally {
      bare.close();
    }
  });
});
