// Which table a file belongs to (issue 21, failure 7): `orders w1.csv` is an orders file, and a delivery of misnamed
// files only is refused naming them, never reported as "nothing new".
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../data/validation/errors.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { tableOfFile } from '../../../pipelines/ingest/findFiles.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { goodRows, tempDir, writeTables } from './fixtures.ts';
import { memoryWarehouse } from './ingestHelpers.ts';
import { tried } from '../../support/badInputs.ts';

let wh: Warehouse | undefined;
afterEach(() => {
  wh?.close();
  wh = undefined;
});

/** A second week holding one new order, in files named with `suffix`. */
function weekTwo(suffix: string): string {
  const order = { ...goodRows().orders[0]!, order_id: 'o-w2' };
  return writeTables(tempDir('week2'), { orders: [order] }, 'csv', suffix);
}

describe('file names', () => {
  it.each([
    ['orders.csv', 'orders'],
    ['orders w1.csv', 'orders'],
    ['orders_2026-w45.csv', 'orders'],
    ['orders-w45.parquet', 'orders'],
    ['orders.w45.ndjson', 'orders'],
    ['refund_requests 2026-11.csv', 'refund_requests'],
    ['orders2.csv', undefined],
    ['order w1.csv', undefined],
    ['Orders.csv', undefined],
  ])('%s belongs to %s', (file, table) => {
    if (table === undefined) tried(1); // a name of no table
    expect(tableOfFile(file)).toBe(table);
  });

  it('loads a weekly file named `orders w1.csv` (it was ignored, then reported as "nothing new")', async () => {
    tried(1); // a space in the file name
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: writeTables(tempDir(), goodRows()) });
    const result = await ingestInto(wh, { from: weekTwo(' w1') });
    expect(result!.tables.map((t) => [t.table, t.files, t.loaded])).toEqual([['orders', 1, 1]]);
  });

  it('refuses a delivery of misnamed files only, naming them and the fix', async () => {
    tried(1); // misnamed files only
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: writeTables(tempDir(), goodRows()) });
    const dir = weekTwo('2');
    await expect(ingestInto(wh, { from: dir })).rejects.toThrow(
      new UserError(
        `${dir}: nothing loaded: 1 file is not named after a contract table (orders2.csv); name them <table>.csv, <table>_<anything>.csv (or .parquet, .ndjson) or map them with --mapping`,
      ),
    );
  });

  it('loads the files of one table in natural order, so week_10 comes after week_9 and its version of a row wins', async () => {
    tried(1); // week numbers that sort wrong as text
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: writeTables(tempDir(), { ...goodRows(), refund_requests: [] }) });
    const pending = { ...goodRows().refund_requests[0]!, status: 'pending', decided_at: null, decided_by: null };
    const dir = tempDir('weeks');
    writeTables(dir, { refund_requests: [pending] }, 'csv', '_w9');
    writeTables(dir, { refund_requests: [goodRows().refund_requests[0]!] }, 'csv', '_w10');
    await ingestInto(wh, { from: dir });
    // as text, _w10 sorted before _w9: the pending version of w9 replaced the decision of w10
    expect(await wh.all('select request_id, status from refund_requests')).toEqual([
      { request_id: 'r1', status: goodRows().refund_requests[0]!.status },
    ]);
  });
});
