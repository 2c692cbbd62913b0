// Request features of several weeks built in one pass equal one build per week, every row and column, on a generated
// marketplace with weekly snapshots, scores and linked groups behind the requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listValue } from '@duckdb/node-api';
import { createLogger } from '../../../data/log/Logger.ts';
import { weeksEnding } from '../../../data/time/isoDate.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { buildRequestFeatures, REQUEST_HISTORY } from '../../../pipelines/features/buildRequestFeatures.ts';
import { ensureFeatureSnapshots } from '../../../pipelines/features/ensureFeatureSnapshots.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { generateSmall, type Generated } from '../../data/synthetic/generateSmall.ts';
import { compareRows } from '../../support/compareRows.ts';

/** Weekly snapshots the requests look back to (35 days before the first request week). */
const SNAPSHOTS = weeksEnding('2026-11-02', 11);
/** Six weekly request weeks, plus one date between two of them: its window overlaps both of its neighbours'. */
const WEEKS = [...weeksEnding('2026-11-02', 6), '2026-10-22'].sort();

let gen: Generated;
let wh: Warehouse;

beforeAll(async () => {
  gen = await generateSmall();
  wh = await Warehouse.open({ path: ':memory:' });
  await ingestInto(wh, { from: gen.dir });
  await ensureFeatureSnapshots(
    wh,
    [{ table: 'feat_buyer_history', dates: SNAPSHOTS }],
    createLogger({ verbosity: 'quiet' }),
  );
  // Scores as a score stage would leave them, different each week, so the ASOF joins pick a week's own values.
  await wh.run(`create table score_buyer_history as
    select as_of, buyer_id, (hash(buyer_id, as_of) % 1000) / 1000.0 as risk,
      case when hash(buyer_id, as_of) % 1000 >= 900 then 'high' else 'normal' end as tier
    from feat_buyer_history`);
  await wh.run(`create table score_merchant_history as
    select as_of, merchant_id, 60 + (hash(merchant_id, as_of) % 400) / 10.0 as trust, 'standard' as tier
    from feat_merchant_history`);
  for (const w of WEEKS) await buildRequestFeatures(wh, w);
  await wh.run(`create table per_week as select * from ${REQUEST_HISTORY}`);
  await wh.run(`delete from ${REQUEST_HISTORY}`);
  await buildRequestFeatures(wh, WEEKS);
}, 300_000);

afterAll(() => {
  wh?.close();
  gen?.cleanup();
});

describe('request features of several weeks in one pass', () => {
  it('give every week the rows of its own build, every column equal', async () => {
    const { rows, differing } = await compareRows(wh, REQUEST_HISTORY, 'per_week', ['as_of', 'request_id']);
    expect(rows.matched).toBe(rows.a);
    expect(rows.matched).toBe(rows.b);
    expect(differing).toEqual({});
  });

  it('describe a request once for each week whose 7 days hold it', async () => {
    const perWeek = await wh.all<{ d: string; n: bigint }>(
      `select strftime(as_of, '%Y-%m-%d') as d, count(*) as n from ${REQUEST_HISTORY} group by all order by d`,
    );
    expect(perWeek.map((r) => r.d)).toEqual(WEEKS);
    for (const r of perWeek) expect(Number(r.n)).toBeGreaterThan(0);
    // 2026-10-22's window [10-15, 10-22) overlaps 2026-10-19's and 2026-10-26's
    const shared = await wh.scalar<bigint>(
      `select count(*) from ${REQUEST_HISTORY} a join ${REQUEST_HISTORY} b using (request_id)
       where a.as_of = '2026-10-22' and list_contains($others::date[], b.as_of)`,
      { others: listValue(['2026-10-19', '2026-10-26']) },
    );
    const inWindow = perWeek.find((r) => r.d === '2026-10-22')!.n;
    expect(shared).toBe(inWindow);
  });

  it('look up snapshots, scores and groups, not only the request itself', async () => {
    const [filled] = await wh.all<{ snapshot: bigint; risk: bigint; trust: bigint; grouped: bigint }>(
      `select count(snapshot_as_of) as snapshot, count(buyer_risk) as risk, count(merchant_trust) as trust,
              count(*) filter (where group_size > 1) as grouped
       from ${REQUEST_HISTORY}`,
    );
    expect(Number(filled!.snapshot)).toBeGreaterThan(0);
    expect(Number(filled!.risk)).toBeGreaterThan(0);
    expect(Number(filled!.trust)).toBeGreaterThan(0);
    expect(Number(filled!.grouped)).toBeGreaterThan(0);
  });
});
