// Reads and validates a mapping file (JSON or YAML), reporting every problem with its key: its shape (zod), and each
// piece of SQL it holds (DuckDB's parser: one read-only SELECT). What the SQL reads is checked later, against --from.
import { readStructuredFile } from '../../../data/config/loadConfig.ts';
import { ValidationError } from '../../../data/validation/errors.ts';
import { describeIssues } from '../../../data/validation/parseOrThrow.ts';
import { checkSqlStatements } from './checkSqlStatements.ts';
import { mappingSchema, type Mapping } from './mappingSchema.ts';
import { sqlPieces } from './sqlPieces.ts';

export async function loadMapping(file: string): Promise<Mapping> {
  const raw = readStructuredFile(file);
  const parsed = mappingSchema.safeParse(raw, { reportInput: true });
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues);
  problems.push(...(await checkSqlStatements(sqlPieces(raw))));
  if (problems.length || !parsed.success) throw new ValidationError(file, problems);
  return parsed.data as Mapping;
}
