// SQL builders for the key checks of one contract table: foreign keys, and primary-key clashes with the warehouse and within the batch.
import { CONTRACTS, type TableName } from '../../data/contracts/index.ts';
import { quoteIdent as q } from '../../data/warehouse/quoteIdent.ts';

// ingest_chk holds, per staged row, only what the checks need (file, row number, key columns, violations), because
// materialising whole rows in a temp table and reading them back costs more than reading the source twice.
// ingest_full holds whole rows, but only for the few rows whose primary key clashes.

/** The primary key and foreign-key columns of a table: the contract columns ingest_chk keeps. */
export function keyColumns(table: TableName): string[] {
  const c = CONTRACTS[table];
  return [...new Set([c.primaryKey, ...c.foreignKeys.map((f) => f.column)])];
}

/** "a differs from b" over every contract column, nulls equal. */
function differs(table: TableName, a: string, b: string): string {
  const same = Object.keys(CONTRACTS[table].columns).map((k) => `${a}.${q(k)} is not distinct from ${b}.${q(k)}`);
  return `not (${same.join(' and ')})`;
}

const contractColumns = (table: TableName, alias: string) =>
  Object.keys(CONTRACTS[table].columns)
    .map((k) => `${alias}.${q(k)}`)
    .join(', ');

/** Appends the check columns of one staged file (`checkSelect` = buildCheckSelect's output) to ingest_chk. */
export function insertCheckedKeysSql(table: TableName, checkSelect: string): string {
  return `insert into ingest_chk select __file, __row, ${keyColumns(table).map(q).join(', ')}, __v from (${checkSelect})`;
}

/** Inserts into ingest_bad the clean rows whose foreign key has no parent row (warehouse incl. this batch's parents). */
export function foreignKeySql(table: TableName, fkIndex: number): string {
  const fk = CONTRACTS[table].foreignKeys[fkIndex]!;
  return (
    `insert into ingest_bad select c.rowid, $column, c.${q(fk.column)}, $rule ` +
    `from ingest_chk c anti join ${q(fk.table)} p on p.${q(fk.references)} = c.${q(fk.column)} ` +
    `anti join ingest_bad b on b.rid = c.rowid where c.__v is null and c.${q(fk.column)} is not null`
  );
}

/** Rows without column violations whose key is already in the warehouse or occurs more than once in the batch. */
export function keyClashCandidatesSql(table: TableName): string {
  const pk = q(CONTRACTS[table].primaryKey);
  return (
    `create temp table ingest_cand as select c.rowid as rid, c.__file, c.__row from ingest_chk c ` +
    `where c.__v is null and (c.${pk} in (select ${pk} from ${q(table)}) ` +
    `or c.${pk} in (select ${pk} from ingest_chk where __v is null group by ${pk} having count(*) > 1))`
  );
}

/** Appends the whole rows of one staged file's clash candidates to ingest_full (rid = their ingest_chk rowid). */
export function insertCandidateRowsSql(table: TableName, checkSelect: string): string {
  return (
    `insert into ingest_full select k.rid, ${contractColumns(table, 'c')} from (${checkSelect}) c ` +
    `join ingest_cand k on k.__file = c.__file and k.__row = c.__row`
  );
}

/** The temp table of clash candidates' whole rows: their ingest_chk rowid and every contract column. */
export function fullRowsDdl(columnsDdl: string): string {
  return `create temp table ingest_full (rid BIGINT, ${columnsDdl})`;
}

/** Candidates whose key is already in the warehouse, with whether their content differs (conflict) or not (skip). */
export function existingKeySql(table: TableName): string {
  const pk = q(CONTRACTS[table].primaryKey);
  return (
    `create temp table ingest_hits as select c.rid, c.${pk} as key, ${differs(table, 'c', 't')} as conflict ` +
    `from ingest_full c join ${q(table)} t on t.${pk} = c.${pk} anti join ingest_bad b on b.rid = c.rid`
  );
}

/** Candidates sharing a key within the batch, except the first-read one, with whether they differ from it. */
export function batchDuplicateSql(table: TableName): string {
  const pk = q(CONTRACTS[table].primaryKey);
  return [
    `create temp table ingest_hits as`,
    `with clean as (select c.* from ingest_full c anti join ingest_bad b on b.rid = c.rid anti join ingest_skip s on s.rid = c.rid),`,
    `keys as (select ${pk} from clean group by ${pk} having count(*) > 1),`,
    `dup as (select clean.* from clean semi join keys using (${pk})),`,
    `firsts as (select ${pk}, min(rid) as first_rid from dup group by ${pk}),`,
    `final as (`,
    `  select d.rid, d.${pk} as key, ${differs(table, 'd', 'x')} as conflict`,
    `  from dup d join firsts f using (${pk}) join dup x on x.rid = f.first_rid where d.rid <> f.first_rid`,
    `)`,
    `select * from final`,
  ].join('\n');
}

/** Moves ingest_hits into ingest_bad (conflicts) and ingest_skip (identical copies). */
export const APPLY_HITS = {
  conflicts: `insert into ingest_bad select rid, $column, key, $rule from ingest_hits where conflict`,
  identical: `insert into ingest_skip select rid from ingest_hits where not conflict`,
};

/** (file, row) of every row failing a key check or skipped as an identical copy. */
export const EXCLUDED_ROWS_SQL =
  `create temp table ingest_excl as select c.__file, c.__row from ingest_chk c ` +
  `semi join (select rid from ingest_bad union all select rid from ingest_skip) x on x.rid = c.rowid`;

/**
 * Inserts one staged file's clean rows straight from its source: no column violation and not excluded. Without
 * exclusions (the usual case) the anti join is left out: even an empty one slows a 10M-row insert by a third.
 */
export function insertCleanSql(table: TableName, checkSelect: string, anyExcluded: boolean): string {
  const exclude = anyExcluded ? `anti join ingest_excl x on x.__file = c.__file and x.__row = c.__row ` : '';
  return `insert into ${q(table)} select ${contractColumns(table, 'c')} from (${checkSelect}) c ${exclude}where c.__v is null`;
}
