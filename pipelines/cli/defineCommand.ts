// The shape of one CLI command: its options as data (they drive parsing, --help and the README) and its handler.
import { z } from 'zod';
import { CONFIG_DEFAULTS, type TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';

export interface OptionSpec {
  /** Long flag without dashes, kebab-case, e.g. "as-of". */
  flag: string;
  /** Placeholder for the value; absent for a boolean switch. */
  value?: string;
  description: string;
  /** Validates the raw value(s) commander hands over (strings, string[] when repeatable, boolean for switches). */
  schema: z.ZodType;
  defaultText?: string;
  repeatable?: boolean;
  required?: boolean;
  /** An existing input the command reads: checked before any lock is taken or stage runs, so a typo costs nothing. */
  input?: 'dir' | 'file';
}

/** One usage example: shown under --help and in the README. */
export interface CommandExample {
  /** The whole command line, starting with `trustlens`. */
  command: string;
  /** What it does, in a few words. */
  note: string;
}

export interface CommandContext {
  config: TrustlensConfig;
  /** Warehouse file after --warehouse and config are applied. */
  warehouse: string;
  log: Logger;
}

export interface CommandSpec {
  name: string;
  summary: string;
  /** Extra paragraphs for --help and the README. */
  details?: string;
  options: OptionSpec[];
  examples: readonly CommandExample[];
  run(options: Record<string, unknown>, ctx: CommandContext): Promise<void>;
}

/** camelCase key commander and the handlers use for a kebab-case flag. */
export function optionKey(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

/**
 * Declares a command whose handler receives options typed by their zod schemas.
 * The handler is loaded lazily so `--help` does not import DuckDB or the forest.
 */
export function defineCommand<const O extends readonly OptionSpec[]>(spec: {
  name: string;
  summary: string;
  details?: string;
  options: O;
  /** At least one: every command shows how it is called. */
  examples: readonly [CommandExample, ...CommandExample[]];
  handler: () => Promise<
    (
      options: { [K in O[number] as CamelCase<K['flag']>]: z.output<K['schema']> },
      ctx: CommandContext,
    ) => Promise<unknown>
  >;
}): CommandSpec {
  return {
    name: spec.name,
    summary: spec.summary,
    details: spec.details,
    options: [...spec.options],
    examples: spec.examples,
    async run(options, ctx) {
      const fn = await spec.handler();
      await fn(options as never, ctx);
    },
  };
}

type CamelCase<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<CamelCase<T>>}` : S;

/** Shared option value schemas, so every command parses dates and counts the same way. */
export const opt = {
  date: z.iso.date('must be a date like 2026-11-02 (YYYY-MM-DD)'),
  count: z.coerce.number().int('must be a whole number').positive('must be at least 1'),
  seed: z.coerce.number().int('must be a whole number'),
  path: z.string().min(1, 'must be a path'),
  flag: z.boolean().default(false),
};

/** Config keys down to their settings, e.g. "warehouse" or "generate.buyers". */
type ConfigKey = {
  [K in keyof TrustlensConfig & string]: TrustlensConfig[K] extends readonly unknown[]
    ? K
    : TrustlensConfig[K] extends object
      ? `${K}.${keyof TrustlensConfig[K] & string}`
      : K;
}[keyof TrustlensConfig & string];

/**
 * "config <key> (<default>)": an option's default text, read from the config schema so --help and the README follow it.
 */
export function configDefault(key: ConfigKey): string {
  const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], CONFIG_DEFAULTS);
  return `config ${key} (${String(value)})`;
}
