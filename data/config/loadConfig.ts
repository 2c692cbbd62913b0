// Reads trustlens.config.json (or .yaml) if present and validates it; a missing default file means all defaults.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UserError, ValidationError } from '../validation/errors.ts';
import { parseOrThrow } from '../validation/parseOrThrow.ts';
import { configSchema, type TrustlensConfig } from './configSchema.ts';

export const DEFAULT_CONFIG_FILES = ['trustlens.config.json', 'trustlens.config.yaml', 'trustlens.config.yml'];

/** Parses a JSON or YAML file by extension, with a clear error when it is not well-formed. */
export function readStructuredFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)}); check the path`);
  }
  try {
    return /\.ya?ml$/i.test(file) ? parseYaml(text) : JSON.parse(text);
  } catch (err) {
    throw new UserError(
      `${file}: not valid ${/\.ya?ml$/i.test(file) ? 'YAML' : 'JSON'} (${(err as Error).message.split('\n')[0]}); fix the syntax`,
    );
  }
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
