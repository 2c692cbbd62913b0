// The zod schema of a column-mapping file, built from the contracts so unknown tables, columns and enum values are
// caught by key.
import { z } from 'zod';
import {
  CONTRACTS,
  OPTIONAL_TABLES,
  TABLE_NAMES,
  type OptionalTable,
  type TableName,
} from '../../../data/contracts/index.ts';
import { quoteIdent } from '../../../data/warehouse/quoteIdent.ts';

function columnMappingSchema(values: readonly string[] | undefined) {
  const enumValue = (what: string) =>
    z.enum(values as [string, ...string[]], { error: `must ${what} one of ${(values ?? []).join(', ')}` });
  const valueMap = values
    ? z.record(z.string(), enumValue('map to'))
    : z.never({ error: 'values can only be mapped on enum columns' });
  const defaultValue = values ? enumValue('be') : z.never({ error: 'default can only be given on enum columns' });
  const full = z
    .object(
      {
        column: z.string().min(1, 'must name a source column').optional(),
        expr: z.string().min(1, 'must be a SQL expression').optional(),
        values: valueMap.optional(),
        default: defaultValue.optional(),
      },
      { error: 'must be a source column name or {column | expr, values?, default?}' },
    )
    .strict()
    .refine((m) => (m.column === undefined) !== (m.expr === undefined), {
      error: 'give exactly one of column (a source column name) or expr (a SQL expression)',
    });
  // A bare string is shorthand for { column: <string> }.
  return z.preprocess((v) => (typeof v === 'string' ? { column: v } : v), full);
}

const FILES_RULE = 'must be a file glob relative to --from, e.g. "export/orders_*.csv"';
const SOURCE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function tableMappingSchema(table: TableName) {
  const columns: Record<string, z.ZodType> = {};
  for (const [name, c] of Object.entries(CONTRACTS[table].columns))
    columns[name] = columnMappingSchema(c.meta.values).optional();
  return z
    .object({
      files: z.string({ error: FILES_RULE }).min(1, FILES_RULE).optional(),
      format: z.enum(['csv', 'parquet', 'ndjson']).optional(),
      delimiter: z.string().length(1, 'must be one character').optional(),
      sql: z.string().min(1, 'must be a SQL query').optional(),
      source: z.string().regex(SOURCE_NAME, 'must name a source under sources').optional(),
      columns: z.object(columns).strict().default({}),
    })
    .strict()
    .refine((t) => !(t.sql !== undefined && t.source !== undefined), { error: 'give sql or source, not both' })
    .refine((t) => t.files !== undefined || t.sql !== undefined || t.source !== undefined, {
      error: `give files (${FILES_RULE.replace('must be ', '')}), sql (a query) or source (a name under sources)`,
    });
}

const tables: Record<string, z.ZodType> = {};
for (const t of TABLE_NAMES) tables[t] = tableMappingSchema(t).optional();

const sourceSchema = z.preprocess(
  (v) => (typeof v === 'string' ? { sql: v } : v),
  z
    .object(
      { sql: z.string({ error: 'must be a SQL query' }).min(1, 'must be a SQL query') },
      { error: 'must be a SQL query or {sql}' },
    )
    .strict(),
);

export const mappingSchema = z
  .object({
    description: z.string().optional(),
    sources: z
      .record(z.string().regex(SOURCE_NAME, 'a source name is a letter or _, then letters, digits or _'), sourceSchema)
      .optional(),
    tables: z.object(tables).strict(),
    /** Tables the marketplace does not have: their features are unknown, never zero (README: missing sources). */
    absent: z
      .array(
        z.enum(OPTIONAL_TABLES, {
          error: `must be one of ${OPTIONAL_TABLES.join(', ')} (buyers, merchants and orders are always needed)`,
        }),
      )
      .optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    for (const [table, t] of Object.entries(m.tables) as [string, { source?: string } | undefined][]) {
      if (t?.source !== undefined && !Object.hasOwn(m.sources ?? {}, t.source)) {
        ctx.addIssue({
          code: 'custom',
          path: ['tables', table, 'source'],
          message: `no source named ${t.source} under sources; add it or fix the name`,
        });
      }
    }
    for (const [i, t] of (m.absent ?? []).entries()) {
      if ((m.tables as Record<string, unknown>)[t] !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['absent', i],
          input: t,
          message: `${t} is also mapped under tables; a table is either mapped or absent`,
        });
    }
  });

export interface ColumnMapping {
  column?: string;
  expr?: string;
  values?: Record<string, string>;
  /** The value of a source value that `values` does not map (an empty or missing value stays missing). */
  default?: string;
}

export interface TableMapping {
  /** Glob of the table's files under --from; with sql or source, the files whose rows the query filters (optional). */
  files?: string;
  format?: 'csv' | 'parquet' | 'ndjson';
  delimiter?: string;
  sql?: string;
  /** A name under the mapping's sources: the table's rows are that source's rows. */
  source?: string;
  columns: Partial<Record<string, ColumnMapping>>;
}

export interface Mapping {
  description?: string;
  /** Named queries that several tables may read by name (in sql, or as source). */
  sources?: Record<string, { sql: string }>;
  tables: Partial<Record<TableName, TableMapping>>;
  absent?: OptionalTable[];
}

/** A query without the trailing semicolons a statement of its own may end with, so it can sit inside parentheses. */
export function spliceableQuery(sql: string): string {
  return sql.replace(/[\s;]+$/, '');
}

/** The name a query table's rows carry as their file (quarantine.source_file): its glob, or its query's key. */
export function queryDisplay(table: string, t: TableMapping): string {
  return t.files ?? (t.sql !== undefined ? `tables.${table}.sql` : `sources.${t.source}`);
}

/** The query a SQL-mapped table runs: its sql, or all rows of its source; undefined for a file-mapped table. */
export function tableQuery(t: TableMapping): string | undefined {
  return t.sql ?? (t.source === undefined ? undefined : `select * from ${quoteIdent(t.source)}`);
}
