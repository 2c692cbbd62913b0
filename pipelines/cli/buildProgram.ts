// Builds the commander program from the command table, validating every option with zod before a handler runs.
import { existsSync, statSync } from 'node:fs';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../data/config/loadConfig.ts';
import { createLogger, type Verbosity } from '../../data/log/Logger.ts';
import { describeIssues } from '../../data/validation/parseOrThrow.ts';
import { explainFailure } from '../../data/validation/explainFailure.ts';
import { UserError, ValidationError } from '../../data/validation/errors.ts';
import { trustlensVersion } from '../../models/registry/trustlensVersion.ts';
import { loadPolicies } from '../simulate/policy/loadPolicy.ts';
import { COMMANDS, GLOBAL_OPTIONS } from './commandTable.ts';
import { optionKey, type CommandSpec, type OptionSpec } from './defineCommand.ts';

/** `--as-of DATE`, `--policy FILE...` or `--retrain`: how an option is written in usage lines, help and the README. */
export function optionUsage(o: Pick<OptionSpec, 'flag' | 'value' | 'repeatable'>): string {
  return `--${o.flag}${o.value ? ` ${o.value}${o.repeatable ? '...' : ''}` : ''}`;
}

/** `run --as-of DATE [--from DIR] …`: required options bare, optional ones in brackets. */
export function commandUsage(spec: CommandSpec): string {
  return [spec.name, ...spec.options.map((o) => (o.required ? optionUsage(o) : `[${optionUsage(o)}]`))].join(' ');
}

/** The examples block under a command's --help. */
export function examplesText(spec: CommandSpec): string {
  const width = Math.max(...spec.examples.map((e) => e.command.length));
  return `\nExamples:\n${spec.examples.map((e) => `  ${e.command.padEnd(width)}  # ${e.note}`).join('\n')}\n`;
}

function validateOptions(spec: CommandSpec, raw: Record<string, unknown>): Record<string, unknown> {
  const shape: Record<string, z.ZodType> = {};
  for (const o of spec.options) shape[optionKey(o.flag)] = o.schema;
  const missing = spec.options.filter((o) => o.required && raw[optionKey(o.flag)] === undefined);
  const missingKeys = new Set(missing.map((o) => optionKey(o.flag)));
  const result = z.object(shape).safeParse(raw, { reportInput: true });
  const issues = result.success ? [] : result.error.issues.filter((i) => !missingKeys.has(String(i.path[0])));
  const problems = [
    ...missing.map((o) => `option ${optionUsage(o)} is required`),
    ...describeIssues(issues).map((p) =>
      p.replace(
        /^key (\w+)/,
        (_, k: string) => `option --${spec.options.find((o) => optionKey(o.flag) === k)?.flag ?? k}`,
      ),
    ),
  ];
  if (problems.length === 0 && result.success) return result.data;
  const hint = missing.length ? ` (e.g. ${spec.examples[0]!.command})` : '';
  // One problem reads as one line; several are listed so they can all be fixed in one pass.
  if (problems.length === 1) throw new UserError(`${spec.name}: ${problems[0]}${hint}`);
  throw new ValidationError(`${spec.name}${hint}`, problems);
}

/**
 * Input folders and files must exist before anything else happens (no lock taken, no stage run, no warehouse opened).
 */
function checkInputs(spec: CommandSpec, options: Record<string, unknown>): void {
  const problems: string[] = [];
  for (const o of spec.options) {
    if (!o.input) continue;
    const value = options[optionKey(o.flag)];
    for (const path of Array.isArray(value) ? (value as string[]) : value === undefined ? [] : [value as string]) {
      if (!existsSync(path)) problems.push(`--${o.flag} ${path}: no such ${o.input === 'dir' ? 'folder' : 'file'}`);
      else if (o.input === 'dir' && !statSync(path).isDirectory()) problems.push(`--${o.flag} ${path}: not a folder`);
      else if (o.input === 'file' && statSync(path).isDirectory())
        problems.push(`--${o.flag} ${path}: a folder, not a file`);
    }
  }
  if (problems.length === 1) throw new UserError(`${spec.name}: ${problems[0]}; check the path`);
  if (problems.length > 1) throw new ValidationError(`${spec.name}: check the paths`, problems);
}

export function buildProgram(): Command {
  const program = new Command('trustlens')
    .description('Refund-only abuse risk, merchant trust and refund-policy replay for marketplaces.')
    .version(trustlensVersion(), '--version', 'Print the trustlens version.')
    .helpOption('--help', 'Show help.')
    // main.ts writes every error itself, once, with the one "trustlens:" prefix and its own suggestions.
    .configureOutput({ outputError: () => {} })
    .showSuggestionAfterError(false)
    .exitOverride();
  for (const g of GLOBAL_OPTIONS) {
    const flags = 'value' in g ? `--${g.flag} <${g.value}>` : `--${g.flag}`;
    program.addOption(new Option(flags, g.description + ('defaultText' in g ? ` (default: ${g.defaultText})` : '')));
  }
  for (const spec of COMMANDS) {
    const cmd = program
      .command(spec.name)
      .summary(spec.summary)
      .description(spec.summary + (spec.details ? `\n\n${spec.details}` : ''))
      .usage(commandUsage(spec).slice(spec.name.length + 1) || '[options]')
      .helpOption('--help', 'Show help.')
      .configureOutput({ outputError: () => {} })
      .showSuggestionAfterError(false)
      .addHelpText('after', examplesText(spec));
    cmd.exitOverride();
    for (const o of spec.options) {
      const flags = o.value ? `--${o.flag} <${o.value}${o.repeatable ? '...' : ''}>` : `--${o.flag}`;
      // Required options are checked in validateOptions (after unknown options), so a typo is named before a "missing"
      // error.
      const note = o.required ? ' (required)' : o.defaultText ? ` (default: ${o.defaultText})` : '';
      cmd.addOption(new Option(flags, o.description + note));
    }
    cmd.action(async (raw: Record<string, unknown>) => {
      const globals = program.opts<{ warehouse?: string; config?: string; quiet?: boolean; verbose?: boolean }>();
      const options = validateOptions(spec, raw);
      checkInputs(spec, options);
      const { config } = loadConfig(globals.config, configuredPolicyProblems);
      const verbosity: Verbosity = globals.quiet ? 'quiet' : globals.verbose ? 'verbose' : 'normal';
      const warehouse = globals.warehouse ?? config.warehouse;
      try {
        await spec.run(options, { config, warehouse, log: createLogger({ verbosity }) });
      } catch (err) {
        // Memory, disk and permission failures are named as such, with the fix, whatever stage they hit.
        throw explainFailure(err, { warehouse, memoryLimit: config.memoryLimit });
      }
    });
  }
  return program;
}

/** The problems of the policy files a config file names, when its own settings have problems too (loadConfig). */
function configuredPolicyProblems(raw: unknown): string[] {
  const files = (raw as { simulate?: { policies?: unknown } } | null)?.simulate?.policies;
  if (!Array.isArray(files) || !files.every((f): f is string => typeof f === 'string' && f.length > 0)) return [];
  try {
    loadPolicies(files);
    return [];
  } catch (err) {
    if (err instanceof ValidationError) return err.problems;
    if (err instanceof UserError) return [err.message];
    throw err;
  }
}
