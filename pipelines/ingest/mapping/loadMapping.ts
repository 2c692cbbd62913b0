// Reads and validates a mapping file (JSON or YAML), reporting every problem with its key: its shape (zod), and each
// piece of SQL it holds (DuckDB's parser: one read-only SELECT). What the SQL reads is checked later, against --from.
import { readStructuredFile } from '../../../data/config/loadConfig.ts';
import type { z } from 'zod';
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

/**
 * The raw mapping without the unknown keys zod reported, when those are its only shape problems: the rest can then
 * be checked against the files in the same run (a misspelt column key had hidden the glob and column problems behind
 * it, one run each). Null when other shape problems remain.
 */
function withoutUnknownKeys(raw: unknown, issues: readonly z.core.$ZodIssue[]): unknown {
  if (!issues.every((i) => i.code === 'unrecognized_keys')) return null;
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const issue of issues) {
    let at: unknown = copy;
    for (const key of issue.path) at = (at as Record<PropertyKey, unknown> | undefined)?.[key];
    if (typeof at !== 'object' || at === null || issue.code !== 'unrecognized_keys') return null;
    for (const key of issue.keys) delete (at as Record<string, unknown>)[key];
  }
  return copy;
}

export async function readMapping(file: string): Promise<ReadMapping> {
  const raw = readStructuredFile(file);
  const parsed = mappingSchema.safeParse(raw, { reportInput: true });
  const problems = parsed.success ? [] : describeIssues(parsed.error.issues);
  const pieces = sqlPieces(raw);
  const sqlProblems = await checkSqlStatements(pieces);
  problems.push(...sqlProblems);
  const usable = parsed.success
    ? parsed
    : mappingSchema.safeParse(withoutUnknownKeys(raw, parsed.error.issues), { reportInput: true });
  if (!usable.success) throw new ValidationError(file, problems);
  const badKeys = pieces.filter((p) => sqlProblems.some((q) => q.startsWith(`key ${p.key}:`))).map((p) => p.key);
  return { mapping: usable.data as Mapping, problems, badKeys };
}

/** A mapping with no problem at all (shape and SQL statements), or a ValidationError listing every one. */
export async function loadMapping(file: string): Promise<Mapping> {
  const { mapping, problems } = await readMapping(file);
  if (problems.length) throw new ValidationError(file, problems);
  return mapping;
}
