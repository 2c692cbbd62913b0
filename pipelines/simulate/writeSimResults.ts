// Stores scenario results in sim_results; rerunning a (scenario, as_of) replaces only its rows, in one transaction.
import { readSql } from '../../data/warehouse/readSql.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

/**
 * Moves the rows of the temp table sim_new_results (scenario, segment, metric, value, lo, hi) into sim_results for
 * asOf.
 */
export async function writeSimResults(wh: Warehouse, asOf: string): Promise<void> {
  await wh.run(readSql(new URL('../../data/warehouse/tables/sim_tables.sql', import.meta.url)));
  await wh.transaction(async () => {
    await wh.run(
      'delete from sim_results where as_of = cast($as_of as date) and scenario in (select distinct scenario from sim_new_results)',
      { as_of: asOf },
    );
    await wh.run(
      'insert into sim_results (scenario, as_of, segment, metric, value, lo, hi) ' +
        'select scenario, cast($as_of as date), segment, metric, value, lo, hi from sim_new_results',
      { as_of: asOf },
    );
  });
}
