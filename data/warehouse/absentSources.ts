// The contract tables a marketplace declared absent: features from them are unknown (NULL), reasons never cite them.
import { readSql } from './readSql.ts';
import type { Warehouse } from './Warehouse.ts';

export async function absentSources(wh: Warehouse): Promise<string[]> {
  if (!(await wh.tableExists('source_status'))) return [];
  const rows = await wh.all<{ table_name: string }>(readSql(new URL('./sql/absent_sources.sql', import.meta.url)));
  return rows.map((r) => r.table_name);
}
