// Linked-account groups: connected components of the buyer–key graph by min-label propagation with pointer jumping, in DuckDB.
//
// Why SQL and not union-find in TS: the edges (~3 per linked buyer) never leave DuckDB, each round is two hash
// aggregates over them, and pointer jumping halves chain lengths, so a million buyers converge in a handful of rounds.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { materializeSql, scalarSql, type BuildParams } from './materializeSql.ts';

export interface GroupingResult {
  /** Propagation rounds until no label changed. */
  iterations: number;
}

export async function groupLinkedAccounts(
  wh: Warehouse,
  params: BuildParams,
  maxIterations = 64,
): Promise<GroupingResult> {
  await materializeSql(wh, 'int_buyer_keys_linked', 'intermediate/int_buyer_keys_linked.sql', params);
  await materializeSql(wh, 'int_buyer_labels', 'intermediate/int_buyer_labels_seeded.sql', params);
  for (let i = 1; i <= maxIterations; i++) {
    await materializeSql(wh, 'int_buyer_labels_next', 'intermediate/int_buyer_labels_propagated.sql', params);
    const changed = await scalarSql<bigint>(wh, 'intermediate/int_buyer_labels_changed.sql', params);
    await wh.run('drop table int_buyer_labels');
    await wh.run('alter table int_buyer_labels_next rename to int_buyer_labels');
    if (changed === 0n) {
      await materializeSql(wh, 'int_buyers_grouped', 'intermediate/int_buyers_grouped.sql', params);
      return { iterations: i };
    }
  }
  throw new Error(
    `linked-account grouping did not settle in ${maxIterations} rounds; the key graph is deeper than expected`,
  );
}
