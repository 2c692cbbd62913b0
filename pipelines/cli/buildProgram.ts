// Builds the commander program from the command table, validating every option with zod before a handler runs.
import { Command, Option } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../data/config/loadConfig.ts';
import { createLogger, type Verbosity } from '../../data/log/Logger.ts';
import { describeIssues } from '../../data/validation/parseOrThrow.ts';
import { ValidationError } from '../../data/validation/errors.ts';
import { COMMANDS, GLOBAL_OPTIONS } from './commandTable.ts';
import { optionKey, type CommandSpec } from './defineCommand.ts';

function validateOptions(spec: CommandSpec, raw: Record<string, unknown>): Record<string, unknown> {
  const shape: Record<string, z.ZodType> = {};
  for (const o of spec.options) shape[optionKey(o.flag)] = o.schema;
  const result = z.object(shape).safeParse(raw, { reportInput: true });
  if (result.success) return result.data;
  const problems = describeIssues(result.error.issues).map((p) =>
    p.replace(
      /^key (\w+)/,
      (_, k: string) => `option --${spec.options.find((o) => optionKey(o.flag) === k)?.flag ?? k}`,
    ),
  );
  throw new ValidationError(`trustlens ${spec.name}`, problems);
}

export function buildProgram(): Command {
  const program = new Command('trustlens')
    .description('Refund-only abuse risk, merchant trust and refund-policy replay for marketplaces.')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const g of GLOBAL_OPTIONS) {
    const flags = 'value' in g ? `--${g.flag} <${g.value}>` : `--${g.flag}`;
    const o = new Option(flags, g.description + ('defaultText' in g ? ` (default: ${g.defaultText})` : ''));
    program.addOption(o);
  }
  for (const spec of COMMANDS) {
    const cmd = program
      .command(spec.name)
      .summary(spec.summary)
      .description(spec.summary + (spec.details ? `\n\n${spec.details}` : ''));
    cmd.exitOverride();
    for (const o of spec.options) {
      const flags = o.value ? `--${o.flag} <${o.value}${o.repeatable ? '...' : ''}>` : `--${o.flag}`;
      const option = new Option(flags, o.description + (o.defaultText ? ` (default: ${o.defaultText})` : ''));
      if (o.required) option.makeOptionMandatory();
      cmd.addOption(option);
    }
    cmd.action(async (raw: Record<string, unknown>) => {
      const globals = program.opts<{ warehouse?: string; config?: string; quiet?: boolean; verbose?: boolean }>();
      const options = validateOptions(spec, raw);
      const { config } = loadConfig(globals.config);
      const verbosity: Verbosity = globals.quiet ? 'quiet' : globals.verbose ? 'verbose' : 'normal';
      await spec.run(options, {
        config,
        warehouse: globals.warehouse ?? config.warehouse,
        log: createLogger({ verbosity }),
      });
    });
  }
  return program;
}
