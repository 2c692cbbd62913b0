// The key checks of one table's staged rows (ingest_chk): foreign keys, then row keys seen before (versions, repeats,
// conflicts).
import { listValue } from '@duckdb/node-api';
import { CONTRACTS, parentRuleText, rowNoun, versionsTable, type TableName } from '../../data/contracts/index.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent as q } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { readAgain, type CheckedSource } from './checkedSource.ts';
import { contractColumnList, contractColumnsDdl } from './columnLists.ts';
import { RULES } from './ruleText.ts';
import { hasRows } from './hasRows.ts';
import { immutableChanges, rowContent, rowKeyList } from './versionSql.ts';

/** Adds to ingest_bad the clean rows whose foreign key names no parent row, or breaks a rule against its parent. */
export async function checkForeignKeys(wh: Warehouse, table: TableName): Promise<void> {
  for (const fk of CONTRACTS[table].foreignKeys) {
    if (fk.missing) {
      const flagged = readSql(new URL('./sql/check/unknown_parents_flagged.sql', import.meta.url), {
        column: q(fk.column),
        parent: q(fk.table),
        parent_key: q(fk.references),
        date_column: q(fk.missing.dateColumn),
        parent_date: q(fk.missing.parentDateColumn),
      });
      await wh.run(flagged, {
        column: fk.column,
        flag: RULES.parentBeforeWindow(fk.column, fk.table, fk.missing.flagWithinDays),
        days: fk.missing.flagWithinDays,
      });
    }
    const sql = readSql(new URL('./sql/check/unknown_parents.sql', import.meta.url), {
      column: q(fk.column),
      parent: q(fk.table),
      parent_key: q(fk.references),
    });
    await wh.run(sql, { column: fk.column, rule: RULES.unknownKey(fk.column, fk.table) });
    for (const r of fk.parentRules ?? []) {
      await wh.run(
        readSql(new URL('./sql/check/parent_rules.sql', import.meta.url), {
          column: q(r.column),
          fk: q(fk.column),
          parent: q(fk.table),
          parent_key: q(fk.references),
          parent_column: q(r.parentColumn),
          op: r.op,
        }),
        {
          column: r.column,
          rule: `must not be ${parentRuleText(table, fk.table, r)}`,
          label: rowNoun(fk.table),
        },
      );
    }
  }
}

/**
 * Sorts the clean rows whose row key was delivered before (in the warehouse, or earlier in this batch) into conflicts
 * (an immutable column changed: ingest_bad, the first version is kept), identical copies (ingest_skip) and new versions
 * (ingest_steps). With the delivery's date given (`knownAt`: `--as-of`), a changed row whose key a delivery known later
 * already holds is older news and goes to ingest_bad too (an inferred date only bounds a delivery from below, so it
 * proves nothing). Whole rows are read again, for these rows only. Returns whether there were any.
 */
export async function sortRepeatedKeys(
  wh: Warehouse,
  table: TableName,
  sources: CheckedSource[],
  knownAt?: string,
): Promise<boolean> {
  const key = rowKeyList(table);
  await wh.run(readSql(new URL('./sql/load/version_candidates.sql', import.meta.url), { key, table: q(table) }));
  if (!(await hasRows(wh, 'ingest_cand'))) return false;
  await wh.run(
    readSql(new URL('./sql/check/create_candidate_rows.sql', import.meta.url), {
      columns: contractColumnsDdl(table, false),
    }),
  );
  for (const s of sources) {
    const columns = contractColumnList(table, 'c');
    await readAgain(
      wh,
      s,
      readSql(new URL('./sql/check/insert_candidate_rows.sql', import.meta.url), { columns, checked: s.sql }),
    );
  }
  await wh.run(
    readSql(new URL('./sql/load/version_chain.sql', import.meta.url), {
      key,
      table: q(table),
      columns: contractColumnList(table, 'c'),
    }),
    { files: listValue(sources.map((s) => s.display)) },
  );
  await wh.run(
    readSql(new URL('./sql/load/mark_conflicts.sql', import.meta.url), { key, changes: immutableChanges(table) }),
  );
  await wh.run(
    readSql(new URL('./sql/load/version_steps.sql', import.meta.url), { key, content: rowContent(table, 'c') }),
  );
  await wh.run(readSql(new URL('./sql/load/mark_unchanged.sql', import.meta.url)));
  if (knownAt !== undefined) {
    const pk = CONTRACTS[table].primaryKey;
    await wh.run(
      readSql(new URL('./sql/load/mark_stale.sql', import.meta.url), {
        key,
        versions: q(versionsTable(table)),
        pk: q(pk),
      }),
      { known_at: knownAt, pk_name: pk, row_noun: rowNoun(table) },
    );
    await wh.run(readSql(new URL('./sql/load/drop_stale_steps.sql', import.meta.url)));
  }
  return true;
}
