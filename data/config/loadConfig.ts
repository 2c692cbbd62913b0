// Reads trustlens.config.json (or .yaml) if present and validates it; a missing default file means all defaults.
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../validation/errors.ts';
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

export function loadConfig(file?: string): { config: TrustlensConfig; source: string | null } {
  const path = file ?? DEFAULT_CONFIG_FILES.find((f) => existsSync(f));
  if (path === undefined) return { config: configSchema.parse({}), source: null };
  const raw = readStructuredFile(path);
  return { config: parseOrThrow(configSchema, raw ?? {}, path), source: path };
}
