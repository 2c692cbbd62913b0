// Messages between ingest and its mapping sandbox (a child process, see sandboxChild.ts).
import type { TableName } from '../../../data/contracts/index.ts';
import type { Mapping } from '../mapping/mappingSchema.ts';
import type { SourceFormat } from '../sourceFile.ts';

export interface InitRequest {
  kind: 'init';
  /** The --from folder (absolute): the child works in it, so relative paths in the mapping resolve there. */
  from: string;
  /** Where the child writes its results (Parquet), also readable to it. */
  outDir: string;
  /** Real paths of the files the mapping's globs matched, readable even when a symlink leads out of --from. */
  files: string[];
  mapping: Mapping;
  /** The mapping file, as errors name it. */
  mappingFile: string;
}

export interface ValidateRequest {
  kind: 'validate';
  /** Per mapped table to load: its files (absolute, the first is sampled for columns) and their format. */
  tables: { table: TableName; files: { path: string; display: string; format: SourceFormat }[] }[];
  /** Keys of SQL pieces already refused (not one SELECT): never run, not even bound. */
  skip: string[];
}

export interface ValidateResponse {
  problems: string[];
  /** Per SQL-mapped table: the files its query opened (absolute). */
  filesRead: Partial<Record<TableName, string[]>>;
}

export interface StageRequest {
  kind: 'stage';
  table: TableName;
  unit: number;
  path: string;
  display: string;
  format: SourceFormat;
  /** For a SQL-mapped table with files: the files whose rows the query may filter. */
  countFiles: { path: string; format: SourceFormat }[];
}

export interface StageResponse {
  /** Parquet of (__file, __row, __line, contract columns), as the mapping made them. */
  staged: string;
  /** Parquet of the lines that could not be parsed (row_number, line_number, value, rule), or null. */
  rejects: string | null;
  parseRejected: number;
  /** Rows in countFiles minus rows the query returned (null when not counted). */
  filtered: number | null;
  /** Files the query opened (absolute). */
  filesRead: string[];
}

export type SandboxRequest = InitRequest | ValidateRequest | StageRequest | { kind: 'close' };

export type SandboxReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string; user: boolean };
