// Weekly snapshots built in one pass equal snapshots built one date at a time, column by column, on a generated
// marketplace whose history was corrected after some of the dates (a correction must not reach an earlier date).
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listValue } from '@duckdb/node-api';
import { createLogger } from '../../../data/log/Logger.ts';
import { addDays, weeksEnding } from '../../../data/time/isoDate.ts';
import { createKnownRowsDatedMacros } from '../../../data/warehouse/knownRows.ts';
import { quoteIdent } from '../../../data/warehouse/quoteIdent.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { buildFeatures } from '../../../pipelines/features/buildFeatures.ts';
import {
  ensureFeatureSnapshots,
  passRows,
  snapshotPasses,
} from '../../../pipelines/features/ensureFeatureSnapshots.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { generateSmall, type Generated } from '../../data/synthetic/generateSmall.ts';

/** Six weekly dates, the last the generated history's end. */
const DATES = weeksEnding('2026-11-02', 6);
/** The first delivery is known before every date; the corrections become known between the third and fourth. */
const FIRST_KNOWN = '2026-09-01';
const CORRECTED_KNOWN = '2026-10-15';
const TABLES = [
  { table: 'feat_buyer_history', key: 'buyer_id' },
  { table: 'feat_merchant_history', key: 'merchant_id' },
  { table: 'buyer_groups', key: 'buyer_id' },
] as const;

let gen: Generated;
let firstDelivery: string;
let corrections: string;
let onePass: Warehouse;
let oneByOne: Warehouse;
let oneByOnePath: string;

/**
 * The generated files as first delivered: refund requests decided and tickets resolved in the weeks around the dates
 * arrive still pending and open; `corrections` holds their settled rows, delivered later.
 */
async function splitDeliveries(dir: string): Promise<void> {
  firstDelivery = mkdtempSync(join(tmpdir(), 'trustlens-onepass-first-'));
  corrections = mkdtempSync(join(tmpdir(), 'trustlens-onepass-later-'));
  for (const f of readdirSync(dir)) if (f.endsWith('.parquet')) copyFileSync(join(dir, f), join(firstDelivery, f));
  const wh = await Warehouse.open({ path: ':memory:' });
  const file = (d: string, t: string) => `'${join(d, `${t}.parquet`).replaceAll("'", "''")}'`;
  const window = { from: addDays(DATES[0]!, -30), to: CORRECTED_KNOWN };
  const settled = {
    refund_requests: `decided_at >= $from::timestamp and decided_at < $to::timestamp`,
    service_tickets: `resolved_at >= $from::timestamp and resolved_at < $to::timestamp`,
  };
  const unsettled = {
    refund_requests: `* replace ('pending' as status, null as decided_at, null as decided_by)`,
    service_tickets: `* replace (false as resolved, null as resolved_at, null as satisfaction)`,
  };
  for (const t of ['refund_requests', 'service_tickets'] as const) {
    const src = file(dir, t);
    await wh.run(`copy (select * from ${src} where ${settled[t]}) to ${file(corrections, t)}`, window);
    await wh.run(
      `copy (select * from ${src} where not coalesce(${settled[t]}, false)
             union all by name
             select ${unsettled[t]} from ${src} where ${settled[t]}) to ${file(firstDelivery, t)}`,
      window,
    );
  }
  wh.close();
}

/** Scores as a score stage would leave them for the weeks before the dates, so flagged buyers differ week by week. */
async function scoreHistory(wh: Warehouse): Promise<void> {
  await wh.run(
    `create table score_buyer_history as
     select d.as_of, b.buyer_id, (hash(b.buyer_id, d.as_of) % 1000) / 1000.0 as risk,
       case when hash(b.buyer_id, d.as_of) % 1000 >= 900 then 'high' else 'normal' end as tier
     from buyers as b cross join (select unnest($dates::varchar[])::date - 7 as as_of) as d`,
    { dates: listValue(DATES) },
  );
}

beforeAll(async () => {
  gen = await generateSmall();
  await splitDeliveries(gen.dir);
  onePass = await Warehouse.open({ path: ':memory:' });
  // a file, so the one-pass database can attach it and compare with one query per column
  oneByOnePath = join(firstDelivery, 'one-by-one.duckdb');
  oneByOne = await Warehouse.open({ path: oneByOnePath });
  for (const wh of [onePass, oneByOne]) {
    await ingestInto(wh, { from: firstDelivery, knownAt: FIRST_KNOWN });
    await ingestInto(wh, { from: corrections, knownAt: CORRECTED_KNOWN });
    await scoreHistory(wh);
  }
  const log = createLogger({ verbosity: 'quiet' });
  await ensureFeatureSnapshots(onePass, [{ table: 'feat_merchant_history', dates: DATES }], log);
  for (const d of DATES) await buildFeatures(oneByOne, d, { writeCurrent: false });
  oneByOne.close();
  await onePass.run(`attach '${oneByOnePath.replaceAll("'", "''")}' as single (read_only)`);
}, 600_000);

afterAll(() => {
  onePass?.close();
  gen?.cleanup();
  for (const d of [firstDelivery, corrections]) if (d) rmSync(d, { recursive: true, force: true });
});

describe('features built for several dates in one pass', () => {
  for (const { table, key } of TABLES) {
    it(`give the same ${table} as one build per date, every row and every column`, async () => {
      const columns = await onePass.all<{ column_name: string }>(
        `select column_name from duckdb_columns()
         where database_name = 'memory' and table_name = $t order by column_index`,
        { t: table },
      );
      const t = quoteIdent(table);
      const [counts] = await onePass.all<{ both: bigint; one: bigint; single: bigint }>(
        `select (select count(*) from ${t}) as one, (select count(*) from single.${t}) as single,
                (select count(*) from ${t} a join single.${t} b using (as_of, ${quoteIdent(key)})) as both`,
      );
      expect(counts!.one).toBe(counts!.single);
      expect(counts!.both).toBe(counts!.one);
      expect(Number(counts!.one)).toBeGreaterThan(0);
      const differing: Record<string, number> = {};
      for (const c of columns) {
        const col = quoteIdent(c.column_name);
        // exact, doubles included: sums of money are decimals and no average depends on the order rows arrive in
        const same = `a.${col} is not distinct from b.${col}`;
        const n = await onePass.scalar<bigint>(
          `select count(*) from ${t} a join single.${t} b using (as_of, ${quoteIdent(key)}) where not (${same})`,
        );
        if (n > 0n) differing[c.column_name] = Number(n);
      }
      expect(differing).toEqual({});
    });
  }

  it('cover every date asked for, each with its own rows', async () => {
    const dates = await onePass.all<{ d: string; n: bigint }>(
      `select strftime(as_of, '%Y-%m-%d') as d, count(*) as n from feat_buyer_history group by all order by d`,
    );
    expect(dates.map((r) => r.d)).toEqual(DATES);
    // a later date sees more history, so more buyers
    expect(Number(dates.at(-1)!.n)).toBeGreaterThan(Number(dates[0]!.n));
  });

  it('read each correction from the date it became known, not before (so the comparison above covers them)', async () => {
    await onePass.run(`create or replace temp table probe_dates as select unnest($d::date[]) as as_of`, {
      d: listValue(DATES),
    });
    await createKnownRowsDatedMacros(onePass, 'probe_dates');
    const pending = await onePass.all<{ d: string; requests: bigint }>(
      `select strftime(as_of, '%Y-%m-%d') as d, count(*) filter (where status = 'pending') as requests
       from known_refund_requests_dated()
       semi join (select request_id from refund_requests_versions where version > 1) using (request_id)
       group by as_of order by d`,
    );
    const open = await onePass.all<{ d: string; tickets: bigint }>(
      `select strftime(as_of, '%Y-%m-%d') as d, count(*) filter (where not resolved) as tickets
       from known_service_tickets_dated()
       semi join (select ticket_id from service_tickets_versions where version > 1) using (ticket_id)
       group by as_of order by d`,
    );
    const corrected = Number(
      await onePass.scalar<bigint>('select count(*) from refund_requests_versions where version > 1'),
    );
    expect(corrected).toBeGreaterThan(10);
    expect(pending.map((r) => [r.d, Number(r.requests)])).toEqual(
      DATES.map((d) => [d, d < CORRECTED_KNOWN ? corrected : 0]),
    );
    expect(open.map((r) => [r.d, Number(r.tickets) > 0])).toEqual(DATES.map((d) => [d, d < CORRECTED_KNOWN]));
  });
});

describe('snapshotPasses', () => {
  it('puts as many dates in a pass as the row budget allows, at least one', () => {
    const rows = (n: number) => ['a', 'b', 'c', 'd', 'e'].map((date) => ({ date, rows: n }));
    expect(snapshotPasses(rows(1_600_000))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(snapshotPasses(rows(100))).toEqual([['a', 'b', 'c', 'd', 'e']]);
    expect(snapshotPasses(rows(50_000_000))).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
    expect(snapshotPasses([])).toEqual([]);
  });

  it('counts each date by its own rows, so early dates of a growing history share a pass', () => {
    const dates = [
      { date: '2026-01-05', rows: 0 },
      { date: '2026-01-12', rows: 1_000_000 },
      { date: '2026-01-19', rows: 2_000_000 },
      { date: '2026-01-26', rows: 3_000_000 },
      { date: '2026-02-02', rows: 4_000_000 },
      { date: '2026-02-09', rows: 5_000_000 },
    ];
    expect(snapshotPasses(dates)).toEqual([
      ['2026-01-05', '2026-01-12', '2026-01-19'],
      ['2026-01-26'],
      ['2026-02-02'],
      ['2026-02-09'],
    ]);
  });
});

describe('passRows', () => {
  it('counts the orders placed before each date and every buyer, nothing when the tables do not exist yet', async () => {
    const wh = await Warehouse.open({ path: ':memory:' });
    try {
      expect(await passRows(wh, ['2026-01-05'])).toEqual([{ date: '2026-01-05', rows: 0 }]);
      await wh.run(`create table orders (order_id varchar, created_at timestamp)`);
      await wh.run(`insert into orders values
        ('o1', '2026-01-01 10:00'), ('o2', '2026-01-04 23:59:59'), ('o3', '2026-01-05 00:00'), ('o4', '2026-01-11 08:00')`);
      expect(await passRows(wh, ['2026-01-01', '2026-01-05', '2026-01-06', '2026-01-12'])).toEqual([
        { date: '2026-01-01', rows: 0 },
        { date: '2026-01-05', rows: 2 },
        { date: '2026-01-06', rows: 3 },
        { date: '2026-01-12', rows: 4 },
      ]);
      // staging copies every buyer for each date, registered before it or not
      await wh.run(`create table buyers (buyer_id varchar, registered_at timestamp)`);
      await wh.run(`insert into buyers values ('b1', '2025-06-01'), ('b2', '2026-01-10'), ('b3', null)`);
      expect(await passRows(wh, ['2026-01-01', '2026-01-12'])).toEqual([
        { date: '2026-01-01', rows: 3 },
        { date: '2026-01-12', rows: 7 },
      ]);
    } finally {
      wh.close();
    }
  });
});
