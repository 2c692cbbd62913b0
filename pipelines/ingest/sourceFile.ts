// What ingest knows about one input file before it reads it.
import type { TableName } from '../../data/contracts/index.ts';

export type SourceFormat = 'csv' | 'parquet' | 'ndjson';

export interface SourceFile {
  table: TableName;
  /** Absolute path. */
  path: string;
  /** Path relative to the --from folder, as written to quarantine.source_file and messages. */
  display: string;
  format: SourceFormat;
  fingerprint: string;
  bytes: number;
  /** A query table's file matched by its files glob: its rows count towards the rows the query filtered. */
  counted?: boolean;
}

export function formatOf(path: string): SourceFormat | undefined {
  const ext = path.toLowerCase().split('.').pop();
  if (ext === 'csv') return 'csv';
  if (ext === 'parquet') return 'parquet';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  return undefined;
}
