// Column names and DuckDB types of a relation, from one of the `describe` queries of sql/stage/.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { boundParams } from '../../data/warehouse/boundParams.ts';

export async function columnTypes(
  wh: Warehouse,
  describeSql: string,
  params: Record<string, string | number> = {},
): Promise<Record<string, string>> {
  const rows = await wh.all<{ column_name: string; column_type: string }>(
    describeSql,
    boundParams(describeSql, params),
  );
  return Object.fromEntries(rows.map((r) => [r.column_name, r.column_type]));
}
