// The govern stage end to end on the literal marketplace: the ledger against a hand-computed week, the four tables
// published for the run's weeks, reruns replacing them, and a failure keeping last week's outputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { governWeek, type GovernSummary } from '../../../pipelines/govern/governWeek.ts';
import * as publish from '../../../pipelines/govern/publishGovern.ts';
import { AS_OF, PREVIOUS } from './fixtures/governMarketplace.ts';
import { governWarehouse } from './fixtures/governWarehouse.ts';

const config = configSchema.parse({ govern: { historyWeeks: 2, spotCheck: { size: 2, riskShare: 0.5 } } });

let wh: Warehouse;
let summary: GovernSummary;
beforeAll(async () => {
  wh = await governWarehouse();
  summary = await governWeek(wh, AS_OF, config);
});
afterAll(() => wh.close());

const dump = (table: string) => wh.all(`select * from ${table} order by all`);

describe('compensation ledger', () => {
  it('matches the hand-computed week: confirmed abuse, risk-weighted expected, request ids, running totals', async () => {
    const rows = await wh.all(
      `select strftime(as_of, '%Y-%m-%d') as week, merchant_id, confirmed_amount, confirmed_requests, confirmed_request_ids, expected_amount,
              expected_requests, expected_request_ids, cumulative_confirmed, cumulative_expected, strftime(known_as_of, '%Y-%m-%d') as known
       from merchant_compensation order by week, merchant_id`,
    );
    expect(rows).toEqual([
      // r_c6 was paid the week before to b2, whose abuse was confirmed only on 2026-02-25: restated as confirmed now
      {
        week: PREVIOUS,
        merchant_id: 'm3',
        confirmed_amount: 10,
        confirmed_requests: 1,
        confirmed_request_ids: ['r_c6'],
        expected_amount: 0,
        expected_requests: 0,
        expected_request_ids: [],
        cumulative_confirmed: 10,
        cumulative_expected: 0,
        known: AS_OF,
      },
      // r_c1 to b2 (confirmed) 40; r_c2 to b3 20 × 0.9; r_c3 to b1 30 × 0.01; the return-and-refund request, the
      // rejected one and the one whose goods came back are no refund-only money paid for kept goods
      {
        week: AS_OF,
        merchant_id: 'm3',
        confirmed_amount: 40,
        confirmed_requests: 1,
        confirmed_request_ids: ['r_c1'],
        expected_amount: 18.3,
        expected_requests: 2,
        expected_request_ids: ['r_c2', 'r_c3'],
        cumulative_confirmed: 50,
        cumulative_expected: 18.3,
        known: AS_OF,
      },
    ]);
    expect(summary.compensation).toEqual({ confirmed: 40, expected: 18.3 });
  });
});

describe('governWeek', () => {
  it('publishes the scorecard of every history week, the ladder, the spot checks and the ledger', async () => {
    const weeks = await wh.all<{ t: string; d: string }>(
      `select 'scorecard' as t, strftime(as_of, '%Y-%m-%d') as d from merchant_scorecard
       union select 'actions', strftime(as_of, '%Y-%m-%d') from merchant_actions_recommended
       union select 'spot', strftime(as_of, '%Y-%m-%d') from merchant_spot_checks order by all`,
    );
    expect(weeks).toEqual([
      { t: 'actions', d: PREVIOUS },
      { t: 'actions', d: AS_OF },
      { t: 'scorecard', d: PREVIOUS },
      { t: 'scorecard', d: AS_OF },
      { t: 'spot', d: AS_OF },
    ]);
    expect(summary.weeks).toEqual([PREVIOUS, AS_OF]);
    expect(summary.spotChecks).toBe(2);
  });

  it('recommends for m1 with its failed standards in words and numbers', async () => {
    const m1 = await wh.all<{ action: string; violations: string[]; points_active: number }>(
      "select action, violations, points_active from merchant_actions_recommended where merchant_id = 'm1' and as_of = $d::date",
      { d: AS_OF },
    );
    expect(m1).toHaveLength(1);
    expect(m1[0]!.violations).toContain(
      `${AS_OF}: Late shipments: 2 of 8 orders due to ship went out after the promised date or not at all (25%; standard ≤ 10%, category median 25%) — 4 points (repeat within 4 weeks, ×2)`,
    );
    expect(m1[0]!.violations).toContain(
      `${AS_OF}: Ticket first answer (median): 17.0 h over 4 service tickets, 2 of them over 8.0 h (standard ≤ 8.0 h, category median 9.5 h) — 2 points (repeat within 4 weeks, ×2)`,
    );
    expect(m1[0]!.action).toBe('rectification'); // one step a week from the warning of 2026-02-23
  });

  it('stores each spot check with its inclusion probability and the design it came from', async () => {
    const spot = await wh.all<{
      stratum: string;
      population: number;
      risk_draws: number;
      random_draws: number;
      inclusion_probability: number;
    }>(
      'select stratum, population, risk_draws, random_draws, inclusion_probability from merchant_spot_checks order by stratum',
    );
    expect(spot.map((s) => [s.stratum, s.population, s.risk_draws, s.random_draws])).toEqual([
      ['random', 3, 1, 1],
      ['risk', 3, 1, 1],
    ]);
    for (const s of spot) expect(s.inclusion_probability).toBeGreaterThan(0);
  });

  it('a rerun of the same date gives the same rows', async () => {
    const before = JSON.stringify(
      await Promise.all(
        ['merchant_scorecard', 'merchant_actions_recommended', 'merchant_spot_checks', 'merchant_compensation'].map(
          dump,
        ),
      ),
    );
    await governWeek(wh, AS_OF, config);
    expect(
      JSON.stringify(
        await Promise.all(
          ['merchant_scorecard', 'merchant_actions_recommended', 'merchant_spot_checks', 'merchant_compensation'].map(
            dump,
          ),
        ),
      ),
    ).toBe(before);
  });

  it('a failure while publishing keeps the previous outputs and leaves no build tables behind', async () => {
    const before = JSON.stringify(
      await Promise.all(['merchant_scorecard', 'merchant_actions_recommended', 'merchant_compensation'].map(dump)),
    );
    const broken = {
      asOf: '2026-03-09',
      weeks: ['2026-03-02', '2026-03-09'],
      computed: ['2026-03-02', '2026-03-09'],
      published: [],
      recommendations: [{ asOf: 'not a date' } as never],
      spotChecks: [],
      design: { population: 0, riskDraws: 0, randomDraws: 0 },
    };
    await wh.run('create or replace temp table gov_scorecard as select * from merchant_scorecard limit 0');
    await wh.run('create or replace temp table gov_compensation as select * from merchant_compensation limit 0');
    await wh.run('create or replace temp table gov_computed_weeks as select * from govern_weeks limit 0');
    await expect(publish.publishGovern(wh, broken)).rejects.toThrow();
    expect(
      JSON.stringify(
        await Promise.all(['merchant_scorecard', 'merchant_actions_recommended', 'merchant_compensation'].map(dump)),
      ),
    ).toBe(before);
    expect(await wh.all("select table_name from duckdb_tables() where table_name like '%__new'")).toEqual([]);
  });
});

describe('a week with no delivered orders is not judged', () => {
  it('after the data ends: nothing computed or published, and the stored weeks stay as they were', async () => {
    const later = await governWarehouse();
    try {
      await governWeek(later, AS_OF, config);
      const tables = [
        'merchant_scorecard',
        'merchant_actions_recommended',
        'merchant_spot_checks',
        'merchant_compensation',
      ];
      const before = JSON.stringify(await Promise.all(tables.map((t) => later.all(`select * from ${t} order by all`))));
      const skipped = await governWeek(later, '2026-03-16', config);
      expect(skipped.skipped).toBe(
        "the warehouse's orders end on 2026-03-01 10:00 UTC, before the week 2026-03-09 – 2026-03-15 starts: load its files, then run again; nothing judged or published for the week; last week's recommendations stand",
      );
      expect(skipped).toMatchObject({ weeks: [], computed: [], actions: {}, escalations: 0, spotChecks: 0 });
      const after = JSON.stringify(await Promise.all(tables.map((t) => later.all(`select * from ${t} order by all`))));
      expect(after).toBe(before);
    } finally {
      later.close();
    }
  });

  /** The fixture's tickets of the week to AS_OF and the 4 before it replaced by `perWeek` (oldest first) a week. */
  async function ticketsPerWeek(wh: Warehouse, perWeek: readonly number[]): Promise<void> {
    await wh.run('create or replace temp table ticket_template as select * from service_tickets limit 1');
    await wh.run('delete from service_tickets where opened_at >= $as_of::timestamp - interval 35 day', {
      as_of: AS_OF,
    });
    for (const [i, n] of perWeek.entries()) {
      const weeksBack = perWeek.length - i; // the oldest week starts 5 weeks before AS_OF
      // the first at the week's first instant, so the week boundary is held too
      await wh.run(
        `insert into service_tickets
         select t.* replace ('t_' || $w || '_' || k as ticket_id, $as_of::timestamp - to_days(cast(7 * $w as integer)) + to_hours(cast(k as integer)) as opened_at)
         from ticket_template as t, range(0, $n::bigint) as s(k)`,
        { as_of: AS_OF, w: weeksBack, n },
      );
    }
  }

  it('with orders but no tickets, where the 4 weeks before had some: the tickets file is missing', async () => {
    const noTickets = await governWarehouse();
    try {
      await ticketsPerWeek(noTickets, [12, 10, 14, 11, 0]);
      expect((await governWeek(noTickets, AS_OF, config)).skipped).toBe(
        "no service tickets in the week 2026-02-23 – 2026-03-01, where the weeks before had 12 a week (median of 12, 10, 14, 11): the week's service ticket files look missing; every answer or resolution they would bring would read as a failure; nothing judged or published for the week; last week's recommendations stand",
      );
    } finally {
      noTickets.close();
    }
  });

  it('judges a week without tickets where they were few (median under 10) or fewer than 4 weeks had any', async () => {
    for (const perWeek of [
      [9, 12, 8, 7, 0],
      [12, 0, 14, 11, 0],
    ]) {
      const quiet = await governWarehouse();
      try {
        await ticketsPerWeek(quiet, perWeek);
        expect((await governWeek(quiet, AS_OF, config)).skipped).toBeUndefined();
      } finally {
        quiet.close();
      }
    }
  });

  it("with later orders but none in the week: that week's files are missing", async () => {
    const gap = await governWarehouse();
    try {
      await gap.run("delete from orders where created_at >= '2026-02-23' and created_at < '2026-03-02'");
      // one order of the week after: the data goes on, the week's own files are what is missing
      await gap.run(
        "insert into orders select * replace ('o_late' as order_id, timestamp '2026-03-04 09:00:00' as created_at) from orders limit 1",
      );
      expect((await governWeek(gap, AS_OF, config)).skipped).toBe(
        "no orders in the week 2026-02-23 – 2026-03-01 although the warehouse holds orders up to 2026-03-04 09:00 UTC: that week's files are missing; nothing judged or published for the week; last week's recommendations stand",
      );
      expect(await gap.tableExists('merchant_actions_recommended')).toBe(false);
    } finally {
      gap.close();
    }
  });
});

describe('rerunning an older week', () => {
  it('keeps the ledger a later run restated: a verdict known since does not fall back to expected', async () => {
    const rerun = await governWarehouse();
    try {
      await governWeek(rerun, AS_OF, config);
      const ledger = () =>
        rerun.all(
          `select strftime(as_of, '%Y-%m-%d') as week, merchant_id, confirmed_amount, expected_amount, strftime(known_as_of, '%Y-%m-%d') as known
           from merchant_compensation order by all`,
        );
      const restated = await ledger();
      // r_c6 of the week before, paid to b2: confirmed abuse once b2's verdict closed on 2026-02-25
      expect(restated).toContainEqual({
        week: PREVIOUS,
        merchant_id: 'm3',
        confirmed_amount: 10,
        expected_amount: 0,
        known: AS_OF,
      });
      await governWeek(rerun, PREVIOUS, config);
      // the rerun's history starts a week earlier: that week is new; the weeks the later run restated are as they were
      const sinceThen = (rows: Record<string, unknown>[]) => rows.filter((r) => String(r.week) >= PREVIOUS);
      expect(sinceThen(await ledger())).toEqual(sinceThen(restated));
    } finally {
      rerun.close();
    }
  });
});
