// Compares two runs' outputs (every warehouse table, the report folder, the model artifacts): equal up to float
// rounding, or the differences.
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import { DuckDBInstance } from '@duckdb/node-api';
import { quoteIdent, quoteLiteral } from '../../data/warehouse/quoteIdent.ts';

export interface RunOutputs {
  warehouse: string;
  reportsDir: string;
  artifactsDir: string;
}

export interface Difference {
  what: string;
  detail: string;
}

/** Doubles are compared at this many significant digits: summation order may differ in the last bits. */
const SIGNIFICANT_DIGITS = 9;

async function tableColumns(conn: Awaited<ReturnType<DuckDBInstance['connect']>>, db: string) {
  const reader = await conn.runAndReadAll(
    `select table_name, column_name, data_type from duckdb_columns() where database_name = ${quoteLiteral(db)} and schema_name = 'main' order by table_name, column_index`,
  );
  const tables = new Map<string, { name: string; type: string }[]>();
  for (const r of reader.getRowObjectsJS() as { table_name: string; column_name: string; data_type: string }[]) {
    const cols = tables.get(r.table_name) ?? [];
    cols.push({ name: r.column_name, type: r.data_type });
    tables.set(r.table_name, cols);
  }
  return tables;
}

function rounded(col: { name: string; type: string }): string {
  const c = quoteIdent(col.name);
  if (col.type === 'DOUBLE' || col.type === 'FLOAT') {
    return `case when ${c} = 0 or not isfinite(${c}) then ${c} else round(${c}, ${SIGNIFICANT_DIGITS} - 1 - floor(log10(abs(${c})))::int) end as ${c}`;
  }
  if (col.type === 'DOUBLE[]') return `list_transform(${c}, x -> round(x, 9)) as ${c}`;
  return c;
}

type Connection = Awaited<ReturnType<DuckDBInstance['connect']>>;

/** Rows of relation a not in b and of b not in a (multisets, doubles rounded), and a's row count. */
async function relationDiff(
  conn: Connection,
  a: string,
  b: string,
  columns: readonly { name: string; type: string }[],
) {
  const select = (rel: string) => `select ${columns.map(rounded).join(', ')} from ${rel}`;
  const count = async (sql: string) =>
    Number((await conn.runAndReadAll(`select count(*) from (${sql})`)).getRows()[0]?.[0]);
  return {
    onlyA: await count(`${select(a)} except all ${select(b)}`),
    onlyB: await count(`${select(b)} except all ${select(a)}`),
    rows: await count(select(a)),
  };
}

/** Table by table: same tables, same columns, same rows (as multisets) after rounding doubles. */
export async function compareWarehouses(a: string, b: string): Promise<Difference[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  const out: Difference[] = [];
  try {
    await conn.run(`attach ${quoteLiteral(a)} as a (read_only)`);
    await conn.run(`attach ${quoteLiteral(b)} as b (read_only)`);
    const ta = await tableColumns(conn, 'a');
    const tb = await tableColumns(conn, 'b');
    for (const name of new Set([...ta.keys(), ...tb.keys()])) {
      const ca = ta.get(name);
      const cb = tb.get(name);
      if (!ca || !cb) {
        out.push({ what: `table ${name}`, detail: `only in ${ca ? 'a' : 'b'}` });
        continue;
      }
      const sa = ca.map((c) => `${c.name} ${c.type}`).join(', ');
      const sb = cb.map((c) => `${c.name} ${c.type}`).join(', ');
      if (sa !== sb) {
        out.push({ what: `table ${name}`, detail: `columns differ: a (${sa}) b (${sb})` });
        continue;
      }
      const table = (db: string) => `${db}.main.${quoteIdent(name)}`;
      const { onlyA, onlyB, rows } = await relationDiff(conn, table('a'), table('b'), ca);
      if (onlyA || onlyB)
        out.push({ what: `table ${name}`, detail: `${onlyA} rows only in a, ${onlyB} only in b (of ${rows})` });
    }
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
  return out;
}

/** Two JSON values alike, numbers compared at SIGNIFICANT_DIGITS (means of TreeSHAP values differ in last bits). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return a === b || Number(a.toPrecision(SIGNIFICANT_DIGITS)) === Number(b.toPrecision(SIGNIFICANT_DIGITS));
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return (
      sameJson(ka, kb) &&
      ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/** Two Parquet files with the same columns and rows, doubles rounded as in the warehouse comparison. */
async function sameParquet(a: string, b: string): Promise<boolean> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const describe = async (f: string) =>
      (await conn.runAndReadAll(`describe select * from read_parquet(${quoteLiteral(f)})`))
        .getRowObjectsJS()
        .map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
    const ca = await describe(a);
    const cb = await describe(b);
    if (JSON.stringify(ca) !== JSON.stringify(cb)) return false;
    const rel = (f: string) => `read_parquet(${quoteLiteral(f)})`;
    const { onlyA, onlyB } = await relationDiff(conn, rel(a), rel(b), ca);
    return onlyA === 0 && onlyB === 0;
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

/**
 * File by file: byte for byte (reports and artifacts hold no wall-clock time, so equal inputs give equal bytes), except
 * that JSON and Parquet files whose bytes differ may still match up to float rounding.
 */
export async function compareFolders(a: string, b: string, what: string): Promise<Difference[]> {
  const fa = filesUnder(a);
  const fb = filesUnder(b);
  const out: Difference[] = [];
  for (const f of new Set([...fa, ...fb])) {
    if (!fa.includes(f) || !fb.includes(f)) {
      out.push({ what: `${what} ${f}`, detail: `only in ${fa.includes(f) ? 'a' : 'b'}` });
      continue;
    }
    const [pa, pb] = [join(a, f), join(b, f)];
    const bytesA = readFileSync(pa);
    const bytesB = readFileSync(pb);
    if (bytesA.equals(bytesB)) continue;
    const alike = f.endsWith('.json')
      ? sameJson(JSON.parse(bytesA.toString('utf8')), JSON.parse(bytesB.toString('utf8')))
      : f.endsWith('.parquet')
        ? await sameParquet(pa, pb)
        : false;
    if (!alike) out.push({ what: `${what} ${f}`, detail: 'content differs' });
  }
  return out;
}

export async function compareRuns(a: RunOutputs, b: RunOutputs): Promise<Difference[]> {
  return [
    ...(await compareWarehouses(a.warehouse, b.warehouse)),
    ...(await compareFolders(a.reportsDir, b.reportsDir, 'report')),
    ...(await compareFolders(a.artifactsDir, b.artifactsDir, 'artifact')),
  ];
}

function outputsOf(checkout: string): RunOutputs {
  return {
    warehouse: join(checkout, 'data/warehouse.duckdb'),
    reportsDir: join(checkout, 'reports/out'),
    artifactsDir: join(checkout, 'models/artifacts'),
  };
}

if (import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const program = new Command('compareRuns')
    .description(
      'Compare the outputs of `npm start` in two checkouts: warehouse tables, reports/out and models/artifacts.',
    )
    .requiredOption('--a <dir>', 'first checkout')
    .requiredOption('--b <dir>', 'second checkout')
    .parse();
  const { a, b } = program.opts<{ a: string; b: string }>();
  const diffs = await compareRuns(outputsOf(a), outputsOf(b));
  for (const d of diffs) console.log(`${d.what}: ${d.detail}`);
  console.log(
    diffs.length === 0
      ? `same outputs in ${relative('.', a) || '.'} and ${relative('.', b) || '.'}`
      : `${diffs.length} differences`,
  );
  process.exitCode = diffs.length === 0 ? 0 : 1;
}
