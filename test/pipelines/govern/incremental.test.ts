// The incremental govern run on a generated marketplace delivered week by week: a weekly run computes only its own
// week's scorecard and gives the rows a full recompute gives; changed settings, a correction delivered later, rescored
// buyers, lost rows and a warehouse from before the bookkeeping make it compute again from the oldest week they touch.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listValue } from '@duckdb/node-api';
import { configSchema, type TrustlensConfig } from '../../../data/config/configSchema.ts';
import { generateMarketplace } from '../../../data/synthetic/generateMarketplace.ts';
import { sliceExport } from '../../../data/synthetic/sliceExport.ts';
import { addDays, weeksEnding } from '../../../data/time/isoDate.ts';
import { quoteIdent, quoteLiteral } from '../../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { governWeek, type GovernSummary } from '../../../pipelines/govern/governWeek.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { governWarehouse } from './fixtures/governWarehouse.ts';

const END = '2026-06-01';
const W1 = addDays(END, -14);
const W2 = addDays(END, -7);
const W3 = END;
const HISTORY = 6;
const config = configSchema.parse({ govern: { historyWeeks: HISTORY, spotCheck: { size: 6 } } });
const root = mkdtempSync(join(tmpdir(), 'trustlens-govern-incremental-'));
const delivery = (n: number) => join(root, `week${n}`);

/** A warehouse holding the first `weeks` deliveries, ingested one batch each as the weekly run does. */
async function delivered(weeks: number): Promise<Warehouse> {
  const wh = await Warehouse.open({ path: ':memory:', threads: 1 });
  for (let n = 1; n <= weeks; n++) await ingestInto(wh, { from: delivery(n) });
  return wh;
}

/** A table's rows of some weeks, in a stable order, for exact comparison. */
async function rows(wh: Warehouse, table: string, weeks: readonly string[]): Promise<string> {
  const found = await wh.all(
    `select * from ${quoteIdent(table)} where list_contains($weeks::date[], as_of) order by all`,
    {
      weeks: listValue([...weeks]),
    },
  );
  return JSON.stringify(found, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** The four govern tables as of `asOf`: every history week of the scorecard and ledger, this week's spot checks. */
async function outputs(wh: Warehouse, asOf: string, c: TrustlensConfig = config) {
  const weeks = weeksEnding(asOf, c.govern.historyWeeks);
  return {
    scorecard: await rows(wh, 'merchant_scorecard', weeks),
    compensation: await rows(wh, 'merchant_compensation', weeks),
    spotChecks: await rows(wh, 'merchant_spot_checks', [asOf]),
    recommendations: await rows(wh, 'merchant_actions_recommended', [asOf]),
  };
}

/** What a fresh warehouse with the same deliveries publishes for `asOf`, computing everything. */
async function reference(weeks: number, asOf: string, c: TrustlensConfig = config) {
  const wh = await delivered(weeks);
  try {
    await governWeek(wh, asOf, c);
    return await outputs(wh, asOf, c);
  } finally {
    wh.close();
  }
}

/** The 40 buyers with the most orders scored high on `asOf`: their cases leave the scorecards of the weeks after. */
async function scoreHigh(w: Warehouse, asOf: string): Promise<void> {
  await w.run(readSql(new URL('../../../data/warehouse/tables/score_tables.sql', import.meta.url)));
  await w.run(
    `insert into score_buyer_history
     select $d::date, buyer_id, 0.9, 'high', [], 0, 0, null, $d::date
     from orders group by buyer_id order by count(*) desc, buyer_id limit 40`,
    { d: asOf },
  );
}

let wh: Warehouse;
let first: GovernSummary;
let second: GovernSummary;
let third: GovernSummary;
let pastRecommendations: string;

beforeAll(async () => {
  const full = join(root, 'full');
  await generateMarketplace({ seed: 7, buyers: 800, merchants: 40, weeks: 14, end: END, format: 'parquet', out: full });
  await sliceExport(full, delivery(1), { before: W1 });
  await sliceExport(full, delivery(2), { from: W1, before: W2 });
  await sliceExport(full, delivery(3), { from: W2, before: W3 });
  wh = await delivered(1);
  first = await governWeek(wh, W1, config);
  await ingestInto(wh, { from: delivery(2) });
  second = await governWeek(wh, W2, config);
  pastRecommendations = await rows(wh, 'merchant_actions_recommended', weeksEnding(W2, HISTORY).slice(0, -1));
  await ingestInto(wh, { from: delivery(3) });
  third = await governWeek(wh, W3, config);
}, 120_000);

afterAll(() => {
  wh.close();
  rmSync(root, { recursive: true, force: true });
});

describe('weekly runs on new deliveries', () => {
  it('the first run computes every history week; each later one only its own', () => {
    expect(first.computed).toEqual(weeksEnding(W1, HISTORY));
    expect(second.computed).toEqual([W2]);
    expect(third.computed).toEqual([W3]);
    expect(third.weeks).toEqual(weeksEnding(W3, HISTORY));
  });

  it('the marketplace puts merchants on the ladder, so the comparisons below compare something', async () => {
    const n = await wh.scalar<bigint>('select count(*) from merchant_actions_recommended where as_of = $d::date', {
      d: W3,
    });
    expect(n).toBeGreaterThan(0n);
  });

  it("publishes for the week what a fresh warehouse's full recompute publishes, two weeks running", async () => {
    expect(await outputs(wh, W3)).toEqual(await reference(3, W3));
    // the second week's outputs, as the third run left them: the third wrote nothing of that week's but its ledger
    const w2 = await reference(2, W2);
    const now = await outputs(wh, W2);
    expect(now.scorecard).toEqual(w2.scorecard);
    expect(now.spotChecks).toEqual(w2.spotChecks);
    expect(now.recommendations).toEqual(w2.recommendations);
  });

  it("keeps the recommendations each week's run published instead of replaying them again", async () => {
    expect(await rows(wh, 'merchant_actions_recommended', weeksEnding(W2, HISTORY).slice(0, -1))).toBe(
      pastRecommendations,
    );
  });

  it('a rerun of the same date computes that week again and changes nothing', async () => {
    const before = await outputs(wh, W3);
    const rerun = await governWeek(wh, W3, config);
    expect(rerun.computed).toEqual([W3]);
    expect(await outputs(wh, W3)).toEqual(before);
  });

  it("--full computes every week and rewrites every week's recommendations, as a fresh warehouse's run does", async () => {
    const all = weeksEnding(W3, HISTORY);
    const summary = await governWeek(wh, W3, config, undefined, { full: true });
    expect(summary.computed).toEqual(all);
    const fresh = await delivered(3);
    try {
      await governWeek(fresh, W3, config);
      expect(await outputs(wh, W3)).toEqual(await outputs(fresh, W3));
      expect(await rows(wh, 'merchant_actions_recommended', all)).toBe(
        await rows(fresh, 'merchant_actions_recommended', all),
      );
    } finally {
      fresh.close();
    }
    expect((await governWeek(wh, W3, config)).computed).toEqual([W3]);
  });
});

describe('what makes stored weeks be computed again', () => {
  it('changed scorecard settings: every week, with the rows of a full recompute under them', async () => {
    const stricter = configSchema.parse({
      govern: { historyWeeks: HISTORY, spotCheck: { size: 6 }, standards: { lateShipment: { limit: 0.01 } } },
    });
    const before = await outputs(wh, W3);
    const summary = await governWeek(wh, W3, stricter);
    expect(summary.computed).toEqual(weeksEnding(W3, HISTORY));
    const after = await outputs(wh, W3, stricter);
    expect(after.scorecard).not.toEqual(before.scorecard);
    expect(after).toEqual(await reference(3, W3, stricter));
    // back to the settings of the other tests, computing every week again
    expect((await governWeek(wh, W3, config)).computed).toHaveLength(HISTORY);
  });

  it('a changed govern.confidence: every week, judged on the evidence the new setting asks for', async () => {
    const onEvidence = configSchema.parse({
      govern: { historyWeeks: HISTORY, spotCheck: { size: 6 }, confidence: 0.9 },
    });
    const summary = await governWeek(wh, W3, onEvidence);
    expect(summary.computed).toEqual(weeksEnding(W3, HISTORY));
    expect(await outputs(wh, W3, onEvidence)).toEqual(await reference(3, W3, onEvidence));
    expect((await governWeek(wh, W3, config)).computed).toHaveLength(HISTORY);
  });

  it('a correction delivered later: from the first week after the corrected request on', async () => {
    const copy = await delivered(3);
    try {
      await governWeek(copy, W3, config);
      // a request of the third history week, answered 5 days late in a later delivery
      const week = weeksEnding(W3, HISTORY)[2]!;
      const [request] = await copy.all<{ request_id: string; requested_at: string }>(
        `select request_id, strftime(requested_at, '%Y-%m-%d %H:%M:%S') as requested_at from refund_requests
         where requested_at >= $from::timestamp and requested_at < $to::timestamp order by request_id limit 1`,
        { from: addDays(week, -7), to: week },
      );
      const correction = join(root, 'correction');
      mkdirSync(correction);
      // COPY takes no bound parameter for its target, hence the quoted literal.
      await copy.run(
        `copy (select * replace (requested_at + interval 5 day as merchant_responded_at) from refund_requests
         where request_id = $id) to ${quoteLiteral(join(correction, 'refund_requests.parquet'))} (format parquet)`,
        { id: request!.request_id },
      );
      const before = await outputs(copy, W3);
      await ingestInto(copy, { from: correction });
      const summary = await governWeek(copy, W3, config);
      expect(summary.computed).toEqual(weeksEnding(W3, HISTORY).slice(2));
      const after = await outputs(copy, W3);
      expect(after.scorecard).not.toEqual(before.scorecard);
      const fresh = await delivered(3);
      try {
        await ingestInto(fresh, { from: correction });
        await governWeek(fresh, W3, config);
        expect(after).toEqual(await outputs(fresh, W3));
      } finally {
        fresh.close();
      }
    } finally {
      copy.close();
    }
  });

  it('buyers rescored: from the first week after the new scores on', async () => {
    const scoredOn = weeksEnding(W3, HISTORY)[3]!;
    const copy = await delivered(3);
    const fresh = await delivered(3);
    try {
      await governWeek(copy, W3, config);
      await scoreHigh(copy, scoredOn);
      const summary = await governWeek(copy, W3, config);
      expect(summary.computed).toEqual(weeksEnding(W3, HISTORY).slice(4));
      await scoreHigh(fresh, scoredOn);
      await governWeek(fresh, W3, config);
      expect(await outputs(copy, W3)).toEqual(await outputs(fresh, W3));
    } finally {
      copy.close();
      fresh.close();
    }
  });

  it('rows removed from a stored week: from that week on', async () => {
    const week = weeksEnding(W3, HISTORY)[1]!;
    await wh.run(
      'delete from merchant_scorecard where as_of = $d::date and merchant_id = (select min(merchant_id) from merchant_scorecard where as_of = $d::date)',
      { d: week },
    );
    const summary = await governWeek(wh, W3, config);
    expect(summary.computed).toEqual(weeksEnding(W3, HISTORY).slice(1));
    expect(await outputs(wh, W3)).toEqual(await reference(3, W3));
  });

  it('a warehouse from before the bookkeeping (no govern_weeks): every week, and every week of recommendations', async () => {
    await wh.run('drop table govern_weeks');
    const summary = await governWeek(wh, W3, config);
    expect(summary.computed).toEqual(weeksEnding(W3, HISTORY));
    const fresh = await delivered(3);
    try {
      await governWeek(fresh, W3, config);
      const all = weeksEnding(W3, HISTORY);
      expect(await rows(wh, 'merchant_actions_recommended', all)).toBe(
        await rows(fresh, 'merchant_actions_recommended', all),
      );
    } finally {
      fresh.close();
    }
    expect((await governWeek(wh, W3, config)).computed).toEqual([W3]);
  });

  it('a warehouse not built by ingest (no delivery dates): every week, every run', async () => {
    const literal = await governWarehouse();
    try {
      const two = configSchema.parse({ govern: { historyWeeks: 2 } });
      await governWeek(literal, '2026-03-02', two);
      expect((await governWeek(literal, '2026-03-02', two)).computed).toEqual(['2026-02-23', '2026-03-02']);
    } finally {
      literal.close();
    }
  });
});
