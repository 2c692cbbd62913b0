// `trustlens quarantine` (issue 16, must show 7): counts by batch, table and reason; the rows of one reason as a table
// or
// CSV with file, line and key; fixed rows delivered again load, and the quarantine says which were loaded since.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../pipelines/cli/main.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { goodRows, tempDir, toCsv, writeTables } from '../ingest/fixtures.ts';

const EXAMPLE = fileURLToPath(new URL('../../../data/mappings/marketplace-export', import.meta.url));
let warehouse: string;
let out: string[];
let err: string[];

beforeAll(async () => {
  warehouse = join(mkdtempSync('/tmp/trustlens-quarantine-'), 'wh.duckdb');
  const wh = await Warehouse.open({ path: warehouse });
  await ingestInto(wh, { from: EXAMPLE, mapping: `${EXAMPLE}.yaml` });
  wh.close();
});
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('trustlens quarantine', () => {
  it('counts a row that broke two rules once in the total, and once under each reason', async () => {
    const dir = writeTables(tempDir(), {
      ...goodRows(),
      reviews: [{ ...goodRows().reviews[0]!, rating: '9', created_at: 'yesterday' }],
    });
    const wh2 = join(mkdtempSync('/tmp/trustlens-quarantine-'), 'wh.duckdb');
    expect(await main(['ingest', '--from', dir, '--warehouse', wh2])).toBe(0);
    out = [];
    expect(await main(['quarantine', '--warehouse', wh2])).toBe(0);
    expect(out.join('')).toBe(
      [
        'batch  table    column      reason                                     rows  loaded since',
        '-----  -------  ----------  -----------------------------------------  ----  ------------',
        '    1  reviews  created_at  not a valid timestamp (ISO 8601 expected)     1             0',
        '    1  reviews  rating      must be between 1 and 5                       1             0',
        '1 row in all, 0 of them loaded since by a later batch; the rows of one reason: trustlens quarantine --reason TEXT [--format csv]',
        '',
      ].join('\n'),
    );
  });

  it('counts quarantined rows by batch, table, column and reason', async () => {
    expect(await main(['quarantine', '--warehouse', warehouse])).toBe(0);
    expect(out.join('')).toBe(
      [
        'batch  table    column  reason                   rows  loaded since',
        '-----  -------  ------  -----------------------  ----  ------------',
        '    1  reviews  rating  must be between 1 and 5     1             0',
        '1 row in all, 0 of them loaded since by a later batch; the rows of one reason: trustlens quarantine --reason TEXT [--format csv]',
        '',
      ].join('\n'),
    );
  });

  it('lists the rows of one reason as CSV, with the file, the physical line and the row key', async () => {
    expect(await main(['quarantine', '--warehouse', warehouse, '--reason', 'BETWEEN 1 AND 5', '--format', 'csv'])).toBe(
      0,
    );
    expect(out.join('')).toBe(
      '"batch","table","file","line","row","key","column","value","reason","loaded_in"\r\n' +
        '"1","reviews","ratings.ndjson","2","2","R2","rating","6","must be between 1 and 5",""\r\n',
    );
  });

  it('filters by table and says so when no reason matches', async () => {
    expect(await main(['quarantine', '--warehouse', warehouse, '--table', 'reviews', '--reason', 'between'])).toBe(0);
    expect(out.join('')).toContain(
      '    1  reviews  ratings.ndjson     2    2  R2   rating  6      must be between 1 and 5',
    );
    expect(await main(['quarantine', '--warehouse', warehouse, '--reason', 'frobnicated'])).toBe(2);
    expect(err.join('')).toBe(
      'trustlens: no quarantined row has a reason containing "frobnicated"; run `trustlens quarantine` to list the reasons\n',
    );
  });

  it('loads fixed rows delivered again in the contract columns, and counts them as loaded since', async () => {
    // README (Bringing your own data, quarantine): list the rows, fix them, deliver them in a new folder, ingest it.
    expect(await main(['quarantine', '--warehouse', warehouse, '--reason', 'between 1 and 5', '--format', 'csv'])).toBe(
      0,
    );
    expect(out.join('')).toContain('"reviews","ratings.ndjson","2","2","R2","rating","6"');
    const fixes = join(mkdtempSync('/tmp/trustlens-quarantine-'), 'fixes');
    mkdirSync(fixes);
    const fixed = { review_id: 'R2', order_id: 'D9002', rating: '5', created_at: '2026-03-07T09:00:00Z' };
    writeFileSync(join(fixes, 'reviews_fix-1.csv'), toCsv('reviews', [fixed]));
    expect(await main(['ingest', '--from', fixes, '--warehouse', warehouse, '--as-of', '2026-03-20'])).toBe(0);
    // a delivery as of a date is known from that date, as `run` takes it (not from the day after its newest event)
    const wh = await Warehouse.open({ path: warehouse, readOnly: true });
    expect(
      await wh.all(
        "select table_name, strftime(known_at, '%Y-%m-%d') as known_at from load_batch_tables where batch_id = 2",
      ),
    ).toEqual([{ table_name: 'reviews', known_at: '2026-03-20' }]);
    wh.close();
    out = [];
    expect(await main(['quarantine', '--warehouse', warehouse])).toBe(0);
    expect(out.join('')).toContain('1 row in all, 1 of them loaded since by a later batch');
    out = [];
    expect(await main(['quarantine', '--warehouse', warehouse, '--reason', 'between 1 and 5'])).toBe(0);
    expect(out.join('')).toMatch(/R2 +rating +6 +must be between 1 and 5 +2\n$/);
  });
});
