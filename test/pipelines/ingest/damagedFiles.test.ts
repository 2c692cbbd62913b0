// Damaged files cost only their damaged lines: a stray quote, a wrong field count, invalid UTF-8 or a raw CR never
// takes
// the rows after it; odd column names (rowid, internal names, duplicates) read like any other (issue 21, failures 1 and
// 3).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { goodRows, tempDir, toCsv, writeTables } from './fixtures.ts';
import { memoryWarehouse } from './ingestHelpers.ts';
import { tried } from '../../support/badInputs.ts';

let wh: Warehouse | undefined;
afterEach(() => {
  wh?.close();
  wh = undefined;
});

/** Quarantine rows of one file with their physical line and key, in file order. */
async function quarantined(
  w: Warehouse,
  file: string,
): Promise<
  {
    file: string;
    row: number;
    line: number | null;
    key: string | null;
    column: string | null;
    value: string | null;
    rule: string;
  }[]
> {
  const rows = await w.all<{
    file: string;
    row: bigint;
    line: bigint | null;
    key: string | null;
    column: string | null;
    value: string | null;
    rule: string;
  }>(
    `select source_file as file, row_number as row, line_number as line, row_key as key, column_name as column, value, rule
     from quarantine where source_file = $file order by row_number, column_name`,
    { file },
  );
  return rows.map((r) => ({ ...r, row: Number(r.row), line: r.line === null ? null : Number(r.line) }));
}

function reviews(n: number): Record<string, string | null>[] {
  return Array.from({ length: n }, (_, i) => ({
    review_id: `v${i + 1}`,
    order_id: 'o1',
    rating: String((i % 5) + 1),
    described: null,
    service: null,
    logistics: null,
    text: i % 7 === 0 ? `good, "fresh"\nwould buy ${i}` : `ok ${i}`,
    created_at: '2026-03-04T09:00:00Z',
  }));
}

describe('a damaged CSV file keeps every recoverable row', () => {
  it('one stray quote in row 2 of 1,000 costs row 2 only; the 999 others load with their own numbers (failure 1)', async () => {
    tried(1); // the stray quote
    const rows = goodRows();
    const dir = writeTables(tempDir(), { ...rows, reviews: reviews(1000) });
    // Row 2's text opens a quote that is never closed; rows with multi-line text come later in the file.
    const text = toCsv('reviews', reviews(1000)).replace('v2,o1,2,,,,ok 1,', 'v2,o1,2,,,,"ok 1,');
    writeFileSync(join(dir, 'reviews.csv'), text);
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir });
    expect(result!.tables.find((t) => t.table === 'reviews')).toMatchObject({
      read: 1000,
      loaded: 999,
      quarantined: 1,
    });
    expect(await quarantined(wh, 'reviews.csv')).toEqual([
      // v1's text holds a line break, so v2 starts on line 4; its quote closes at v8's, which text follows.
      {
        file: 'reviews.csv',
        row: 2,
        line: 4,
        key: null,
        column: null,
        value: 'v2,o1,2,,,,"ok 1,2026-03-04T09:00:00Z',
        rule: 'CSV line cannot be parsed: unexpected text after a closing quote',
      },
    ]);
    expect(
      await wh.all(`select text from reviews where review_id in ('v1', 'v8', 'v1000') order by review_id`),
    ).toEqual([{ text: 'good, "fresh"\nwould buy 0' }, { text: 'ok 999' }, { text: 'good, "fresh"\nwould buy 7' }]);
  });

  it('quarantines each line of a wrong field count alone, with its physical line; rows after it load', async () => {
    // a field too many, a blank line, a field too few, a two-line value, a quote inside a value, a bad timestamp
    tried(6);
    const dir = writeTables(tempDir(), goodRows());
    writeFileSync(
      join(dir, 'buyers.csv'),
      'buyer_id,registered_at,region\nb1,2025-01-02T03:04:05Z,CN-31\nb2,2025-01-02,CN,extra\n\nb3,2025-01-02\nb4,2025-01-02,"multi\nline"\nb5,2025-01-02,x"y\nb6,nope,CN\n',
    );
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir });
    expect(result!.tables.find((t) => t.table === 'buyers')).toMatchObject({ read: 6, loaded: 3, quarantined: 3 });
    expect(await quarantined(wh, 'buyers.csv')).toEqual([
      {
        file: 'buyers.csv',
        row: 2,
        line: 3,
        key: null,
        column: null,
        value: 'b2,2025-01-02,CN,extra',
        rule: 'CSV line cannot be parsed: expected 3 fields, found 4',
      },
      {
        file: 'buyers.csv',
        row: 3,
        line: 5,
        key: null,
        column: null,
        value: 'b3,2025-01-02',
        rule: 'CSV line cannot be parsed: expected 3 fields, found 2',
      },
      // The blank line 4 is no row; the two-line record b4 starts on line 6, so b6 is on line 9.
      {
        file: 'buyers.csv',
        row: 6,
        line: 9,
        key: 'b6',
        column: 'registered_at',
        value: 'nope',
        rule: 'not a valid timestamp (ISO 8601 expected)',
      },
    ]);
    expect(await wh.all('select buyer_id, region from buyers order by buyer_id')).toEqual([
      { buyer_id: 'b1', region: 'CN-31' },
      { buyer_id: 'b4', region: 'multi\nline' },
      { buyer_id: 'b5', region: 'x"y' },
    ]);
  });

  it('reads lines one by one when a quoted field runs over lines that are whole records (a stray quote, not a value)', async () => {
    tried(1); // a quote that swallows two records
    const dir = writeTables(tempDir(), goodRows());
    // Read as RFC 4180 allows, b1's region would be "CN\nb2,2025-01-02,CN\nb3,2025-01-02,x" and b2 would vanish.
    writeFileSync(
      join(dir, 'buyers.csv'),
      'buyer_id,registered_at,region\nb1,2025-01-02,"CN\nb2,2025-01-02,CN\nb3,2025-01-02,x"\n',
    );
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: dir });
    expect((await quarantined(wh, 'buyers.csv')).map((q) => [q.row, q.line, q.rule])).toEqual([
      [
        1,
        2,
        'CSV line cannot be parsed: a quoted field runs over lines that are whole records themselves (a stray quote?)',
      ],
    ]);
    expect(await wh.all('select buyer_id, region from buyers order by 1')).toEqual([
      { buyer_id: 'b2', region: 'CN' },
      { buyer_id: 'b3', region: 'x"' },
    ]);
  });

  it('quarantines a line with invalid UTF-8 and reads a file with a lone CR (DuckDB refuses both whole)', async () => {
    tried(2); // invalid UTF-8, a lone CR
    const dir = writeTables(tempDir(), goodRows());
    const head = Buffer.from('buyer_id,registered_at,region\nb1,2025-01-02,C');
    writeFileSync(
      join(dir, 'buyers.csv'),
      Buffer.concat([head, Buffer.from([0xff]), Buffer.from('N\nb2,2025-01-02,a\rb\n')]),
    );
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: dir });
    expect(await quarantined(wh, 'buyers.csv')).toEqual([
      {
        file: 'buyers.csv',
        row: 1,
        line: 2,
        key: null,
        column: null,
        value: 'b1,2025-01-02,C\uFFFDN',
        rule: 'CSV line cannot be parsed: not valid UTF-8',
      },
    ]);
    expect(await wh.all('select buyer_id, region from buyers')).toEqual([{ buyer_id: 'b2', region: 'a\rb' }]);
  });
});

describe('line breaks of both kinds in one file', () => {
  it.each([
    [
      'an LF file with one CR LF line',
      'buyer_id,registered_at,region\nb1,2025-01-02,CN\r\nb2,2025-01-03,\nb3,2025-01-04,x\n',
    ],
    [
      'a CR LF file whose last line ends in LF',
      'buyer_id,registered_at,region\r\nb1,2025-01-02,CN\r\nb2,2025-01-03,\r\nb3,2025-01-04,x\n',
    ],
    [
      'a CR LF header over LF lines',
      'buyer_id,registered_at,region\r\nb1,2025-01-02,CN\nb2,2025-01-03,\nb3,2025-01-04,x\n',
    ],
  ])('loads every row of %s (DuckDB refused the whole file and the batch)', async (_, text) => {
    tried(1); // mixed line breaks: an appended line, concatenated exports
    const dir = writeTables(tempDir(), goodRows());
    writeFileSync(join(dir, 'buyers.csv'), text);
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir });
    expect(result!.tables.find((t) => t.table === 'buyers')).toMatchObject({ read: 3, loaded: 3, quarantined: 0 });
    expect(await wh.all('select buyer_id, region from buyers order by 1')).toEqual([
      { buyer_id: 'b1', region: 'CN' },
      { buyer_id: 'b2', region: null },
      { buyer_id: 'b3', region: 'x' },
    ]);
  });
});

describe('a damaged NDJSON file keeps every other line', () => {
  it('quarantines a line of invalid UTF-8 alone; a raw CR or a unit separator stays inside its own line', async () => {
    tried(3); // invalid UTF-8, a raw CR, a unit separator
    const dir = writeTables(tempDir(), goodRows());
    const line = (id: string, reason: string) =>
      `{"action_id":"${id}","merchant_id":"m1","taken_at":"2026-04-02","action":"warning","reason":"${reason}"}`;
    writeFileSync(
      join(dir, 'merchant_actions.ndjson'),
      Buffer.concat([
        Buffer.from(`${line('y1', 'a')}\n${line('y2', 'b')}`),
        Buffer.from([0xc3]),
        Buffer.from(
          `\n{"action_id":"y3",\r"merchant_id":"m1","taken_at":"2026-04-02","action":"warning"}\r\n${line('y4', 'c\u001fd')}\n`,
        ),
      ]),
    );
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir });
    // merchant_actions.csv brings x1, so 1 + 4 rows are read.
    expect(result!.tables.find((t) => t.table === 'merchant_actions')).toMatchObject({
      read: 5,
      loaded: 3,
      quarantined: 2,
    });
    // A raw control character inside a JSON string is not JSON: line 4 is quarantined whole, not cut at the separator.
    expect((await quarantined(wh, 'merchant_actions.ndjson')).map((q) => [q.row, q.line, q.value, q.rule])).toEqual([
      [2, 2, `${line('y2', 'b')}\uFFFD`, 'line is not valid UTF-8'],
      [4, 4, line('y4', 'c\u001fd'), 'line is not a JSON object'],
    ]);
    expect(await wh.all("select action_id, reason from merchant_actions where action_id like 'y%' order by 1")).toEqual(
      [
        { action_id: 'y1', reason: 'a' },
        { action_id: 'y3', reason: null },
      ],
    );
  });
});

describe('odd column names read like any other (failure 3)', () => {
  /** Loads the good tables with buyers.csv as `text` (b1 in CN-31, b2 without region): both buyers load as such. */
  async function loadsBuyers(text: string): Promise<void> {
    const dir = writeTables(tempDir(), goodRows());
    writeFileSync(join(dir, 'buyers.csv'), text);
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir });
    expect(result!.tables.find((t) => t.table === 'buyers')).toMatchObject({ read: 2, loaded: 2, quarantined: 0 });
    expect(
      await wh.all("select buyer_id, strftime(registered_at, '%Y-%m-%d') as day, region from buyers order by 1"),
    ).toEqual([
      { buyer_id: 'b1', day: '2025-01-02', region: 'CN-31' },
      { buyer_id: 'b2', day: '2025-01-03', region: null },
    ]);
  }

  it('loads a CSV with columns named rowid, __row, __file and a case-insensitive duplicate', async () => {
    tried(4); // rowid, __row, __file, a duplicate in another case
    await loadsBuyers(
      'rowid,__row,buyer_id,__file,registered_at,region,REGION\n7,x,b1,f,2025-01-02,CN-31,dup\n8,y,b2,g,2025-01-03,,dup\n',
    );
  });

  it('reads a column spelled in another case or with spaces as the contract column; the exact name wins', async () => {
    // an optional column under another spelling loaded as null in every row: buyers became guests, deliveries vanished
    await loadsBuyers(' Buyer_ID ,Registered At,region,REGION\nb1,2025-01-02,CN-31,x\nb2,2025-01-03,,y\n');
  });

  it('refuses a file naming a contract column twice, each repeat listed, and loads nothing of the batch', async () => {
    tried(2); // the same name twice, two spellings of one column
    const dir = writeTables(tempDir(), goodRows());
    writeFileSync(
      join(dir, 'buyers.csv'),
      'buyer_id,registered_at,registered_at,Region,region \nb1,2025-01-02,2025-01-05,CN-31,CN-11\n',
    );
    wh = await memoryWarehouse();
    await expect(ingestInto(wh, { from: dir })).rejects.toThrow(
      'buyers.csv: columns named more than once: registered_at ("registered_at", "registered_at"); ' +
        'region ("Region", "region "); keep one of each (or map the one to load under tables.buyers.columns in a mapping file)',
    );
    expect(await wh.tableExists('buyers')).toBe(false);
  });

  it('loads an NDJSON file whose objects hold keys named __row and rowid through a mapping', async () => {
    tried(2); // __row, rowid
    const dir = writeTables(tempDir(), goodRows());
    writeFileSync(
      join(dir, 'members.ndjson'),
      '{"__row":"x","rowid":5,"uid":"b1","reg":"2025-01-02"}\n{"__row":"y","rowid":6,"uid":"b2","reg":"2025-01-03"}\n',
    );
    writeFileSync(
      join(dir, 'map.yaml'),
      'tables:\n  buyers:\n    files: members.ndjson\n    columns: { buyer_id: uid, registered_at: reg }\n',
    );
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: dir, mapping: join(dir, 'map.yaml') });
    expect(await wh.all('select buyer_id from buyers order by 1')).toEqual([{ buyer_id: 'b1' }, { buyer_id: 'b2' }]);
  });
});
