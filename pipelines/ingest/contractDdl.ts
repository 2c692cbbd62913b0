// CREATE TABLE statements for the eight contract tables, typed from the contract definitions.
import { TABLE_NAMES } from '../../data/contracts/index.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { contractColumnsDdl } from './columnLists.ts';

/** All eight as one script (statements separated by ';'), for ingest and for tests that build a warehouse by hand. */
export function contractTablesDdl(): string {
  return TABLE_NAMES.map((t) =>
    readSql(new URL('./sql/batch/create_contract_table.sql', import.meta.url), {
      table: quoteIdent(t),
      columns: contractColumnsDdl(t),
    }),
  ).join(';\n');
}
