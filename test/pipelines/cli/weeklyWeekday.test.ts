// An --as-of off the warehouse's weekly weekday stops with the fix (a date on that weekday) unless --weekday-ok.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { checkWeeklyWeekday } from '../../../pipelines/cli/weeklyWeekday.ts';

describe('weekly weekday', () => {
  let wh: Warehouse;
  const warnings: string[] = [];
  const log = { warn: (m: string) => void warnings.push(m) };
  beforeAll(async () => {
    wh = await Warehouse.open({ path: ':memory:' });
  });
  afterAll(() => wh?.close());

  it('accepts any weekday before the first score', async () => {
    await expect(checkWeeklyWeekday(wh, '2026-11-04', false, log)).resolves.toBeUndefined();
  });

  it('stops on another weekday than the scored weeks, naming a date that fits', async () => {
    await wh.run(
      "create table score_buyer_history as select date '2026-10-26' as as_of union all select date '2026-11-02'",
    );
    await expect(checkWeeklyWeekday(wh, '2026-11-09', false, log)).resolves.toBeUndefined();
    await expect(checkWeeklyWeekday(wh, '2026-11-04', false, log)).rejects.toThrow(
      "--as-of 2026-11-04 is a Wednesday, but this warehouse's weeks end on Mondays (latest scored week 2026-11-02)",
    );
    await expect(checkWeeklyWeekday(wh, '2026-11-04', false, log)).rejects.toThrow(
      'Use a Monday such as --as-of 2026-11-09, or pass --weekday-ok to go ahead',
    );
  });

  it('only warns with --weekday-ok', async () => {
    await expect(checkWeeklyWeekday(wh, '2026-11-04', true, log)).resolves.toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/going ahead because of --weekday-ok$/);
  });
});
