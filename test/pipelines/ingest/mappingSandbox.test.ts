// Mapping files are code, confined (issue 21, must show 2): each sql and expr is one read-only SELECT, run in a sandbox
// that reads only under --from and never sees the warehouse; every refused form is reported at validation with its key.
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMapping } from '../../../pipelines/ingest/mapping/loadMapping.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { goodRows, tempDir, writeTables } from './fixtures.ts';
import { checksums, memoryWarehouse } from './ingestHelpers.ts';
import { tried } from '../../support/badInputs.ts';

let wh: Warehouse | undefined;
afterEach(() => {
  wh?.close();
  wh = undefined;
});

const SELECT_ONLY =
  'a mapping runs one read-only SELECT (mapping files are code: no DDL, DML, COPY, ATTACH, PRAGMA or SET)';

function mappingFile(dir: string, yaml: string[]): string {
  const file = join(dir, 'map.yaml');
  writeFileSync(file, yaml.join('\n'));
  return file;
}

describe("mapping SQL is one read-only SELECT, checked by DuckDB's parser at validation", () => {
  it('refuses several statements, DDL, DML, COPY, ATTACH, PRAGMA and SET, each with its key, all at once (failure 2)', async () => {
    tried(9); // one per refused key below
    const file = mappingFile(tempDir('mapping'), [
      'sources:',
      '  wipe: "select 1 as x; delete from orders; delete from investigations; select * from (select 1 as x)"',
      '  ddl: create table orders_copy as select 1 as x',
      'tables:',
      '  buyers: { sql: "delete from buyers" }',
      '  merchants: { sql: "copy (select 1) to \'out.csv\'" }',
      '  orders: { sql: "attach \'/tmp/other.duckdb\'" }',
      '  reviews: { sql: pragma version }',
      '  service_tickets: { sql: set threads = 1 }',
      '  refund_requests:',
      '    files: r.csv',
      '    columns:',
      "      amount: { expr: '1) as amount from t; update orders set amount = 0; select (1' }",
      '  investigations: { sql: "select …); delete from orders; select * from (select 1 as x" }',
    ]);
    await expect(loadMapping(file)).rejects.toThrow(
      [
        `${file}: 9 problems`,
        `  - key sources.wipe.sql: holds 4 SQL statements; ${SELECT_ONLY}`,
        `  - key sources.ddl.sql: is a CREATE statement, not a SELECT; ${SELECT_ONLY}`,
        `  - key tables.buyers.sql: is a DELETE statement, not a SELECT; ${SELECT_ONLY}`,
        `  - key tables.merchants.sql: is a COPY statement, not a SELECT; ${SELECT_ONLY}`,
        `  - key tables.orders.sql: is an ATTACH statement, not a SELECT; ${SELECT_ONLY}`,
        `  - key tables.reviews.sql: is a PRAGMA statement, not a SELECT; ${SELECT_ONLY}`,
        `  - key tables.service_tickets.sql: is a SET statement, not a SELECT; ${SELECT_ONLY}`,
        `  - key tables.refund_requests.columns.amount.expr: holds 3 SQL statements; ${SELECT_ONLY}`,
        '  - key tables.investigations.sql: SQL error at line 1: Parser Error: syntax error at or near ")"',
      ].join('\n'),
    );
  });
});

describe('mapping SQL reads only under --from and never sees the warehouse', () => {
  it('refuses reads outside --from (absolute, ../, a symlink out) in sql and expr, and warehouse tables, all at once (failure 2)', async () => {
    tried(5); // one per refused key below
    const outside = tempDir('outside');
    writeFileSync(join(outside, 'secret.csv'), 'buyer_id,registered_at\nz1,2025-01-01\n');
    const dir = writeTables(tempDir(), goodRows());
    symlinkSync(join(outside, 'secret.csv'), join(dir, 'link.csv'));
    const file = mappingFile(tempDir('mapping'), [
      'tables:',
      `  buyers: { sql: "select * from read_csv('${join(outside, 'secret.csv')}')" }`,
      `  merchants: { sql: "select * from read_csv('../${outside.split('/').pop()}/secret.csv')" }`,
      `  merchant_actions: { sql: "select * from read_csv('link.csv')" }`,
      '  orders:',
      '    files: orders.csv',
      '    columns:',
      '      address_key: { expr: "(select content from read_text(\'/etc/hostname\'))" }',
      "      device_key: { expr: '(select max(order_id) from orders)' }",
    ]);
    wh = await memoryWarehouse();
    const from = `--from ${dir}`;
    const fix = 'a mapping may read only files under --from (paths relative to it, no symlink out of it)';
    await expect(ingestInto(wh, { from: dir, mapping: file })).rejects.toThrow(
      [
        `${file}: 5 problems`,
        `  - key tables.buyers.sql: reads ${join(outside, 'secret.csv')}, outside ${from}; ${fix}`,
        `  - key tables.merchants.sql: reads ../${outside.split('/').pop()}/secret.csv, outside ${from}; ${fix}`,
        `  - key tables.orders.columns.address_key.expr: reads /etc/hostname, outside ${from}; ${fix}`,
        '  - key tables.orders.columns.device_key.expr: SQL error at line 1: Catalog Error: Table with name orders does not exist!',
        `  - key tables.merchant_actions.sql: reads link.csv, outside ${from}; ${fix}`,
      ].join('\n'),
    );
    expect(await checksums(wh)).toEqual({});
  });
});

describe('mappings that express real layouts (issue 16, must show 6)', () => {
  /** An export with order lines (several per order, test orders among them) and a category code list. */
  function lineExport(): string {
    const dir = writeTables(tempDir('lines'), { ...goodRows(), buyers: undefined, orders: undefined } as never);
    writeFileSync(
      join(dir, 'order_lines.csv'),
      [
        'order_no,line_no,buyer,shop,cat_code,amount_fen,created_ms,status',
        'o1,1,b1,m1,01,990,1772359200000,paid',
        'o1,2,b1,m1,01,1000,1772359200000,paid',
        'o2,1,b2,m1,77,0,1772704800000,paid',
        'o9,1,b9,m1,01,5,1772704800000,test',
      ].join('\n') + '\n',
    );
    writeFileSync(join(dir, 'categories.csv'), 'code,name\n01,fresh_food\n02,electronics\n');
    return dir;
  }

  const mapping = (dir: string) =>
    mappingFile(dir, [
      'sources:',
      "  lines: select * from read_csv('order_lines.csv', all_varchar = true) where status <> 'test'",
      'tables:',
      '  buyers:',
      "    sql: select distinct buyer as buyer_id, '2025-01-01' as registered_at from lines",
      '  orders:',
      '    files: order_lines.csv',
      '    sql: |',
      '      select order_no, min(buyer) as buyer, min(shop) as shop, min(coalesce(c.name, cat_code)) as cat,',
      '             sum(try_cast(amount_fen as BIGINT)) as fen, min(created_ms) as created',
      "      from lines left join read_csv('categories.csv', all_varchar = true) c on c.code = lines.cat_code",
      '      group by order_no',
      '    columns:',
      '      order_id: order_no',
      '      buyer_id: buyer',
      '      merchant_id: shop',
      '      category: { column: cat, values: { fresh_food: fresh_food, electronics: electronics }, default: other }',
      "      amount: { expr: 'fen / 100' }",
      "      created_at: { expr: 'epoch_ms(try_cast(created as BIGINT))' }",
    ]);

  it('reads a named source in two tables, maps unknown codes to a default, counts the rows a query filtered', async () => {
    const dir = lineExport();
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir, mapping: mapping(dir) });
    expect(await wh.all('select count(*)::INTEGER as n from quarantine')).toEqual([{ n: 0 }]);
    expect(result!.tables.find((t) => t.table === 'orders')).toMatchObject({
      read: 2,
      loaded: 2,
      quarantined: 0,
      filtered: 2,
    });
    expect(result!.tables.find((t) => t.table === 'buyers')).toMatchObject({ read: 2, loaded: 2 });
    expect(await wh.all('select order_id, buyer_id, category, amount from orders order by 1')).toEqual([
      { order_id: 'o1', buyer_id: 'b1', category: 'fresh_food', amount: 19.9 },
      { order_id: 'o2', buyer_id: 'b2', category: 'other', amount: 0 },
    ]);
    expect(
      await wh.all('select table_name, rows_filtered from load_batch_tables where rows_filtered is not null'),
    ).toEqual([{ table_name: 'orders', rows_filtered: 2n }]);
    // Every file the queries read is recorded with its fingerprint, the code list included.
    expect(
      await wh.all(
        "select distinct table_name, regexp_extract(path, '[^/]+$') as file from load_files where table_name in ('buyers', 'orders') order by all",
      ),
    ).toEqual([
      { table_name: 'buyers', file: 'order_lines.csv' },
      { table_name: 'orders', file: 'categories.csv' },
      { table_name: 'orders', file: 'order_lines.csv' },
    ]);
  });

  it('loads again when a file only a query reads changes (it was "nothing new")', async () => {
    const dir = lineExport();
    const map = mapping(dir);
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: dir, mapping: map });
    expect(await ingestInto(wh, { from: dir, mapping: map })).toBeNull();
    writeFileSync(join(dir, 'categories.csv'), 'code,name\n01,fresh_food\n77,electronics\n');
    const again = await ingestInto(wh, { from: dir, mapping: map });
    expect(again!.tables.map((t) => t.table)).toEqual(['orders']);
    // o2's category is electronics now: an immutable column of an order already loaded changed, a conflict.
    expect(await wh.all("select row_key, column_name, value from quarantine where table_name = 'orders'")).toEqual([
      { row_key: 'o2', column_name: 'category', value: 'other → electronics' },
    ]);
  });

  it('resolves every path in a mapping against --from: globs, sql and expr alike', async () => {
    const dir = writeTables(tempDir(), goodRows());
    mkdirSync(join(dir, 'export'));
    writeFileSync(join(dir, 'export', 'regions.csv'), 'buyer,region\nb1,east\n');
    const file = mappingFile(dir, [
      'tables:',
      '  buyers:',
      '    files: buyers.csv',
      '    columns:',
      '      region: { expr: "(select max(region) from read_csv(\'export/regions.csv\') r where r.buyer = buyer_id)" }',
    ]);
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: dir, mapping: file });
    expect(await wh.all('select buyer_id, region from buyers order by 1')).toEqual([
      { buyer_id: 'b1', region: 'east' },
      { buyer_id: 'b2', region: null },
    ]);
  });

  it('reports every problem of a mapping against its files at once: unknown columns, bad expressions, SQL errors with their line', async () => {
    tried(3); // one per problem below
    const dir = writeTables(tempDir(), goodRows());
    const file = mappingFile(dir, [
      'tables:',
      '  buyers:',
      '    files: buyers.csv',
      '    columns:',
      '      buyer_id: uid',
      "      region: { expr: 'upper(regoin)' }",
      '  merchants:',
      '    sql: |',
      '      select *',
      "      from read_csv('merchants.csv')",
      '      wher 1 = 1',
    ]);
    wh = await memoryWarehouse();
    await expect(ingestInto(wh, { from: dir, mapping: file })).rejects.toThrow(
      [
        `${file}: 3 problems`,
        // DuckDB reads "wher" as an alias of read_csv(...): the error is at the "1" after it, on line 3.
        '  - key tables.merchants.sql: SQL error at line 3: Parser Error: syntax error at or near "1"',
        '  - key tables.buyers.columns.buyer_id: buyers.csv has no column "uid" (it has: buyer_id, registered_at, region); fix the name',
        '  - key tables.buyers.columns.region.expr: SQL error at line 1: Binder Error: Referenced column "regoin" not found in FROM clause!',
      ].join('\n'),
    );
  });

  it('reports an unknown key and a glob that matches no file with the problems the files show, in one run', async () => {
    tried(3); // an unknown key, a glob matching nothing, a column name typo
    const dir = writeTables(tempDir(), goodRows());
    const file = mappingFile(dir, [
      'tables:',
      '  buyers:',
      '    files: buyers.csv',
      '    columns:',
      '      buyer_id: uid',
      '      regoin: region',
      '  merchants:',
      '    files: haendler.csv',
    ]);
    wh = await memoryWarehouse();
    await expect(ingestInto(wh, { from: dir, mapping: file })).rejects.toThrow(
      [
        `${file}: 3 problems`,
        '  - unknown key "regoin" under tables.buyers.columns: remove it or check the spelling',
        `  - key tables.merchants.files: "haendler.csv" matches no file under ${dir}; fix the glob`,
        '  - key tables.buyers.columns.buyer_id: buyers.csv has no column "uid" (it has: buyer_id, registered_at, region); fix the name',
      ].join('\n'),
    );
  });
});
