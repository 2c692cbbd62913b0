// The select list that turns a file's own columns into the contract columns, generated per contract column from the
// mapping.
import { CONTRACTS } from '../../data/contracts/index.ts';
import { UserError } from '../../data/validation/errors.ts';
import { quoteIdent, quoteLiteral } from '../../data/warehouse/quoteIdent.ts';
import type { ColumnMapping } from './mapping/mappingSchema.ts';
import type { StageInput } from './stageFile.ts';

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

/**
 * Each contract column picked from the raw relation: mapped column/expression, same-named column, or NULL if optional.
 * Adds the value maps' parameters to `params`; a missing required column fails the file, naming what it has.
 */
export function projectContract(inp: StageInput, rawNames: string[], params: Record<string, string | number>): string {
  const have = new Set(rawNames);
  const missing: string[] = [];
  const cols = Object.entries(CONTRACTS[inp.table].columns).map(([name, c], i) => {
    const m = inp.mapping?.columns[name];
    if (m) return `${mappedExpr(m, params, `m${i}`, c.meta.values ?? [])} as ${quoteIdent(name)}`;
    if (have.has(name)) return `${quoteIdent(name)}`;
    if (!c.meta.optional) missing.push(name);
    return `cast(NULL as VARCHAR) as ${quoteIdent(name)}`;
  });
  if (missing.length) {
    const how = inp.mapping
      ? `map ${missing.length > 1 ? 'them' : 'it'} under tables.${inp.table}.columns in the mapping file`
      : 'add it or load the file with --mapping';
    throw new UserError(
      `${inp.display}: missing required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} for ${inp.table} ` +
        `(file has: ${rawNames.join(', ') || 'no columns'}); ${how}`,
    );
  }
  return cols.join(', ');
}
