// One staged file's checked relation, and running the statements that read it again from the file.
import { UserError } from '../../data/validation/errors.ts';
import { isOutOfMemory } from '../../data/validation/explainFailure.ts';
import type { DuckDBListValue } from '@duckdb/node-api';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { SourceFile } from './sourceFile.ts';

/** One staged file's checked relation (sql/check/check_columns.sql over it) and the parameters it binds. */
export interface CheckedSource {
  file: SourceFile;
  /** The name its rows carry as __file (the file, or the mapping query that read it). */
  display: string;
  sql: string;
  params: Record<string, string | number | DuckDBListValue> | undefined;
}

/** Failures of the machine, not of the file: they pass unchanged, to be named as such (explainFailure). */
const notTheFile = (message: string) =>
  isOutOfMemory(message) ||
  /No space left on device|disk is full|Permission denied|Read-only file system/i.test(message);

/**
 * A failure while reading a file, as the user error naming the file (user errors and machine failures pass unchanged).
 */
export function cannotRead(file: SourceFile, err: unknown): Error {
  if (err instanceof UserError) return err;
  if (err instanceof Error && (notTheFile(err.message) || (err as NodeJS.ErrnoException).code !== undefined))
    return err;
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return new UserError(
    `${file.display}: cannot be read as ${file.format.toUpperCase()} (${msg}); fix or remove the file and run ingest again — nothing was loaded`,
  );
}

/**
 * Runs a statement that evaluates a source's checked relation again. The first pass keeps only keys and violations,
 * so a mapped expression of an unchecked column (optional free text) is first evaluated here, and may raise here.
 */
export async function readAgain(
  wh: Warehouse,
  source: CheckedSource,
  sql: string,
  extra?: Record<string, string | number | DuckDBListValue | null>,
): Promise<void> {
  try {
    await wh.run(sql, extra ? { ...source.params, ...extra } : source.params);
  } catch (err) {
    throw cannotRead(source.file, err);
  }
}
