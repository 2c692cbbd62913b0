// Records a publish of dated history rows in published_dates, so results built from those dates can tell later whether
// any of them was published again.
import { listValue } from '@duckdb/node-api';
import { readSql } from './readSql.ts';
import type { Warehouse } from './Warehouse.ts';

export const PUBLISHED_DATES = 'published_dates';

/** Call inside the transaction that writes the rows: the record lands with them or not at all. */
export async function recordPublish(
  wh: Warehouse,
  dates: readonly string[],
  histories: readonly string[],
): Promise<void> {
  await wh.run(readSql(new URL('./tables/published_dates_table.sql', import.meta.url)));
  await wh.run(readSql(new URL('./sql/record_publish.sql', import.meta.url)), {
    dates: listValue([...dates]),
    histories: listValue([...new Set(histories)]),
  });
}
