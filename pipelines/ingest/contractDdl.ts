// CREATE TABLE statements for the eight contract tables, typed from the contract definitions.
import { CONTRACTS, TABLE_NAMES, type TableName } from '../../data/contracts/index.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';

/** Column list "name TYPE [NOT NULL]" of a contract table; no PRIMARY KEY, ingest enforces keys itself (faster). */
export function contractColumnsDdl(table: TableName, withNotNull = true): string {
  return Object.entries(CONTRACTS[table].columns)
    .map(([name, c]) => `${quoteIdent(name)} ${c.meta.duckType}${withNotNull && !c.meta.optional ? ' NOT NULL' : ''}`)
    .join(', ');
}

export function contractTablesDdl(): string {
  return TABLE_NAMES.map((t) => `create table if not exists ${quoteIdent(t)} (${contractColumnsDdl(t)});`).join('\n');
}
