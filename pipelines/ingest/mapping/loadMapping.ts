// Reads and validates a mapping file (JSON or YAML), reporting every problem with its key: its shape (zod), and each
// piece of SQL it holds (DuckDB's parser: one read-only SELECT). What the SQL reads is checked later, against --from.
import { readStructuredFile } from '../../../data/config/loadConfig.ts';
import { ValidationError } from '../../../data/validation/errors.ts';
import { describeIssues } from '../../../data/validation/parseOrThrow.ts';
import { checkSqlStatements } from './checkSqlStatements.ts';
import { mappingSchema, type Mapping } from './mappingSchema.ts';
import { sqlPieces } from './sqlPieces.ts';

/**
 * A mapping whose shape is valid, and the problems of its SQL statements (to report with the checks against --from).
 */
export interface ReadMapping {
  mapping: Mapping;
  problems: string[];
  /** Keys of the SQL pieces with a problem: not to be run, even to bind them. */
  badKeys: string[];
}

export async function readMapping(file: string): Promise<ReadMapping> {
  const raw = readStructuredFile(file);
  const parsed = mappingSchema.safeParse(raw, { reportInput: true });
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues);
  const pieces = sqlPieces(raw);
  const sqlProblems = await checkSqlStatements(pieces);
  problems.push(...sqlProblems);
  if (!parsed.success) throw new ValidationError(file, problems);
  const badKeys = pieces.filter((p) => sqlProblems.some((q) => q.startsWith(`key ${p.key}:`))).map((p) => p.key);
  return { mapping: parsed.data as Mapping, problems, badKeys };
}

/** A mapping with no problem at all (shape and SQL statements), or a ValidationError listing every one. */
export async function loadMapping(file: string): Promise<Mapping> {
  const { mapping, problems } = await readMapping(file);
  if (problems.length) throw new ValidationError(file, problems);
  return mapping;
}
