// The select list that turns a file's own columns into the contract columns, generated per contract column from the
// mapping.
import { CONTRACTS } from '../../data/contracts/index.ts';
import { UserError } from '../../data/validation/errors.ts';
import { quoteIdent, quoteLiteral } from '../../data/warehouse/quoteIdent.ts';
import type { ColumnMapping } from './mapping/mappingSchema.ts';
import type { RawRelation, StageInput } from './stageFile.ts';

/**
 * A mapped column or expression; a value map becomes a CASE whose values are bound as `$<key>_f<i>` / `$<key>_t<i>`.
 * With a default (`$<key>_d`), a value neither mapped nor already in the vocabulary becomes the default; an empty or
 * missing value stays as it is, so a required column still reports it missing.
 */
function mappedExpr(
  m: ColumnMapping,
  params: Record<string, string | number>,
  key: string,
  vocabulary: readonly string[],
): string {
  // An expression on lines of its own: a trailing comment cannot swallow the closing parenthesis.
  const source = m.column !== undefined ? quoteIdent(m.column) : `(\n${m.expr}\n)`;
  const entries = Object.entries(m.values ?? {});
  if (!entries.length && m.default === undefined) return source;
  const text = `cast(${source} as VARCHAR)`;
  const whens = entries.map(([from, to], i) => {
    params[`${key}_f${i}`] = from;
    params[`${key}_t${i}`] = to;
    return `when ${text} = $${key}_f${i} then $${key}_t${i}`;
  });
  if (m.default !== undefined) {
    params[`${key}_d`] = m.default;
    whens.push(
      `when nullif(${text}, '') is null or ${text} in (${vocabulary.map(quoteLiteral).join(', ')}) then ${text}`,
    );
    return `case ${whens.join(' ')} else $${key}_d end`;
  }
  return `case ${whens.join(' ')} else ${text} end`;
}

/** A header name as it compares with a contract column: case, surrounding spaces and inner spaces or dashes aside. */
export function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Each contract column picked from the raw relation: mapped column/expression, the column of the same name (else the
 * one column named so but for case and spacing: `Buyer_ID`, `delivered_at `), or NULL if optional. Adds the value maps'
 * parameters to `params`. A missing required column, or a contract column the header names twice, fails the file
 * naming what it has: an optional column spelled otherwise had loaded as null in every row, a repeated one from its
 * first copy.
 */
export function projectContract(
  inp: StageInput,
  raw: Pick<RawRelation, 'header' | 'names'>,
  params: Record<string, string | number>,
): string {
  const missing: string[] = [];
  const repeated: string[] = [];
  const cols = Object.entries(CONTRACTS[inp.table].columns).map(([name, c], i) => {
    const m = inp.mapping?.columns[name];
    if (m) return `${mappedExpr(m, params, `m${i}`, c.meta.values ?? [])} as ${quoteIdent(name)}`;
    const named = (same: (h: string) => boolean) => raw.header.flatMap((h, j) => (same(h) ? [j] : []));
    const exact = named((h) => h === name);
    const at = exact.length ? exact : named((h) => headerKey(h) === name);
    if (at.length > 1) repeated.push(`${name} (${at.map((j) => JSON.stringify(raw.header[j])).join(', ')})`);
    if (at.length === 1) return `${quoteIdent(raw.names[at[0]!]!)} as ${quoteIdent(name)}`;
    if (at.length === 0 && !c.meta.optional) missing.push(name);
    return `cast(NULL as VARCHAR) as ${quoteIdent(name)}`;
  });
  const problems: string[] = [];
  if (missing.length) {
    const how = inp.mapping
      ? `map ${missing.length > 1 ? 'them' : 'it'} under tables.${inp.table}.columns in the mapping file`
      : 'add it or load the file with --mapping';
    problems.push(
      `missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} for ${inp.table} ` +
        `(file has: ${raw.header.join(', ') || 'no columns'}); ${how}`,
    );
  }
  if (repeated.length) {
    problems.push(
      `column${repeated.length > 1 ? 's' : ''} named more than once: ${repeated.join('; ')}; keep one of each ` +
        `(or map the one to load under tables.${inp.table}.columns in a mapping file)`,
    );
  }
  if (problems.length) {
    const hint = headerHint(raw.header);
    throw new HeaderProblem(`${inp.display}: ${problems.join('; and ')}${hint ? ` (${hint})` : ''}`);
  }
  return cols.join(', ');
}

/**
 * A file whose header does not give the contract columns. The batch goes on reading the other files' headers, so one
 * run names every such file (ingestBatch), then loads nothing.
 */
export class HeaderProblem extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'HeaderProblem';
  }
}

/** The likely cause of a header that names no contract column: another delimiter, or UTF-16 text. */
function headerHint(header: readonly string[]): string | null {
  const text = header.join(',');
  if (text.includes('\u0000')) return 'the file looks like UTF-16 text: save it as UTF-8';
  for (const [d, name] of [
    [';', 'semicolons'],
    ['\t', 'tabs'],
    ['|', 'vertical bars'],
  ] as const) {
    if (header.length === 1 && text.split(d).length > 2)
      return `its header is one column holding ${name}: load it with a mapping that sets delimiter: "${d === '\t' ? '\\t' : d}"`;
  }
  return null;
}
