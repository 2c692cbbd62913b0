// SQL builders for the key checks of one contract table: foreign keys, and primary-key clashes with the warehouse and within the batch.
import { CONTRACTS, type TableName } from '../../data/contracts/index.ts';
import { quoteIdent as q } from '../warehouse/quoteIdent.ts';

/** Rows still clean: no column violation, not already flagged or skipped. */
const CLEAN = `from ingest_chk c anti join ingest_bad b on b.rid = c.rowid anti join ingest_skip s on s.rid = c.rowid where c.__v is null`;

/** "a differs from b" over every contract column, nulls equal. */
function differs(table: TableName, a: string, b: string): string {
  const same = Object.keys(CONTRACTS[table].columns).map((k) => `${a}.${q(k)} is not distinct from ${b}.${q(k)}`);
  return `not (${same.join(' and ')})`;
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

/** Clean rows whose key is already in the warehouse, with whether their content differs (conflict) or not (skip). */
export function existingKeySql(table: TableName): string {
  const pk = q(CONTRACTS[table].primaryKey);
  return (
    `create temp table ingest_hits as select c.rowid as rid, c.${pk} as key, ${differs(table, 'c', 't')} as conflict ` +
    `from ingest_chk c join ${q(table)} t on t.${pk} = c.${pk} anti join ingest_bad b on b.rid = c.rowid where c.__v is null`
  );
}

/** Whether any key occurs twice among the rows without column violations (cheap: one key column only). */
export function anyBatchDuplicateSql(table: TableName): string {
  const pk = q(CONTRACTS[table].primaryKey);
  return `select exists (select 1 from ingest_chk where __v is null group by ${pk} having count(*) > 1) as dup`;
}

/** Clean rows sharing a key within the batch, except the first-read one, with whether they differ from it. */
export function batchDuplicateSql(table: TableName): string {
  const pk = q(CONTRACTS[table].primaryKey);
  return [
    `create temp table ingest_hits as`,
    `with clean as (select c.rowid as rid, c.* ${CLEAN}),`,
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

export function insertCleanSql(table: TableName): string {
  const cols = Object.keys(CONTRACTS[table].columns).map((k) => `c.${q(k)}`);
  return `insert into ${q(table)} select ${cols.join(', ')} ${CLEAN}`;
}
