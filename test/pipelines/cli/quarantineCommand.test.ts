// `trustlens quarantine` (issue 16, must show 7): counts by batch, table and reason; the rows of one reason as a table or
// CSV with file, line and key.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../pipelines/cli/main.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { mkdtempSync } from 'node:fs';

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
  it('counts quarantined rows by batch, table, column and reason', async () => {
    expect(await main(['quarantine', '--warehouse', warehouse])).toBe(0);
    expect(out.join('')).toBe(
      [
        'batch  table            column    reason                                                                         rows',
        '-----  ---------------  --------  -----------------------------------------------------------------------------  ----',
        '    1  orders           category  must be one of fresh_food, electronics, apparel, home, beauty, grocery, other     1',
        '    1  refund_requests  order_id  unknown order_id: no such order                                                   1',
        '    1  reviews          rating    must be between 1 and 5                                                           1',
        '3 rows in all; the rows of one reason: trustlens quarantine --reason TEXT [--format csv]',
        '',
      ].join('\n'),
    );
  });

  it('lists the rows of one reason as CSV, with the file, the physical line and the row key', async () => {
    expect(await main(['quarantine', '--warehouse', warehouse, '--reason', 'NO SUCH ORDER', '--format', 'csv'])).toBe(
      0,
    );
    expect(out.join('')).toBe(
      '"batch","table","file","line","row","key","column","value","reason"\r\n' +
        '"1","refund_requests","after_sales.csv","","3","A3","order_id","D9404","unknown order_id: no such order"\r\n',
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
});
