// Linked-account groups: connected components of the buyer–key graph by min-label propagation with pointer jumping, in
// DuckDB.
//
// Why SQL and not union-find in TS: the edges (~3 per linked buyer) never leave DuckDB, each round is two hash
// aggregates over them, and pointer jumping halves chain lengths, so a million buyers converge in a handful of rounds.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { materializeSql, scalarSql, type BuildParams } from './materializeSql.ts';

/**
 * The search's SQL models, each file under intermediate/ named after what it builds. `components` is the result later
 * models read: the seeded table, then each propagated round, renamed to it.
 */
export const COMPONENT_SEARCH = {
  components: 'int_buyer_components',
  /** Round 0: every linked buyer is its own component. */
  seeded: 'int_buyer_components_seeded',
  /** One more round of propagation from `components`. */
  propagated: 'int_buyer_components_propagated',
  /** A query, not a table: buyers whose component moved between `components` and `propagated`. */
  changed: 'int_buyer_components_changed',
} as const;

/** Files the search runs, relative to pipelines/features/sql/. */
export const COMPONENT_FILES = [COMPONENT_SEARCH.seeded, COMPONENT_SEARCH.propagated, COMPONENT_SEARCH.changed].map(
  (n) => `intermediate/${n}.sql`,
);

/** Temp tables the search creates. */
export const COMPONENT_TABLES = [COMPONENT_SEARCH.components, COMPONENT_SEARCH.seeded, COMPONENT_SEARCH.propagated];

export interface GroupingResult {
  /** Propagation rounds until no buyer's component changed. */
  iterations: number;
}

/** Builds int_buyer_components (buyer_number, component_id) from int_buyer_keys_linked. */
export async function groupLinkedAccounts(
  wh: Warehouse,
  params: BuildParams,
  maxIterations = 64,
): Promise<GroupingResult> {
  const { components, seeded, propagated, changed } = COMPONENT_SEARCH;
  await materializeSql(wh, seeded, `intermediate/${seeded}.sql`, params);
  await wh.run(`alter table ${quoteIdent(seeded)} rename to ${quoteIdent(components)}`);
  for (let i = 1; i <= maxIterations; i++) {
    await materializeSql(wh, propagated, `intermediate/${propagated}.sql`, params);
    const moved = await scalarSql<bigint>(wh, `intermediate/${changed}.sql`, params);
    await wh.run(`drop table ${quoteIdent(components)}`);
    await wh.run(`alter table ${quoteIdent(propagated)} rename to ${quoteIdent(components)}`);
    if (moved === 0n) return { iterations: i };
  }
  throw new Error(
    `linked-account grouping did not settle in ${maxIterations} rounds; the key graph is deeper than expected`,
  );
}
