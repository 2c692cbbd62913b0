// The key checks of one table's staged rows (ingest_chk): foreign keys, then key clashes with the warehouse and within the batch.
import { CONTRACTS, type TableName } from '../../data/contracts/index.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent as q } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { readAgain, type CheckedSource } from './checkedSource.ts';
import { contractColumnList, contractColumnsDdl, sameContent } from './columnLists.ts';
import { RULES } from './ruleText.ts';
import { hasRows } from './hasRows.ts';
import { dropTable } from './tempTables.ts';

/** Adds to ingest_bad the clean rows whose foreign key names no parent row. */
export async function checkForeignKeys(wh: Warehouse, table: TableName): Promise<void> {
  for (const fk of CONTRACTS[table].foreignKeys) {
    const sql = readSql(new URL('./sql/check/unknown_parents.sql', import.meta.url), {
      column: q(fk.column),
      parent: q(fk.table),
      parent_key: q(fk.references),
    });
    await wh.run(sql, { column: fk.column, rule: RULES.unknownKey(fk.column, fk.table) });
  }
}

/**
 * Sorts the rows whose key clashes (with the warehouse, or within the batch) into ingest_bad (different content: the
 * first-loaded version is kept) and ingest_skip (identical copies). Whole rows are read again, for the candidates only.
 */
export async function checkDuplicateKeys(wh: Warehouse, table: TableName, sources: CheckedSource[]): Promise<void> {
  const pkName = CONTRACTS[table].primaryKey;
  const pk = q(pkName);
  await wh.run(readSql(new URL('./sql/check/key_clash_candidates.sql', import.meta.url), { pk, table: q(table) }));
  if (!(await hasRows(wh, 'ingest_cand'))) return;
  await wh.run(readSql(new URL('./sql/check/create_candidate_rows.sql', import.meta.url), { columns: contractColumnsDdl(table, false) }));
  for (const s of sources) {
    const columns = contractColumnList(table, 'c');
    await readAgain(wh, s, readSql(new URL('./sql/check/insert_candidate_rows.sql', import.meta.url), { columns, checked: s.sql }));
  }
  const hits = [
    readSql(new URL('./sql/check/existing_key_hits.sql', import.meta.url), { pk, table: q(table), same_content: sameContent(table, 'c', 't') }),
    readSql(new URL('./sql/check/batch_duplicate_hits.sql', import.meta.url), { pk, same_content: sameContent(table, 'd', 'x') }),
  ];
  const dupParams = { column: pkName, rule: RULES.duplicate(pkName) };
  for (const hitsSql of hits) {
    await wh.run(hitsSql);
    await wh.run(readSql(new URL('./sql/check/mark_conflicts.sql', import.meta.url)), dupParams);
    await wh.run(readSql(new URL('./sql/check/mark_identical.sql', import.meta.url)));
    await dropTable(wh, 'ingest_hits');
  }
}
