// publishDated: one date's rows replace that date in history, the current table is swapped in, the publish recorded,
// all or nothing.
import { listValue } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { publishDated } from '../../../data/warehouse/publishDated.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

let wh: Warehouse | undefined;
afterEach(() => wh?.close());

const rows = async (table: string) =>
  wh!.all(`select strftime(as_of, '%Y-%m-%d') as as_of, id from ${table} order by all`);

describe('publishDated', () => {
  it('replaces the date in history and swaps in the current table, from a temp or a warehouse build', async () => {
    wh = await Warehouse.open({ path: ':memory:' });
    await wh.run(
      "create table t_history as select date '2026-10-26' as as_of, 'old' as id union all select date '2026-11-02', 'stale'",
    );
    await wh.run("create temp table t_build as select date '2026-11-02' as as_of, 'new' as id");
    await wh.run("create table u_build as select date '2026-11-02' as as_of, 'u' as id");
    await publishDated(wh, '2026-11-02', [
      { build: 't_build', history: 't_history', current: 't' },
      { build: 'u_build', history: 'u_history', current: 'u' },
    ]);
    expect(await rows('t_history')).toEqual([
      { as_of: '2026-10-26', id: 'old' },
      { as_of: '2026-11-02', id: 'new' },
    ]);
    expect(await rows('t')).toEqual([{ as_of: '2026-11-02', id: 'new' }]);
    expect(await rows('u_history')).toEqual([{ as_of: '2026-11-02', id: 'u' }]);
    expect(await rows('u')).toEqual([{ as_of: '2026-11-02', id: 'u' }]);
    expect(await wh.tableExists('u_build')).toBe(false);
  });

  it('records every publish of a date under a generation past all before, the newest date published again too', async () => {
    wh = await Warehouse.open({ path: ':memory:' });
    const publish = async (dates: string[]) => {
      await wh!.run('create or replace temp table t_build as select unnest($d::date[]) as as_of, 1 as id', {
        d: listValue(dates),
      });
      await publishDated(wh!, dates, [{ build: 't_build', history: 't_history', current: null }]);
    };
    const newest = () =>
      wh!.all(
        "select history, strftime(as_of, '%Y-%m-%d') as as_of, max(generation) as generation from published_dates group by all order by all",
      );
    await publish(['2026-10-26', '2026-11-02']);
    await publish(['2026-11-09']);
    await publish(['2026-11-09']);
    await publish(['2026-10-26']);
    expect(await newest()).toEqual([
      { history: 't_history', as_of: '2026-10-26', generation: 4n },
      { history: 't_history', as_of: '2026-11-02', generation: 1n },
      { history: 't_history', as_of: '2026-11-09', generation: 3n },
    ]);
  });

  it('leaves everything as it was when one table fails', async () => {
    wh = await Warehouse.open({ path: ':memory:' });
    await wh.run("create table t_history as select date '2026-11-02' as as_of, 'old' as id");
    await wh.run('create table t as select * from t_history');
    await wh.run("create temp table t_build as select date '2026-11-02' as as_of, 'new' as id");
    await wh.run("create table v_history as select date '2026-11-02' as as_of, 1 as id");
    await wh.run("create temp table v_build as select date '2026-11-02' as as_of, 'not a number' as id");
    await expect(
      publishDated(wh, '2026-11-02', [
        { build: 't_build', history: 't_history', current: 't' },
        { build: 'v_build', history: 'v_history', current: null },
      ]),
    ).rejects.toThrow();
    expect(await rows('t_history')).toEqual([{ as_of: '2026-11-02', id: 'old' }]);
    expect(await rows('t')).toEqual([{ as_of: '2026-11-02', id: 'old' }]);
    expect(await wh.tableExists('published_dates')).toBe(false);
  });
});
