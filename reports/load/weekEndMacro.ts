// Defines report_week_end on the connection: the week arithmetic the report's queries over raw rows share.
import { readSql } from '../../data/warehouse/readSql.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

export async function createWeekEndMacro(wh: Warehouse): Promise<void> {
  await wh.run(readSql(new URL('../sql/report_macro_week_end.sql', import.meta.url)));
}
