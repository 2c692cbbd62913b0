// Request weeks kept from an earlier build equal a fresh build: planRequestWeeks builds again exactly the weeks a
// delivery, a republished snapshot, lost rows or other code may have changed, and keeps the others as stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../data/log/Logger.ts';
import { addDays, weeksEnding } from '../../../data/time/isoDate.ts';
import { quoteIdent } from '../../../data/warehouse/quoteIdent.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import {
  buildRequestFeatures,
  REQUEST_HISTORY,
  REQUEST_MODELS,
  refreshRequestFeatures,
} from '../../../pipelines/features/buildRequestFeatures.ts';
import { buildFeatureDates } from '../../../pipelines/features/buildFeatures.ts';
import { ensureFeatureSnapshots } from '../../../pipelines/features/ensureFeatureSnapshots.ts';
import { planRequestWeeks } from '../../../pipelines/features/planRequestWeeks.ts';
import { requestFingerprint } from '../../../pipelines/features/requestWeeksBook.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { generateSmall, type Generated } from '../../data/synthetic/generateSmall.ts';

const END = '2026-11-02';
/** Weekly snapshots the requests look back to (35 days before the first request week). */
const SNAPSHOTS = weeksEnding(END, 11);
const WEEKS = weeksEnding(END, 6);
const [W1, W2, W3, W4, W5, W6] = WEEKS as [string, string, string, string, string, string];
const quiet = createLogger({ verbosity: 'quiet' });
const FINGERPRINT = requestFingerprint(REQUEST_MODELS.map((m) => m.file));

let gen: Generated;
let wh: Warehouse;
let deliveries: string;

const plan = async () => {
  const p = await planRequestWeeks(wh, WEEKS, FINGERPRINT);
  return { build: p.build, kept: p.kept, reasons: Object.fromEntries(p.reasons) };
};

/** Delivers `rows` (a select over the table as loaded) as a corrected file of `table`, known at END. */
async function deliver(table: string, rows: string, params: Record<string, string>): Promise<void> {
  const dir = mkdtempSync(join(deliveries, `${table}-`));
  const file = join(dir, `${table}.parquet`).replaceAll("'", "''");
  await wh.run(`copy (${rows}) to '${file}'`, params);
  await ingestInto(wh, { from: dir, knownAt: END });
}

/** The first request made in the week ending `week` on a delivered order, its order and time. */
async function requestOf(week: string): Promise<{ request_id: string; order_id: string; at: string }> {
  const [row] = await wh.all<{ request_id: string; order_id: string; at: string }>(
    `select r.request_id, r.order_id, strftime(r.requested_at, '%Y-%m-%d %H:%M:%S') as at
     from refund_requests as r join orders as o using (order_id)
     where r.requested_at >= $from::timestamp and r.requested_at < $to::timestamp and o.delivered_at is not null
     order by r.requested_at limit 1`,
    { from: addDays(week, -7), to: week },
  );
  return row!;
}

/**
 * The refreshed history against a fresh build of every week, every row and column (the fresh build then stays, as a
 * refresh of every week would leave it).
 */
async function expectFreshBuildEqual(): Promise<void> {
  await wh.run(`create or replace table refreshed as select * from ${REQUEST_HISTORY}`);
  await wh.run(`delete from ${REQUEST_HISTORY}`);
  await buildRequestFeatures(wh, WEEKS);
  const columns = await wh.all<{ column_name: string }>(
    'select column_name from duckdb_columns() where table_name = $t order by column_index',
    { t: REQUEST_HISTORY },
  );
  const [counts] = await wh.all<{ fresh: bigint; refreshed: bigint; both: bigint }>(
    `select (select count(*) from ${REQUEST_HISTORY}) as fresh, (select count(*) from refreshed) as refreshed,
            (select count(*) from ${REQUEST_HISTORY} a join refreshed b using (as_of, request_id)) as both`,
  );
  expect(counts!.refreshed).toBe(counts!.fresh);
  expect(counts!.both).toBe(counts!.fresh);
  const differing: Record<string, number> = {};
  for (const c of columns) {
    const col = quoteIdent(c.column_name);
    const n = await wh.scalar<bigint>(
      `select count(*) from ${REQUEST_HISTORY} a join refreshed b using (as_of, request_id)
       where a.${col} is distinct from b.${col}`,
    );
    if (n > 0n) differing[c.column_name] = Number(n);
  }
  expect(differing).toEqual({});
}

beforeAll(async () => {
  gen = await generateSmall();
  deliveries = mkdtempSync(join(tmpdir(), 'trustlens-request-weeks-'));
  wh = await Warehouse.open({ path: ':memory:' });
  await ingestInto(wh, { from: gen.dir, knownAt: END });
  await ensureFeatureSnapshots(wh, [{ table: 'feat_buyer_history', dates: SNAPSHOTS }], quiet);
  await wh.run(`create table score_buyer_history as
    select as_of, buyer_id, (hash(buyer_id, as_of) % 1000) / 1000.0 as risk, 'normal' as tier from feat_buyer_history`);
  await wh.run(`create table score_merchant_history as
    select as_of, merchant_id, 60 + (hash(merchant_id, as_of) % 400) / 10.0 as trust, 'standard' as tier
    from feat_merchant_history`);
}, 300_000);

afterAll(() => {
  wh?.close();
  gen?.cleanup();
  if (deliveries) rmSync(deliveries, { recursive: true, force: true });
});

describe('request weeks kept from an earlier build', () => {
  it('are all built the first time, then all kept while nothing changes', async () => {
    expect(await refreshRequestFeatures(wh, WEEKS, quiet)).toEqual(WEEKS);
    expect(await plan()).toEqual({ build: [], kept: WEEKS, reasons: {} });
  });

  it('are built again from the week a request delivered late falls in, on', async () => {
    const r = await requestOf(W3);
    await deliver(
      'refund_requests',
      "select * replace ('late-' || request_id as request_id) from refund_requests where request_id = $id",
      { id: r.request_id },
    );
    const reason = `rows delivered after it was built may change its requests (from ${r.at})`;
    expect(await plan()).toEqual({
      build: [W3, W4, W5, W6],
      kept: [W1, W2],
      reasons: { [W3]: reason, [W4]: reason, [W5]: reason, [W6]: reason },
    });
    expect(await refreshRequestFeatures(wh, WEEKS, quiet)).toEqual([W3, W4, W5, W6]);
    await expectFreshBuildEqual();
  });

  it('are built again when a later delivery changes the order of one of their requests', async () => {
    const r = await requestOf(W5);
    await deliver(
      'orders',
      'select * replace (delivered_at + interval 1 hour as delivered_at) from orders where order_id = $id',
      { id: r.order_id },
    );
    const { build, kept } = await plan();
    // the order's earliest request may be older than the one picked: every week after it is built
    expect(build.at(-1)).toBe(W6);
    expect(build).toContain(W5);
    expect([...kept, ...build].sort()).toEqual(WEEKS);
    await refreshRequestFeatures(wh, WEEKS, quiet);
    await expectFreshBuildEqual();
  });

  it('are built again when a snapshot in their 35 days is published again', async () => {
    // W2 − 7 lies in the 35 days before W2, W3, W4, W5 and W6
    await buildFeatureDates(wh, [addDays(W2, -7)], { writeCurrent: false });
    const reason = 'a buyer or merchant snapshot, score or group before it was published again since';
    expect(await plan()).toEqual({
      build: [W2, W3, W4, W5, W6],
      kept: [W1],
      reasons: { [W2]: reason, [W3]: reason, [W4]: reason, [W5]: reason, [W6]: reason },
    });
    await refreshRequestFeatures(wh, WEEKS, quiet);
    await expectFreshBuildEqual();
  });

  it('are built again when rows went missing, and all of them under other code', async () => {
    await wh.run(
      `delete from ${REQUEST_HISTORY} where as_of = $w::date and request_id = (
      select min(request_id) from ${REQUEST_HISTORY} where as_of = $w::date)`,
      { w: W4 },
    );
    expect(await plan()).toEqual({
      build: [W4],
      kept: [W1, W2, W3, W5, W6],
      reasons: { [W4]: 'feat_request_history no longer holds all its rows' },
    });
    expect((await planRequestWeeks(wh, WEEKS, 'other code')).build).toEqual(WEEKS);
    await refreshRequestFeatures(wh, WEEKS, quiet);
    await expectFreshBuildEqual();
  });
});
