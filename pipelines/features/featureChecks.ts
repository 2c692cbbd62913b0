// Column checks of a built features table (shape against the catalogue, not_null, ranges, unique key), run after every
// build.
import type { DuckDBValue } from '@duckdb/node-api';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import type { CatalogColumn, CatalogTable, ColumnCheck } from '../../data/catalog/catalogSchema.ts';

const NUMERIC_TYPES = new Set(['DOUBLE', 'FLOAT', 'INTEGER', 'BIGINT', 'SMALLINT', 'TINYINT']);

/** Mismatches between a built table's columns and its catalogue entry (names, order, and numeric features). */
export async function columnShapeProblems(wh: Warehouse, physical: string, catalog: CatalogTable): Promise<string[]> {
  const rows = await wh.all<{ column_name: string; column_type: string }>(`describe ${quoteIdent(physical)}`);
  const built = rows.map((r) => r.column_name);
  const listed = catalog.columns.map((c) => c.name);
  const problems: string[] = [];
  const missing = listed.filter((c) => !built.includes(c));
  const extra = built.filter((c) => !listed.includes(c));
  if (missing.length)
    problems.push(`${catalog.table}: catalogue lists ${missing.join(', ')} but the SQL does not produce them`);
  if (extra.length)
    problems.push(
      `${catalog.table}: SQL produces ${extra.join(', ')} missing from ${catalog.table}.yml; describe them there`,
    );
  if (!missing.length && !extra.length && built.join() !== listed.join()) {
    problems.push(
      `${catalog.table}: column order differs from ${catalog.table}.yml; list them in the order the SQL outputs them`,
    );
  }
  for (const r of rows) {
    const c = catalog.columns.find((col) => col.name === r.column_name);
    if (c?.role === 'feature' && !NUMERIC_TYPES.has(r.column_type)) {
      problems.push(`${catalog.table}.${c.name}: features must be numeric (DOUBLE or INTEGER), got ${r.column_type}`);
    }
  }
  return problems;
}

interface Probe {
  column: string;
  rule: string;
  where: string;
  params: Record<string, DuckDBValue>;
}

function probesFor(c: CatalogColumn, index: number): Probe[] {
  const col = quoteIdent(c.name);
  return c.checks.map((check: ColumnCheck, j): Probe => {
    if (check === 'not_null') return { column: c.name, rule: 'not_null', where: `${col} is null`, params: {} };
    const { min, max } = check.range;
    const parts: string[] = [];
    const params: Record<string, DuckDBValue> = {};
    if (min !== undefined) {
      parts.push(`${col} < $lo_${index}_${j}`);
      params[`lo_${index}_${j}`] = min;
    }
    if (max !== undefined) {
      parts.push(`${col} > $hi_${index}_${j}`);
      params[`hi_${index}_${j}`] = max;
    }
    // NaN and infinities are never a valid feature value
    parts.push(`not isfinite(${col}::double)`);
    return {
      column: c.name,
      rule: `range [${min ?? '-inf'}, ${max ?? 'inf'}]`,
      where: `(${parts.join(' or ')})`,
      params,
    };
  });
}

function showKey(row: Record<string, unknown>): string {
  return Object.entries(row)
    .map(([k, v]) => `${k}=${v instanceof Date ? v.toISOString().slice(0, 10) : String(v)}`)
    .join(', ');
}

/** One line per broken check: table, column, rule, number of offending rows and an example key. */
export async function checkViolations(wh: Warehouse, physical: string, catalog: CatalogTable): Promise<string[]> {
  const t = quoteIdent(physical);
  const keyList = catalog.key.map(quoteIdent).join(', ');
  const probes = catalog.columns.flatMap((c, i) => probesFor(c, i));
  const problems: string[] = [];
  if (probes.length) {
    const counts = await wh.all(
      `select ${probes.map((p, i) => `count(*) filter (where ${p.where}) as v${i}`).join(', ')} from ${t}`,
      Object.assign({}, ...probes.map((p) => p.params)) as Record<string, DuckDBValue>,
    );
    const row = counts[0] ?? {};
    for (const [i, p] of probes.entries()) {
      const n = Number(row[`v${i}`] ?? 0);
      if (n === 0) continue;
      const example = await wh.all(
        `select ${keyList} from ${t} where ${p.where} order by ${keyList} limit 1`,
        Object.keys(p.params).length ? p.params : undefined,
      );
      problems.push(
        `${catalog.table}.${p.column}: rule ${p.rule} broken by ${n} row${n === 1 ? '' : 's'} (e.g. ${showKey(example[0] ?? {})})`,
      );
    }
  }
  const dupes = await wh.all(
    `select ${keyList}, count(*) over () as n from ${t} group by ${keyList} having count(*) > 1 order by ${keyList} limit 1`,
  );
  const first = dupes[0];
  if (first) {
    const { n, ...key } = first;
    problems.push(
      `${catalog.table}: rule unique (${catalog.key.join(', ')}) broken by ${Number(n)} key${Number(n) === 1 ? '' : 's'} (e.g. ${showKey(key)})`,
    );
  }
  return problems;
}
