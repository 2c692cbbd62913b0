// Property (issue 21, must show 1): damage random bytes of a generated file, in every format, and ingest it. No row is
// lost or merged into another: every row whose bytes (and line break before it) were not damaged loads exactly as
// generated, every quarantined line is a damaged one, and rows read = loaded + quarantined. A damaged Parquet file
// either loads every row of its metadata or is refused whole, naming the file, with the warehouse unchanged.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { goodRows, tempDir, toCsv, writeTables } from './fixtures.ts';
import { tried } from '../../support/badInputs.ts';

type Format = 'csv' | 'ndjson' | 'parquet';
interface Review extends Record<string, string | null> {
  review_id: string;
  order_id: string;
  rating: string;
  text: string | null;
  created_at: string;
}

const COLUMNS = ['review_id', 'order_id', 'rating', 'described', 'service', 'logistics', 'text', 'created_at'];
/** Text with every character CSV and JSON treat specially, and multi-byte ones. */
const textArb = fc.option(
  fc.string({
    unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', "'", '\\', '中', '😀', '{', '}'),
    maxLength: 12,
  }),
  { nil: null },
);
/** Bytes that break CSV and JSON most, and any other byte. */
const byteArb = fc.oneof(
  fc.constantFrom(0x22, 0x2c, 0x0a, 0x0d, 0x00, 0xff, 0xc3, 0x7b, 0x7d, 0x5c, 0x3a),
  fc.integer({ min: 0, max: 255 }),
);
const damageArb = fc.array(
  fc.record({ at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), byte: byteArb }),
  { minLength: 1, maxLength: 3 },
);
const rowsArb = fc.array(fc.record({ rating: fc.integer({ min: 1, max: 5 }), text: textArb }), {
  minLength: 1,
  maxLength: 25,
});

let wh: Warehouse;
let run = 0;

beforeAll(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
});
afterAll(() => wh.close());

/** The file's bytes, and each row's byte span (its line break included). */
function encode(
  format: 'csv' | 'ndjson',
  rows: Review[],
): { bytes: Buffer; spans: [number, number][]; headerEnd: number } {
  const lines =
    format === 'csv' ? toCsv('reviews', rows, COLUMNS).split(/\n(?=v\d)/) : rows.map((r) => JSON.stringify(r));
  const header = format === 'csv' ? `${lines.shift()}\n` : '';
  const body =
    format === 'csv' ? lines.map((l, i) => (i === lines.length - 1 ? l : `${l}\n`)) : lines.map((l) => `${l}\n`);
  const spans: [number, number][] = [];
  let at = Buffer.byteLength(header);
  for (const l of body) {
    const n = Buffer.byteLength(l);
    spans.push([at, at + n]);
    at += n;
  }
  return { bytes: Buffer.from(header + body.join('')), spans, headerEnd: Buffer.byteLength(header) };
}

async function parquetOf(rows: Review[], path: string): Promise<void> {
  const tmp = await Warehouse.open({ path: ':memory:' });
  try {
    const json = `${path}.json`;
    writeFileSync(json, rows.map((r) => JSON.stringify(r)).join('\n'));
    await tmp.run(
      `copy (select * from read_json($json, columns = {review_id: 'VARCHAR', order_id: 'VARCHAR', rating: 'VARCHAR', text: 'VARCHAR', created_at: 'VARCHAR'})) to '${path}' (format parquet)`,
      { json },
    );
  } finally {
    tmp.close();
  }
}

function reviewsOf(spec: { rating: number; text: string | null }[]): Review[] {
  run++;
  // Ids differ from each other in three places, so a damaged byte or two cannot turn one row's id into another's.
  return spec.map((s, i) => ({
    review_id: `v${run}x${i}y${i}z${i}`,
    order_id: 'o1',
    rating: String(s.rating),
    text: s.text,
    created_at: '2026-03-04T09:00:00Z',
  }));
}

async function reviewRows(prefix: string): Promise<Review[]> {
  return wh.all<Review & Record<string, unknown>>(
    "select review_id, order_id, cast(rating as VARCHAR) as rating, text, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') as created_at from reviews where review_id like $p",
    { p: `${prefix}x%` },
  );
}

async function checkTextFormat(
  format: 'csv' | 'ndjson',
  spec: { rating: number; text: string | null }[],
  damage: { at: number; byte: number }[],
): Promise<void> {
  tried(1); // one damaged file
  const rows = reviewsOf(spec);
  const { bytes, spans, headerEnd } = encode(format, rows);
  const positions = damage.map((d) => headerEnd + Math.floor(d.at * (bytes.length - headerEnd)));
  damage.forEach((d, k) => (bytes[positions[k]!] = d.byte));
  const dir = tempDir('damage');
  writeFileSync(join(dir, `reviews.${format}`), bytes);
  const result = await ingestInto(wh, { from: dir });
  const counts = result!.tables.find((t) => t.table === 'reviews')!;
  expect(counts.read).toBe(counts.loaded + counts.quarantined);

  // A row is touched when a damaged byte lies in it or is the line break before it (its line then merges upwards).
  const touched = spans.map(([s, e]) => positions.some((p) => p >= s - 1 && p < e));
  const loaded = new Map((await reviewRows(`v${run}`)).map((r) => [r.review_id, r]));
  rows.forEach((r, i) => {
    if (!touched[i]) expect(loaded.get(r.review_id), `untouched row ${i + 1} of ${rows.length}`).toEqual(r);
  });
  const exact = rows.filter((r, i) => !touched[i] && loaded.has(r.review_id)).length;
  expect(loaded.size - exact).toBeLessThanOrEqual(touched.filter(Boolean).length);

  // Every quarantined line is a line of a touched row, counted in the damaged file.
  const lineAt = (pos: number) => 1 + bytes.subarray(0, pos).filter((b) => b === 0x0a).length;
  const touchedLines = new Set<number>();
  spans.forEach(([s, e], i) => {
    if (touched[i]) for (let l = lineAt(s); l <= lineAt(Math.max(s, e - 1)); l++) touchedLines.add(l);
  });
  const q = await wh.all<{ line: bigint }>(
    'select distinct line_number as line from quarantine where batch_id = $b and table_name = $t',
    {
      b: result!.batchId,
      t: 'reviews',
    },
  );
  for (const { line } of q) expect(touchedLines, `quarantined line ${line}`).toContain(Number(line));
}

async function checkParquet(
  spec: { rating: number; text: string | null }[],
  damage: { at: number; byte: number }[],
): Promise<void> {
  tried(1); // one damaged file
  const rows = reviewsOf(spec);
  const dir = tempDir('damage');
  const path = join(dir, 'reviews.parquet');
  await parquetOf(rows, path);
  const bytes = readFileSync(path);
  for (const d of damage) bytes[Math.floor(d.at * bytes.length)] = d.byte;
  writeFileSync(path, bytes);
  const before = await wh.all(
    'select count(*)::INTEGER as n from reviews union all select count(*)::INTEGER from quarantine',
  );
  let result;
  try {
    result = await ingestInto(wh, { from: dir });
  } catch (err) {
    expect((err as Error).message).toMatch(
      /^reviews\.parquet: cannot be read as PARQUET \(.+\); fix or remove the file and run ingest again — nothing was loaded$/,
    );
    expect(
      await wh.all('select count(*)::INTEGER as n from reviews union all select count(*)::INTEGER from quarantine'),
    ).toEqual(before);
    return;
  }
  const counts = result!.tables.find((t) => t.table === 'reviews')!;
  expect(counts.read).toBe(rows.length);
  expect(counts.read).toBe(counts.loaded + counts.quarantined);
}

describe('damaged files lose no row and merge none', () => {
  beforeAll(async () => {
    mkdirSync('/tmp/trustlens-tests', { recursive: true });
    const base = mkdtempSync(join('/tmp/trustlens-tests', 'damage-base-'));
    await ingestInto(wh, { from: writeTables(base, goodRows()) });
    rmSync(base, { recursive: true, force: true });
  });

  it.each(['csv', 'ndjson'] as const)(
    '%s: every undamaged row loads exactly; only damaged lines are quarantined',
    async (format: Format) => {
      await fc.assert(
        fc.asyncProperty(rowsArb, damageArb, (spec, damage) =>
          checkTextFormat(format as 'csv' | 'ndjson', spec, damage),
        ),
        { numRuns: format === 'csv' ? 50 : 25, seed: 2021 },
      );
    },
  );

  it('parquet: a damaged file loads all of its rows or is refused whole', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, damageArb, (spec, damage) => checkParquet(spec, damage)),
      { numRuns: 15, seed: 2021 },
    );
  });
});
