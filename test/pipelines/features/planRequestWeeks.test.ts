// Request weeks kept from an earlier build equal a fresh build: planRequestWeeks builds again exactly the weeks a
// delivery, a republished snapshot, lost rows or other code may have changed, and keeps the others as stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listValue } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../data/log/Logger.ts';
import { addDays, weeksEnding } from '../../../data/time/isoDate.ts';
import { publishDated } from '../../../data/warehouse/publishDated.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import {
  buildRequestFeatures,
  REQUEST_HISTORY,
  refreshRequestFeatures,
} from '../../../pipelines/features/buildRequestFeatures.ts';
import { ensureFeatureSnapshots } from '../../../pipelines/features/ensureFeatureSnapshots.ts';
import { planRequestWeeks } from '../../../pipelines/features/planRequestWeeks.ts';
import { requestFingerprint } from '../../../pipelines/features/requestFingerprint.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { generateSmall, type Generated } from '../../data/synthetic/generateSmall.ts';
import { compareRows } from '../../support/compareRows.ts';

const END = '2026-11-02';
/** Weekly snapshots the requests look back to (35 days before the first request week). */
const SNAPSHOTS = weeksEnding(END, 11);
const WEEKS = weeksEnding(END, 6);
const [W1, W2, W3, W4, W5, W6] = WEEKS as [string, string, string, string, string, string];
const quiet = createLogger({ verbosity: 'quiet' });
const FINGERPRINT = requestFingerprint();

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

/** The first request made in the week ending `week` on a delivered order, and its order. */
async function requestOf(week: string): Promise<{ request_id: string; order_id: string }> {
  const [row] = await wh.all<{ request_id: string; order_id: string }>(
    `select r.request_id, r.order_id
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
  const { rows, differing } = await compareRows(wh, REQUEST_HISTORY, 'refreshed', ['as_of', 'request_id']);
  expect(rows.matched).toBe(rows.a);
  expect(rows.matched).toBe(rows.b);
  expect(differing).toEqual({});
}

/**
 * Scores of `dates` published as the score stage publishes them (publishDated), different for each `salt`, so a week
 * that reads a republished score reads other values.
 */
async function publishScores(dates: readonly string[], salt: string): Promise<void> {
  const params = { dates: listValue([...dates]), salt };
  await wh.run(
    `create or replace temp table score_buyer_build as
     select d.as_of, b.buyer_id, (hash(b.buyer_id, d.as_of, $salt) % 1000) / 1000.0 as risk, 'normal' as tier
     from buyers as b cross join unnest($dates::date[]) as d(as_of)`,
    params,
  );
  await wh.run(
    `create or replace temp table score_merchant_build as
     select d.as_of, m.merchant_id, 60 + (hash(m.merchant_id, d.as_of, $salt) % 400) / 10.0 as trust, 'standard' as tier
     from merchants as m cross join unnest($dates::date[]) as d(as_of)`,
    params,
  );
  await publishDated(wh, dates, [
    { build: 'score_buyer_build', history: 'score_buyer_history', current: null },
    { build: 'score_merchant_build', history: 'score_merchant_history', current: null },
  ]);
}

beforeAll(async () => {
  gen = await generateSmall();
  deliveries = mkdtempSync(join(tmpdir(), 'trustlens-request-weeks-'));
  wh = await Warehouse.open({ path: ':memory:' });
  await ingestInto(wh, { from: gen.dir, knownAt: END });
  await ensureFeatureSnapshots(wh, [{ table: 'feat_buyer_history', dates: SNAPSHOTS }], quiet);
  await publishScores(SNAPSHOTS, 'first');
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
    const reason = 'rows delivered after it was built may change its requests';
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

  it('are built again when a score in their 35 days is published again, the newest publish of a date too', async () => {
    // W2 − 7 lies in the 35 days before W2, W3, W4, W5 and W6
    const reason = 'a buyer or merchant snapshot, score or group before it was published again since';
    const expected = {
      build: [W2, W3, W4, W5, W6],
      kept: [W1],
      reasons: { [W2]: reason, [W3]: reason, [W4]: reason, [W5]: reason, [W6]: reason },
    };
    for (const salt of ['second', 'third']) {
      await publishScores([addDays(W2, -7)], salt);
      expect(await plan()).toEqual(expected);
      await refreshRequestFeatures(wh, WEEKS, quiet);
      await expectFreshBuildEqual();
    }
  });

  it('are built again from the week a verdict delivered later reaches, on', async () => {
    // a new confirmed case closed during W4 against a buyer who asks for a refund later
    const [row] = await wh.all<{ buyer_id: string; closed: string }>(
      `select o.buyer_id, strftime(min(r.requested_at) - interval 1 hour, '%Y-%m-%d %H:%M:%S') as closed
       from refund_requests as r join orders as o using (order_id)
       where r.requested_at >= $from::timestamp and r.requested_at < $to::timestamp and o.buyer_id is not null
       group by o.buyer_id order by closed limit 1`,
      { from: addDays(W4, -6), to: W4 },
    );
    await deliver(
      'investigations',
      `select 'late-case' as case_id, $buyer as buyer_id, null::varchar as request_id,
              $closed::timestamp - interval 2 day as opened_at, $closed::timestamp as closed_at,
              'confirmed_abuse' as verdict`,
      { buyer: row!.buyer_id, closed: row!.closed },
    );
    const reason = 'rows delivered after it was built may change its requests';
    expect(await plan()).toEqual({
      build: [W4, W5, W6],
      kept: [W1, W2, W3],
      reasons: { [W4]: reason, [W5]: reason, [W6]: reason },
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

  it('are all built while the warehouse cannot date every delivery of their sources', async () => {
    await wh.run('drop table investigations_versions');
    const reason = 'the warehouse has no ingest bookkeeping to date deliveries by';
    expect(await plan()).toEqual({
      build: WEEKS,
      kept: [],
      reasons: Object.fromEntries(WEEKS.map((w) => [w, reason])),
    });
  });
});
