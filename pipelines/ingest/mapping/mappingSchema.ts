// The zod schema of a column-mapping file, built from the contracts so unknown tables, columns and enum values are caught by key.
import { z } from 'zod';
import { CONTRACTS, TABLE_NAMES, type TableName } from '../../../data/contracts/index.ts';

function columnMappingSchema(values: readonly string[] | undefined) {
  const valueMap = values
    ? z.record(
        z.string(),
        z.enum(values as [string, ...string[]], { error: `must map to one of ${values.join(', ')}` }),
      )
    : z.never({ error: 'values can only be mapped on enum columns' });
  const full = z
    .object(
      {
        column: z.string().min(1, 'must name a source column').optional(),
        expr: z.string().min(1, 'must be a SQL expression').optional(),
        values: valueMap.optional(),
      },
      { error: 'must be a source column name or {column | expr, values?}' },
    )
    .strict()
    .refine((m) => (m.column === undefined) !== (m.expr === undefined), {
      error: 'give exactly one of column (a source column name) or expr (a SQL expression)',
    });
  // A bare string is shorthand for { column: <string> }.
  return z.preprocess((v) => (typeof v === 'string' ? { column: v } : v), full);
}

const FILES_RULE = 'must be a file glob relative to --from, e.g. "export/orders_*.csv"';

function tableMappingSchema(table: TableName) {
  const columns: Record<string, z.ZodType> = {};
  for (const [name, c] of Object.entries(CONTRACTS[table].columns))
    columns[name] = columnMappingSchema(c.meta.values).optional();
  return z
    .object({
      files: z.string({ error: FILES_RULE }).min(1, FILES_RULE),
      format: z.enum(['csv', 'parquet', 'ndjson']).optional(),
      delimiter: z.string().length(1, 'must be one character').optional(),
      sql: z.string().min(1, 'must be a SQL query').optional(),
      columns: z.object(columns).strict().default({}),
    })
    .strict();
}

const tables: Record<string, z.ZodType> = {};
for (const t of TABLE_NAMES) tables[t] = tableMappingSchema(t).optional();

export const mappingSchema = z
  .object({
    description: z.string().optional(),
    tables: z.object(tables).strict(),
  })
  .strict();

export interface ColumnMapping {
  column?: string;
  expr?: string;
  values?: Record<string, string>;
}

export interface TableMapping {
  files: string;
  format?: 'csv' | 'parquet' | 'ndjson';
  delimiter?: string;
  sql?: string;
  columns: Partial<Record<string, ColumnMapping>>;
}

export interface Mapping {
  description?: string;
  tables: Partial<Record<TableName, TableMapping>>;
}
