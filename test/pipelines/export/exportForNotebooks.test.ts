// `trustlens export`: every dataset lands as Parquet with plain types, the manifest counts match the files, missing
// tables are skipped.
import { mkdtempSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import type { Logger } from '../../../data/log/Logger.ts';
import { exportForNotebooks } from '../../../pipelines/export/exportForNotebooks.ts';
import { exportManifestSchema, type ExportManifest } from '../../../pipelines/export/exportManifest.ts';
import { contractTablesDdl } from '../../../pipelines/ingest/contractDdl.ts';
import { buildSampleWarehouse, SAMPLE_AS_OF } from '../../../notebooks/sample/sampleWarehouse.ts';

function captureLog(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return {
    warnings,
    info: () => {},
    detail: () => {},
    warn: (m) => warnings.push(m),
    step: (_name, fn) => fn(),
    progress: () => {},
  };
}

const ALL = [
  'feat_buyer',
  'feat_merchant',
  'buyer_groups',
  'score_buyer',
  'score_merchant',
  'risk_queue',
  'investigate_requests',
  'replay_requests',
  'sim_results',
];

describe('exportForNotebooks on the sample warehouse', () => {
  let wh: Warehouse;
  let dir: string;
  let manifest: ExportManifest;
  let log: ReturnType<typeof captureLog>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'trustlens-export-'));
    wh = await Warehouse.open({ path: ':memory:' });
    await buildSampleWarehouse(wh);
    log = captureLog();
    manifest = await exportForNotebooks(wh, SAMPLE_AS_OF, dir, log, {
      replayWeeks: 12,
      reviewCapacity: 50,
      buyerHigh: 0.6,
    });
  });
  afterAll(() => {
    wh.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every dataset, the catalogue and a manifest that validates', () => {
    expect(manifest.files.map((f) => f.name)).toEqual(ALL);
    expect(manifest.skipped).toEqual([]);
    expect(log.warnings).toEqual([]);
    for (const f of manifest.files) expect(existsSync(join(dir, f.file))).toBe(true);
    const onDisk = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(exportManifestSchema.parse(onDisk)).toEqual(manifest);
    expect(manifest.as_of).toBe('2026-11-02');
    expect(manifest.settings).toEqual({ replay_weeks: 12, lookback_days: 90, review_capacity: 50, buyer_high: 0.6 });
    expect(manifest.catalog).toBe('feature_catalog.json');
    const catalog = JSON.parse(readFileSync(join(dir, 'feature_catalog.json'), 'utf8'));
    expect(Object.keys(catalog)).toEqual(['feat_buyer', 'feat_merchant', 'buyer_groups', 'feat_request']);
  });

  it('counts in the manifest are the rows in the files, and the as-of week only', async () => {
    const counts = Object.fromEntries(manifest.files.map((f) => [f.name, f.rows]));
    expect(counts).toMatchObject({
      feat_buyer: 60,
      feat_merchant: 12,
      buyer_groups: 60,
      score_buyer: 60,
      score_merchant: 12,
      risk_queue: 10,
    });
    for (const f of manifest.files) {
      const n = await wh.scalar<bigint>('select count(*) from read_parquet($file)', { file: join(dir, f.file) });
      expect(Number(n), f.name).toBe(f.rows);
    }
    const weeks = await wh.all<{ as_of: string }>('select distinct as_of from read_parquet($file)', {
      file: join(dir, 'score_buyer.parquet'),
    });
    expect(weeks).toEqual([{ as_of: '2026-11-02' }]);
  });

  it('writes only types a browser reads plainly: no BIGINT, DECIMAL or DATE', () => {
    const types = new Set(manifest.files.flatMap((f) => f.columns.map((c) => c.type)));
    for (const t of types) expect(t).not.toMatch(/BIGINT|DECIMAL|^DATE$|WITH TIME ZONE/);
    const queue = manifest.files.find((f) => f.name === 'risk_queue');
    expect(queue?.columns.find((c) => c.name === 'group_members')?.type).toBe('VARCHAR[]');
    expect(queue?.columns.find((c) => c.name === 'as_of')?.type).toBe('VARCHAR');
  });

  it('replay_requests: the 12 weeks before as-of, each with the latest scores on or before the request', async () => {
    const expected = await wh.scalar<bigint>(
      "select count(*) from refund_requests where requested_at >= date '2026-11-02' - interval 84 day and requested_at < date '2026-11-02'",
    );
    expect(manifest.files.find((f) => f.name === 'replay_requests')?.rows).toBe(Number(expected));
    const mismatched = await wh.scalar<bigint>(
      `select count(*) from read_parquet($file) r
       where r.buyer_risk is distinct from (
         select s.risk from score_buyer_history s where s.buyer_id = r.buyer_id and s.as_of <= r.requested_at order by s.as_of desc limit 1)`,
      { file: join(dir, 'replay_requests.parquet') },
    );
    expect(mismatched).toBe(0n);
    const confirmed = await wh.all<{ buyer_id: string }>(
      'select distinct buyer_id from read_parquet($file) where buyer_confirmed_abuser order by 1',
      { file: join(dir, 'replay_requests.parquet') },
    );
    expect(confirmed.map((r) => r.buyer_id)).toEqual(['b001', 'b002', 'b005']);
  });

  it('investigate_requests: only queued or high-risk buyers and their group members, last 90 days', async () => {
    const outsiders = await wh.scalar<bigint>(
      `with focus as (
         select buyer_id from risk_queue_history where as_of = date '2026-11-02'
         union select buyer_id from score_buyer_history where as_of = date '2026-11-02' and tier = 'high'),
       members as (
         select g.buyer_id from buyer_groups g where g.group_id in (select group_id from buyer_groups join focus using (buyer_id))
         union select buyer_id from focus)
       select count(*) from read_parquet($file) where buyer_id not in (select buyer_id from members)
         or requested_at < date '2026-11-02' - interval 90 day or requested_at >= date '2026-11-02'`,
      { file: join(dir, 'investigate_requests.parquet') },
    );
    expect(outsiders).toBe(0n);
    const ring = await wh.all<{ buyer_id: string }>(
      "select distinct buyer_id from read_parquet($file) where group_id = 'b001' order by 1",
      { file: join(dir, 'investigate_requests.parquet') },
    );
    expect(ring.map((r) => r.buyer_id)).toEqual(['b001', 'b002', 'b003', 'b004']);
  });
});

describe('exportForNotebooks before the later stages ran', () => {
  it('skips datasets whose tables are missing, with a warning naming the stage, and removes stale files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlens-export-'));
    writeFileSync(join(dir, 'sim_results.parquet'), 'left over from an older export');
    const wh = await Warehouse.open({ path: ':memory:' });
    try {
      await wh.run(contractTablesDdl());
      await wh.run('create table feat_buyer_history (as_of date, buyer_id varchar, orders_90d bigint)');
      await wh.run("insert into feat_buyer_history values ('2026-11-02', 'b1', 3), ('2026-10-26', 'b1', 2)");
      const log = captureLog();
      const manifest = await exportForNotebooks(wh, '2026-11-02', dir, log);
      expect(manifest.files.map((f) => [f.name, f.rows])).toEqual([['feat_buyer', 1]]);
      expect(manifest.skipped.map((s) => s.name)).toEqual(ALL.filter((n) => n !== 'feat_buyer'));
      expect(manifest.skipped.find((s) => s.name === 'sim_results')?.reason).toBe(
        'table sim_results not in the warehouse; run `trustlens simulate` (or `trustlens run`) first',
      );
      expect(manifest.skipped.find((s) => s.name === 'replay_requests')?.reason).toBe(
        'tables score_buyer_history, score_merchant_history not in the warehouse; run `trustlens score` (or `trustlens run`) first',
      );
      expect(log.warnings).toContain(
        'export: skipped feat_merchant: table feat_merchant_history not in the warehouse; run `trustlens features` (or `trustlens run`) first',
      );
      expect(existsSync(join(dir, 'sim_results.parquet'))).toBe(false);
    } finally {
      wh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('warns when the as-of week has no rows', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'trustlens-export-'));
    const wh = await Warehouse.open({ path: ':memory:' });
    try {
      await wh.run('create table feat_buyer_history (as_of date, buyer_id varchar)');
      const log = captureLog();
      await exportForNotebooks(wh, '2026-11-02', dir, log);
      expect(log.warnings).toContain(
        'export: feat_buyer has no rows as of 2026-11-02; was the pipeline run for that date?',
      );
    } finally {
      wh.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
