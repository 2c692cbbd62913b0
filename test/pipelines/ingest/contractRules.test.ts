// One bad row of every kind per contract table lands in quarantine with a pinned rule; good rows and identical copies
// load.
import { afterEach, describe, expect, it } from 'vitest';
import { CONTRACTS, TABLE_NAMES, type TableName } from '../../../data/contracts/index.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { goodRows, tempDir, writeTables, type Cell } from './fixtures.ts';
import { memoryWarehouse, quarantineRows } from './ingestHelpers.ts';
import { tried } from '../../support/badInputs.ts';

const ENUM_RULES: Record<string, string> = {
  main_category: 'must be one of fresh_food, electronics, apparel, home, beauty, grocery, other',
  category: 'must be one of fresh_food, electronics, apparel, home, beauty, grocery, other',
  kind: 'must be one of refund_only, return_and_refund, exchange',
  reason: 'must be one of not_received, damaged, not_as_described, quality, wrong_item, no_reason_7day, other',
  status: 'must be one of pending, approved, rejected, withdrawn',
  decided_by: 'must be one of merchant, platform, auto',
  action: 'must be one of spot_check_pass, spot_check_fail, warning, point_deduction, demotion, suspension, closure',
  verdict: 'must be one of confirmed_abuse, cleared',
};

const FK_RULES: Record<string, string> = {
  'orders.buyer_id': 'unknown buyer_id: no such buyer',
  'orders.merchant_id': 'unknown merchant_id: no such merchant',
  'refund_requests.order_id': 'unknown order_id: no such order',
  'reviews.order_id': 'unknown order_id: no such order',
  'service_tickets.merchant_id': 'unknown merchant_id: no such merchant',
  'merchant_actions.merchant_id': 'unknown merchant_id: no such merchant',
  'investigations.buyer_id': 'unknown buyer_id: no such buyer',
};

interface Case {
  table: TableName;
  column: string;
  value: string | null;
  rule: string;
}

/** For each table: the first column of each kind, broken the way the issue lists. */
function badCases(table: TableName): Case[] {
  const cols = Object.entries(CONTRACTS[table].columns);
  const pk = CONTRACTS[table].primaryKey;
  const first = (pred: (m: (typeof cols)[number][1]['meta'], name: string) => boolean) =>
    cols.find(([n, c]) => pred(c.meta, n))?.[0];
  const out: Case[] = [];
  const add = (column: string | undefined, value: string | null, rule: string) =>
    column && out.push({ table, column, value, rule });
  add(
    first((m, n) => !m.optional && n !== pk),
    null,
    'required value missing',
  );
  add(
    first((m) => m.kind === 'ts'),
    'last tuesday',
    'not a valid timestamp (ISO 8601 expected)',
  );
  add(
    first((m) => m.kind === 'ts'),
    '2026-02-30T10:00:00Z',
    'not a valid timestamp (ISO 8601 expected)',
  );
  add(
    first((m) => m.kind === 'ts'),
    '2026-03-01T25:00:00',
    'not a valid timestamp (ISO 8601 expected)',
  );
  add(
    first((m) => m.kind === 'money'),
    'twelve',
    'not a number (decimal expected)',
  );
  add(
    first((m) => m.kind === 'money'),
    '-0.01',
    'money must be >= 0',
  );
  add(
    first((m) => m.kind === 'money'),
    '1.005',
    'money must have at most 2 decimals',
  );
  add(
    first((m) => m.kind === 'int'),
    '4.5',
    'not a whole number',
  );
  add(
    first((m) => m.kind === 'int'),
    '6',
    'must be between 1 and 5',
  );
  add(
    first((m) => m.kind === 'bool'),
    'maybe',
    'not true or false',
  );
  // Categories fall back to other instead (see the fallback test below).
  const en = first((m) => m.kind === 'enum' && !m.fallback);
  if (en) add(en, 'Fresh_Food', ENUM_RULES[en]!);
  // A refund of an unknown order loads flagged near the first order (realExports.test.ts); the others are quarantined.
  for (const fk of CONTRACTS[table].foreignKeys)
    if (!fk.missing) add(fk.column, 'nope', FK_RULES[`${table}.${fk.column}`]!);
  return out;
}

const sorted = <T>(xs: T[]) => xs.map((x) => JSON.stringify(x)).sort();

let wh: Warehouse | undefined;
afterEach(() => wh?.close());

describe('ingest quarantines one bad row of every kind, per table', () => {
  it('writes one quarantine row per violation with file, row number, column, value and rule', async () => {
    const rows = goodRows();
    const expected: Case[] = [];
    const bad: Record<string, Record<string, Cell>[]> = {};
    for (const table of TABLE_NAMES) {
      const base = rows[table][0]!;
      const pk = CONTRACTS[table].primaryKey;
      badCases(table).forEach((c, i) => {
        bad[table] = [...(bad[table] ?? []), { ...base, [pk]: `bad${i}`, [c.column]: c.value }];
        expected.push(c);
      });
      // Same key, an immutable column changed: a conflict naming both values; same key, same content: loaded once.
      const other = Object.keys(base).find(
        (k) =>
          k !== pk && CONTRACTS[table].columns[k]!.meta.kind === 'ts' && !CONTRACTS[table].columns[k]!.meta.mutable,
      )!;
      // an hour earlier: still after the parent order (an earlier time would break the rule against it first)
      const keptAt = Date.parse(String(base[other]));
      const earlier = new Date(keptAt - 3_600_000).toISOString();
      bad[table]!.push({ ...base, [other]: earlier }, { ...base });
      const text = (iso: string) => iso.slice(0, 19).replace('T', ' ');
      const kept = text(new Date(keptAt).toISOString());
      expected.push({
        table,
        column: other,
        value: `${kept} → ${text(earlier)}`,
        rule: `conflict: ${other} may not change after delivery (value: kept → delivered)`,
      });
    }
    const dir = writeTables(tempDir(), rows);
    writeTables(dir, bad, 'csv', '_bad');
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir });
    tried(expected.length); // one bad row of every kind, and a conflict, per table

    const got = await quarantineRows(wh);
    const asCases = got.map(({ table_name, column_name, value, rule }) => ({
      table: table_name,
      column: column_name,
      value,
      rule,
    }));
    expect(sorted(asCases)).toEqual(sorted(expected));
    for (const t of result!.tables) {
      const nBad = badCases(t.table).length;
      expect(t).toMatchObject({
        read: rows[t.table].length + nBad + 2,
        quarantined: nBad + 1,
        duplicate: 1,
        inserted: rows[t.table].length,
      });
    }
  });

  it('pins the exact quarantine row of a bad refund (file, data row number, column, value, rule)', async () => {
    tried(2); // a kind outside the enum, negative money
    const rows = goodRows();
    rows.refund_requests.push({ ...rows.refund_requests[0]!, request_id: 'r2', kind: 'refund only', amount: '-5' });
    wh = await memoryWarehouse();
    await ingestInto(wh, { from: writeTables(tempDir(), rows) });
    expect(await quarantineRows(wh)).toEqual([
      {
        table_name: 'refund_requests',
        source_file: 'refund_requests.csv',
        row_number: 2,
        column_name: 'amount',
        value: '-5',
        rule: 'money must be >= 0',
      },
      {
        table_name: 'refund_requests',
        source_file: 'refund_requests.csv',
        row_number: 2,
        column_name: 'kind',
        value: 'refund only',
        rule: 'must be one of refund_only, return_and_refund, exchange',
      },
    ]);
    expect(await wh.all('select request_id from refund_requests')).toEqual([{ request_id: 'r1' }]);
  });

  it('quarantines CSV lines that cannot be parsed and NDJSON lines that are not JSON objects', async () => {
    tried(5); // three CSV lines, two NDJSON lines
    const dir = writeTables(tempDir(), goodRows());
    const { writeFileSync, appendFileSync } = await import('node:fs');
    appendFileSync(`${dir}/buyers.csv`, 'b9,2025-01-01,CN,extra\nb8,"unterminated"x,CN\nb7,nope,"multi\nline"\n');
    writeFileSync(
      `${dir}/merchant_actions_week2.ndjson`,
      '{"action_id":"x2","merchant_id":"m1","taken_at":"2026-04-02","action":"warning"}\n{not json\n[1,2]\n',
    );
    wh = await memoryWarehouse();
    const result = await ingestInto(wh, { from: dir });
    expect(await quarantineRows(wh)).toEqual([
      {
        table_name: 'buyers',
        source_file: 'buyers.csv',
        row_number: 3,
        column_name: null,
        value: 'b9,2025-01-01,CN,extra',
        rule: 'CSV line cannot be parsed: expected 3 fields, found 4',
      },
      {
        table_name: 'buyers',
        source_file: 'buyers.csv',
        row_number: 4,
        column_name: null,
        value: 'b8,"unterminated"x,CN',
        rule: 'CSV line cannot be parsed: unexpected text after a closing quote',
      },
      // Rows after unparseable ones keep their own data row number.
      {
        table_name: 'buyers',
        source_file: 'buyers.csv',
        row_number: 5,
        column_name: 'registered_at',
        value: 'nope',
        rule: 'not a valid timestamp (ISO 8601 expected)',
      },
      {
        table_name: 'merchant_actions',
        source_file: 'merchant_actions_week2.ndjson',
        row_number: 2,
        column_name: null,
        value: '{not json',
        rule: 'line is not a JSON object',
      },
      {
        table_name: 'merchant_actions',
        source_file: 'merchant_actions_week2.ndjson',
        row_number: 3,
        column_name: null,
        value: '[1,2]',
        rule: 'line is not a JSON object',
      },
    ]);
    expect(result!.tables.find((t) => t.table === 'merchant_actions')).toMatchObject({
      files: 2,
      read: 4,
      loaded: 2,
      quarantined: 2,
    });
  });
});
