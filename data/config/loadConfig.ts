// Reads trustlens.config.json (or .yaml) if present and validates it; a missing default file means all defaults.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UserError, ValidationError } from '../validation/errors.ts';
import { parseOrThrow } from '../validation/parseOrThrow.ts';
import { configSchema, type TrustlensConfig } from './configSchema.ts';

export const DEFAULT_CONFIG_FILES = ['trustlens.config.json', 'trustlens.config.yaml', 'trustlens.config.yml'];

/**
 * Deepest nesting a config, policy or mapping file may have. None needs more than 5 levels (a policy condition's
 * list of values, rules[0].when[0].value[0]; a mapping's tables.orders.columns.category.values); a deeper file is
 * refused before any check walks it, where 5,000 levels of brackets overflowed the stack.
 */
export const MAX_NESTING = 32;

/** The path of the first value nested deeper than `limit` levels, or null; walks without recursion. */
function tooDeep(value: unknown, limit: number): (string | number)[] | null {
  const stack: { v: unknown; path: (string | number)[] }[] = [{ v: value, path: [] }];
  while (stack.length) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= limit) return path;
    for (const [k, x] of Object.entries(v)) stack.push({ v: x, path: [...path, Array.isArray(v) ? Number(k) : k] });
  }
  return null;
}

/** Parses a JSON or YAML file by extension, with a clear error when it is not well-formed. */
export function readStructuredFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)}); check the path`);
  }
  let value: unknown;
  try {
    value = /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    // the YAML parser recurses per level: thousands of levels overflow its stack before tooDeep can look
    if (/Maximum call stack size exceeded/.test((err as Error).message))
      throw new UserError(
        `${file}: nested too deep to read; no setting nests more than ${MAX_NESTING} levels: check the file`,
      );
    throw new UserError(
      `${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'} (${(err as Error).message.split('\n')[0]}); fix the syntax`,
    );
  }
  const deep = tooDeep(value, MAX_NESTING);
  if (deep) {
    const at = deep
      .slice(0, 4)
      .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
      .join('')
      .replace(/^\./, '');
    throw new UserError(
      `${file}: nested more than ${MAX_NESTING} levels deep (at ${at}…); no setting nests that deep: check the file`,
    );
  }
  return value;
}

/**
 * The config file's settings. `alsoCheck` returns the problems of files the config names (policy files), added to the
 * config's own when it has any: one run lists them all, where the missing policy file showed only after the config was
 * fixed.
 */
export function loadConfig(
  file?: string,
  alsoCheck?: (raw: unknown) => string[],
): { config: TrustlensConfig; source: string | null } {
  const path = file ?? DEFAULT_CONFIG_FILES.find((f) => existsSync(f));
  if (path === undefined) return { config: configSchema.parse({}), source: null };
  const raw = readStructuredFile(path);
  try {
    return { config: parseOrThrow(configSchema, raw ?? {}, path), source: path };
  } catch (err) {
    const more = err instanceof ValidationError && alsoCheck ? alsoCheck(raw) : [];
    if (!more.length) throw err;
    throw new ValidationError((err as ValidationError).subject, [...(err as ValidationError).problems, ...more]);
  }
}
