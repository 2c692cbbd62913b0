// Column builders: each contract column is one zod schema carrying the metadata that drives SQL checks, DuckDB types
// and docs.
import { z } from 'zod';

export type ColumnKind = 'id' | 'text' | 'ts' | 'money' | 'enum' | 'int' | 'bool';

export interface ColumnMeta {
  kind: ColumnKind;
  /** null allowed ("?" in the contract). */
  optional: boolean;
  /** DuckDB storage type. */
  duckType: string;
  doc: string;
  values?: readonly string[];
  min?: number;
  max?: number;
  /**
   * May change after delivery (a status, a decision and its time, a resolution, a verdict): a later delivery with a
   * new value updates the row and keeps the old one as a version. Other columns are facts fixed at creation (amounts,
   * parties, creation times): a later delivery that changes one is quarantined as a conflict.
   */
  mutable?: boolean;
  /** A timestamp that is a promise about the future (a deadline), not an event: it does not date a delivery. */
  promise?: boolean;
  /** Enum columns: a value outside the vocabulary loads as `value`, the delivered one kept in `sourceColumn`. */
  fallback?: { value: string; sourceColumn: string };
}

/** A column definition: the zod schema that validates one value, plus its metadata. */
export interface Column<T extends z.ZodType = z.ZodType> {
  schema: T;
  meta: ColumnMeta;
}

/** The text a ts column accepts: ISO 8601, date or date and time, with or without zone. */
export const isoTimestamp = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/;

function make<T extends z.ZodType>(schema: T, meta: ColumnMeta): Column<T> {
  return { schema, meta };
}

function nullable<T extends z.ZodType>(c: Column<T>): Column {
  return { schema: c.schema.nullable(), meta: { ...c.meta, optional: true } };
}

function mutable<T extends z.ZodType>(c: Column<T>): Column<T> {
  return { schema: c.schema, meta: { ...c.meta, mutable: true } };
}

export const col = {
  id: (doc: string) => make(z.string().min(1), { kind: 'id', optional: false, duckType: 'VARCHAR', doc }),
  text: (doc: string) => make(z.string(), { kind: 'text', optional: false, duckType: 'VARCHAR', doc }),
  ts: (doc: string) =>
    make(z.string().regex(isoTimestamp), { kind: 'ts', optional: false, duckType: 'TIMESTAMP', doc }),
  money: (doc: string) =>
    make(z.number().finite().min(0), { kind: 'money', optional: false, duckType: 'DECIMAL(18,2)', doc, min: 0 }),
  enum: <const V extends readonly [string, ...string[]]>(values: V, doc: string) =>
    make(z.enum(values), { kind: 'enum', optional: false, duckType: 'VARCHAR', doc, values }),
  int: (min: number, max: number, doc: string) =>
    make(z.number().int().min(min).max(max), { kind: 'int', optional: false, duckType: 'TINYINT', doc, min, max }),
  bool: (doc: string) => make(z.boolean(), { kind: 'bool', optional: false, duckType: 'BOOLEAN', doc }),
  optional: nullable,
  mutable,
};

/** How a column's rule reads in an error message and in the docs. */
export function describeRule(meta: ColumnMeta): string {
  switch (meta.kind) {
    case 'id':
      return 'non-empty string';
    case 'text':
      return 'text';
    case 'ts':
      return 'ISO 8601 timestamp (with or without zone; stored as UTC)';
    case 'money':
      return 'decimal >= 0';
    case 'enum':
      return meta.fallback
        ? `one of ${(meta.values ?? []).join(', ')}; any other value loads as ${meta.fallback.value} (kept in ${meta.fallback.sourceColumn})`
        : `one of ${(meta.values ?? []).join(', ')}`;
    case 'int':
      return `integer ${meta.min}–${meta.max}`;
    case 'bool':
      return 'true or false';
  }
}
