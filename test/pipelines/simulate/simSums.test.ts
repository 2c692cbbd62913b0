// The bootstrap sums: the replicates summed in typed arrays give exactly the rows of one join of cells and weights
// summing every column as a decimal, per replicate.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSql } from '../../../data/warehouse/readSql.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { sumReplicates } from '../../../pipelines/simulate/sumReplicates.ts';

const CURRENT = new URL('../../../pipelines/simulate/sql/sim_sums.sql', import.meta.url);
const ALL_DECIMAL = new URL('./simSumsAllDecimal.sql', import.meta.url);

/** Per-buyer cells as sim_cells.sql writes them: counts as bigints, money as DECIMAL(38, 10). */
const CELLS = `
create temp table sim_cells as
select
  scenario, buyer_id, category, merchant_tier,
  requests::bigint as requests, requests::bigint as requests_instant_refund,
  honest::bigint as honest_requests, burdened::bigint as honest_burdened,
  new_req::bigint as new_buyer_requests, new_burdened::bigint as new_buyer_burdened,
  overflowed::bigint as overflowed,
  cast(reviewed as decimal(38, 10)) as reviewed,
  cast(stopped as decimal(38, 10)) as abusive_amount_stopped_confirmed,
  cast(paid as decimal(38, 10)) as abusive_amount_paid_confirmed,
  cast(expected as decimal(38, 10)) as abusive_amount_stopped_expected,
  cast(loss as decimal(38, 10)) as merchant_loss,
  cast(comp as decimal(38, 10)) as compensation_cost,
  cast(platform as decimal(38, 10)) as platform_cost,
  cast(honest_cost as decimal(38, 10)) as honest_buyer_cost
from (values
  ('status-quo', 'b1', 'electronics', 'top-rated', 3, 1, 1, 0, 0, 0, 0, 120.10, 0.05, 17.1234567891, 120.10, 0, 0, 3.3),
  ('status-quo', 'b2', 'fresh_food', 'at-risk', 1, 1, 0, 1, 0, 0, 1, 0, 0, 0, 9.99, 0, 2.5, 0.1),
  ('status-quo', 'b3', 'electronics', 'unscored', 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 44.4, 0, 0, 0),
  ('risk-gated', 'b1', 'electronics', 'top-rated', 3, 1, 1, 0, 0, 3, 1, 0, 120.15, 99.9999999999, 0, 12.3, 7.5, 0),
  ('risk-gated', 'b2', 'fresh_food', 'at-risk', 1, 1, 1, 1, 0, 1, 0, 9.99, 0, 0.0000000001, 0, 0, 2.5, 1.75),
  ('risk-gated', 'b3', 'electronics', 'unscored', 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 44.4, 0, 0, 0),
  ('risk-gated', 'b4', 'toys', 'unscored', 9000000, 9000000, 3, 5000000, 4000000, 9000000, 2, 0, 0, 0, 1e9, 0, 0, 0)
) as t(scenario, buyer_id, category, merchant_tier, requests, honest, burdened, new_req, new_burdened, reviewed,
  overflowed, stopped, paid, expected, loss, comp, platform, honest_cost)
`;

let wh: Warehouse;

beforeAll(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
  await wh.run(CELLS);
});
afterAll(() => wh.close());

async function sums(file: URL, table: string, replicates = 50): Promise<void> {
  await wh.run(`create or replace temp table ${table} as ${readSql(file)}`, { replicates, seed: 42 });
}

async function currentSums(table: string, replicates = 50): Promise<void> {
  await sumReplicates(wh, { replicates, seed: 42 });
  await wh.run(`create or replace temp table ${table} as ${readSql(CURRENT)}`);
}

/** The fixture's cells with one column replaced (`<expression> as <column>`), in a warehouse of their own. */
async function withCells(replacement: string, fn: (other: Warehouse) => Promise<void>): Promise<void> {
  const other = await Warehouse.open({ path: ':memory:' });
  try {
    await other.run(
      `create temp table sim_cells as select * replace (${replacement}) from (` +
        CELLS.replace('create temp table sim_cells as', '') +
        ')',
    );
    await fn(other);
  } finally {
    other.close();
  }
}

async function differing(a: string, b: string): Promise<unknown[]> {
  return wh.all(
    `(select * from ${a} except all select * from ${b}) union all (select * from ${b} except all select * from ${a})`,
  );
}

describe('sim_sums.sql', () => {
  it('gives the same rows, bit for bit, as one join of cells and weights summing every column as a decimal', async () => {
    await currentSums('sums_now');
    await sums(ALL_DECIMAL, 'sums_before');
    // every scenario and segment has its observed row (r = 0) and a row per replicate that drew one of its buyers
    const count = await wh.scalar<bigint>('select count(*) from sums_now');
    expect(count).toBeGreaterThan(13n * 30n);
    expect(await wh.scalar<bigint>('select count(*) from sums_before')).toBe(count);
    expect(await differing('sums_now', 'sums_before')).toEqual([]);
  });

  it("leaves out a replicate that drew none of a segment's buyers, as the join did", async () => {
    // b4 is the only buyer of category=toys: replicates that drew b4 zero times have no toys row
    const toys = await wh.scalar<bigint>(
      "select count(*) from sums_now where scenario = 'risk-gated' and segment = 'category=toys' and r > 0",
    );
    expect(toys).toBeGreaterThan(0n);
    expect(toys).toBeLessThan(50n);
  });

  it('stops rather than round when a weighted money sum could pass 2^50', async () => {
    // 2e11 in whole numbers of 1e-4 is 2e15; seven cells of it, each weighted up to 7, reach 9.8e16, past 2^50
    await withCells('cast(2e11 as decimal(38, 10)) as merchant_loss', async (other) => {
      await expect(sumReplicates(other, { replicates: 5, seed: 42 })).rejects.toThrow(
        "simulate: a bootstrap replicate's sum of merchant_loss could reach 9.80e+16 (money in units of 0.0001), past 2^50, the most it can add exactly; replay fewer weeks (simulate.weeks in the config) so each segment's replayed sums stay smaller",
      );
      // without replicates nothing is summed in doubles: the observed sums stay decimals, whatever their size
      await expect(sumReplicates(other, { replicates: 0, seed: 42 })).resolves.toBeUndefined();
    });
  });

  it('stops rather than read an unknown amount of a cell as 0', async () => {
    await withCells('null::decimal(38, 10) as platform_cost', async (other) => {
      await expect(sumReplicates(other, { replicates: 5, seed: 42 })).rejects.toThrow(
        "bootstrap: sim_cells has no value of platform_cost__hi for a buyer's cell",
      );
    });
  });

  it('writes only the observed rows with no replicates', async () => {
    await currentSums('sums_none', 0);
    await sums(ALL_DECIMAL, 'sums_none_before', 0);
    expect(await wh.scalar<bigint>('select count(*) from sums_none where r > 0')).toBe(0n);
    expect(await differing('sums_none', 'sums_none_before')).toEqual([]);
  });

  it("sums counts exactly: a replicate's count is a whole multiple of the one buyer's 9,000,000 requests", async () => {
    const rows = await wh.all<{ requests: number }>(
      "select requests from sums_now where scenario = 'risk-gated' and segment = 'category=toys' and r > 0",
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const { requests } of rows) expect(requests % 9_000_000).toBe(0);
  });
});
