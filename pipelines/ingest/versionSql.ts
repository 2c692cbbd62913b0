// The per-column SQL of versioned loading (row keys, row content, immutable-column conflicts, newest event time),
// generated from the contracts.
import { CONTRACTS, rowKeyColumns, type TableName } from '../../data/contracts/index.ts';
import { quoteIdent as q, quoteLiteral } from '../../data/warehouse/quoteIdent.ts';
import { RULES } from './ruleText.ts';

/** The row key as a column list: "k1, k2". */
export function rowKeyList(table: TableName): string {
  return rowKeyColumns(table).map(q).join(', ');
}

/** Row keys equal: "a.k1 = b.k1 and a.k2 = b.k2". */
export function rowKeyMatch(table: TableName, a: string, b: string): string {
  return rowKeyColumns(table)
    .map((k) => `${a}.${q(k)} = ${b}.${q(k)}`)
    .join(' and ');
}

/** A row's whole contract content as one struct, comparable with `is not distinct from`. */
export function rowContent(table: TableName, alias: string): string {
  return `{${Object.keys(CONTRACTS[table].columns)
    .map((k) => `${quoteLiteral(k)}: ${alias}.${q(k)}`)
    .join(', ')}}`;
}

/**
 * Per immutable column (row key aside), a struct naming the column, the kept and the delivered value and the rule
 * when row `c` changes it against the first version `b`; null otherwise. Comma-separated, for a list.
 */
export function immutableChanges(table: TableName, c = 'c', b = 'b'): string {
  const key = new Set(rowKeyColumns(table));
  const asText = (alias: string, k: string) => `coalesce(cast(${alias}.${q(k)} as VARCHAR), 'null')`;
  const parts = Object.entries(CONTRACTS[table].columns)
    .filter(([k, col]) => !col.meta.mutable && !key.has(k))
    .map(
      ([k]) =>
        `case when ${c}.${q(k)} is distinct from ${b}.${q(k)} then {'column_name': ${quoteLiteral(k)}, ` +
        `'value': ${asText(b, k)} || ' → ' || ${asText(c, k)}, 'rule': ${quoteLiteral(RULES.immutableChanged(k))}} end`,
    );
  return parts.length ? parts.join(', ') : 'null';
}

/** A row's newest event timestamp over its typed columns (deadlines excluded): what dates a delivery. */
export function newestEvent(table: TableName): string {
  const events = Object.entries(CONTRACTS[table].columns)
    .filter(([, c]) => c.meta.kind === 'ts' && !c.meta.promise)
    .map(([k]) => `cast(${q(k)} as TIMESTAMP)`);
  if (events.length === 0) return 'null::TIMESTAMP';
  return events.length === 1 ? events[0]! : `greatest(${events.join(', ')})`;
}
