// dropTempTables: a stage's scratch goes, the warehouse's own tables and views stay.
import { afterEach, describe, expect, it } from 'vitest';
import { dropTempTables } from '../../../data/warehouse/dropTempTables.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

let wh: Warehouse | undefined;
afterEach(() => wh?.close());

const names = async (w: Warehouse, sql: string) => (await w.all<{ n: string }>(sql)).map((r) => r.n);

describe('dropTempTables', () => {
  it('drops every temp table and view, odd names included, and keeps the persistent ones', async () => {
    wh = await Warehouse.open({ path: ':memory:' });
    await wh.run('create table scores (id integer); insert into scores values (1), (2)');
    await wh.run('create view top_scores as select * from scores');
    await wh.run('create temp table sim_cells as select * from range(1000)');
    await wh.run('create temp table "week 1; drop table scores" (x integer)');
    await wh.run('create temp view sim_request_scores as select * from sim_cells');

    expect(await dropTempTables(wh)).toEqual(['sim_request_scores', 'sim_cells', 'week 1; drop table scores']);

    expect(await names(wh, 'select table_name as n from duckdb_tables() order by 1')).toEqual(['scores']);
    expect(await names(wh, 'select view_name as n from duckdb_views() where not internal order by 1')).toEqual([
      'top_scores',
    ]);
    expect(await wh.scalar<bigint>('select count(*) from top_scores')).toBe(2n);
  });

  it('returns nothing on a connection without scratch', async () => {
    wh = await Warehouse.open({ path: ':memory:' });
    expect(await dropTempTables(wh)).toEqual([]);
  });
});
