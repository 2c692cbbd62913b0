// The time zone names DuckDB's ICU knows, which a delivered timestamp may name (bound as $zone_names in the checks).
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

let cached: Promise<string[]> | undefined;

/** Every zone name `timezone(name, ts)` accepts; the same for every warehouse of this DuckDB build, so read once. */
export function zoneNames(wh: Warehouse): Promise<string[]> {
  cached ??= wh
    .all<{ name: string }>('select name from pg_timezone_names() order by name')
    .then((rows) => rows.map((r) => r.name))
    .catch((err: unknown) => {
      cached = undefined;
      throw err;
    });
  return cached;
}
