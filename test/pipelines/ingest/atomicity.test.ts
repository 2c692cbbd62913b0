// A batch is all or nothing: killed mid-load, a corrupt file or a missing table leaves the warehouse exactly as before.
import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { goodRows, tempDir, writeTables } from './fixtures.ts';
import { checksums } from './ingestHelpers.ts';
import { tried } from '../../support/badInputs.ts';

const CHILD = fileURLToPath(new URL('./ingestChild.ts', import.meta.url));

/** A second week: one new row per table, so every table would change. */
function weekTwo(): string {
  const rows = goodRows();
  const dir = tempDir('week2');
  for (const t of Object.keys(rows) as (keyof typeof rows)[]) {
    const pk = Object.keys(rows[t][0]!)[0]!;
    rows[t] = [{ ...rows[t][0]!, [pk]: `${rows[t][0]![pk]}-w2` }];
  }
  return writeTables(dir, rows);
}

async function loadWeekOne(path: string): Promise<Record<string, string>> {
  const wh = await Warehouse.open({ path });
  await ingestInto(wh, { from: writeTables(tempDir(), goodRows()) });
  const sums = await checksums(wh);
  wh.close();
  return sums;
}

describe('a failed batch leaves the warehouse unchanged', () => {
  it('survives the process being killed after orders were loaded, mid-transaction', async () => {
    tried(1); // kill -9 mid-transaction
    const path = join(tempDir('crash'), 'wh.duckdb');
    const before = await loadWeekOne(path);
    const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, path, weekTwo()], {
      env: { ...process.env, TRUSTLENS_TEST_CRASH_AFTER_TABLE: 'orders' },
      encoding: 'utf8',
    });
    expect(child.signal).toBe('SIGKILL');
    const wh = await Warehouse.open({ path });
    expect(await checksums(wh)).toEqual(before);
    // And the same files load cleanly afterwards: the killed batch left no trace in load_files.
    const result = await ingestInto(wh, { from: weekTwo() });
    expect(result!.tables.map((t) => t.inserted)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    wh.close();
  });

  it('rolls back and names the file when a Parquet file in the middle of the batch is corrupt', async () => {
    tried(1); // a corrupt Parquet file
    const path = join(tempDir('corrupt'), 'wh.duckdb');
    const before = await loadWeekOne(path);
    const dir = weekTwo();
    writeFileSync(join(dir, 'reviews_extra.parquet'), 'PAR1 this is not parquet');
    const wh = await Warehouse.open({ path });
    await expect(ingestInto(wh, { from: dir })).rejects.toThrow(
      /^reviews_extra\.parquet: cannot be read as PARQUET \(.+\); fix or remove the file and run ingest again — nothing was loaded$/,
    );
    expect(await checksums(wh)).toEqual(before);
    wh.close();
  });

  it('refuses a first load without all eight tables and creates nothing', async () => {
    tried(1); // a first load missing tables
    const dir = writeTables(tempDir(), goodRows());
    const partial = tempDir('partial');
    for (const t of ['buyers', 'merchants', 'orders']) copyFileSync(join(dir, `${t}.csv`), join(partial, `${t}.csv`));
    const wh = await Warehouse.open({ path: ':memory:' });
    await expect(ingestInto(wh, { from: partial })).rejects.toThrow(
      `--from ${partial}: no file for refund_requests, reviews, service_tickets, merchant_actions, investigations; the first load needs all eight tables (<table>.csv, .parquet or .ndjson; a header-only file is fine), or map them with --mapping`,
    );
    expect(await checksums(wh)).toEqual({});
    wh.close();
  });

  it('rejects a CSV file missing a required column, naming file, column and fix', async () => {
    tried(1); // a missing required column
    const dir = writeTables(tempDir(), goodRows());
    writeFileSync(join(dir, 'orders.csv'), 'order_id,buyer_id\no9,b1\n');
    const wh = await Warehouse.open({ path: ':memory:' });
    await expect(ingestInto(wh, { from: dir })).rejects.toThrow(
      'orders.csv: missing required columns merchant_id, category, amount, created_at for orders (file has: order_id, buyer_id); add it or load the file with --mapping',
    );
    expect(await checksums(wh)).toEqual({});
    wh.close();
  });

  it('names every file of the delivery whose header lacks columns in one run, with the likely cause', async () => {
    tried(3); // two tables missing columns, a semicolon-delimited file
    const dir = writeTables(tempDir(), goodRows());
    writeFileSync(join(dir, 'orders.csv'), 'order_id,buyer_id\no9,b1\n');
    writeFileSync(join(dir, 'reviews.csv'), 'review_id;order_id;rating;created_at\nv9;o1;5;2026-03-04\n');
    writeFileSync(join(dir, 'refund_requests_w2.csv'), 'request_id,order_id\nr9,o1\n');
    const wh = await Warehouse.open({ path: ':memory:' });
    const err = await ingestInto(wh, { from: dir }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(err?.message.split('\n')).toEqual([
      'orders.csv: missing required columns merchant_id, category, amount, created_at for orders (file has: order_id, buyer_id); add it or load the file with --mapping',
      'refund_requests_w2.csv: missing required columns requested_at, kind, reason, amount, status, escalated for refund_requests (file has: request_id, order_id); add it or load the file with --mapping',
      'reviews.csv: missing required columns review_id, order_id, rating, created_at for reviews (file has: review_id;order_id;rating;created_at); add it or load the file with --mapping (its header is one column holding semicolons: load it with a mapping that sets delimiter: ";")',
      '(nothing of this delivery was loaded: fix the files named above and run ingest again)',
    ]);
    expect(await checksums(wh)).toEqual({});
    wh.close();
  });
});
