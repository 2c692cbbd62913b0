// CLI entry: runs one command and maps failures to exit codes (1 failure, 2 bad usage or input) with a short cause on
// stderr.
import { CommanderError } from 'commander';
import { buildProgram } from './buildProgram.ts';
import { COMMANDS, GLOBAL_OPTIONS } from './commandTable.ts';
import { suggest } from './suggest.ts';
import { exitCodeOf, UserError } from '../../data/validation/errors.ts';

process.env.TZ = 'UTC';

const PREFIX = 'trustlens: ';

/** The command named on the line (first word that is a command), for its option list and help hint. */
function commandOf(argv: readonly string[]): (typeof COMMANDS)[number] | undefined {
  return COMMANDS.find((c) => argv.includes(c.name));
}

/** Commander's usage errors, reworded with one prefix, the exact name typed and, where one is close, a suggestion. */
export function usageMessage(err: CommanderError, argv: readonly string[]): string {
  const cmd = commandOf(argv);
  const help = cmd ? `trustlens ${cmd.name} --help` : 'trustlens --help';
  const quoted = /'([^']+)'/.exec(err.message)?.[1] ?? '';
  if (err.code === 'commander.unknownOption') {
    const flag = quoted.split('=')[0]!;
    const known = [
      ...(cmd?.options ?? []).map((o) => `--${o.flag}`),
      ...GLOBAL_OPTIONS.map((g) => `--${g.flag}`),
      '--help',
      '--version',
    ];
    const hint = suggest(flag, known);
    return `unknown option ${flag}${hint ? `, did you mean ${hint}?` : ''} (see \`${help}\`)`;
  }
  if (err.code === 'commander.unknownCommand') {
    const hint = suggest(
      quoted,
      COMMANDS.map((c) => c.name),
    );
    return `unknown command ${quoted}${hint ? `, did you mean ${hint}?` : ''} (see \`trustlens --help\`)`;
  }
  if (err.code === 'commander.optionMissingArgument') {
    const flag = quoted.split(' ')[0]!;
    return `option ${flag} needs a value${quoted.includes('<') ? ` (${quoted.slice(quoted.indexOf('<') + 1, quoted.indexOf('>'))})` : ''} (see \`${help}\`)`;
  }
  return `${err.message.replace(/^error: /, '')} (see \`${help}\`)`;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    if (argv.length === 0) {
      program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version are successes; commander has printed them.
      if (
        err.exitCode === 0 ||
        err.code === 'commander.helpDisplayed' ||
        err.code === 'commander.help' ||
        err.code === 'commander.version'
      )
        return 0;
      process.stderr.write(`${PREFIX}${usageMessage(err, argv)}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    // One prefix however the message was built (a nested cause may already start with it).
    process.stderr.write(`${PREFIX}${message.startsWith(PREFIX) ? message.slice(PREFIX.length) : message}\n`);
    if (!(err instanceof UserError) && process.env.TRUSTLENS_DEBUG && err instanceof Error)
      process.stderr.write(`${err.stack}\n`);
    return exitCodeOf(err);
  }
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
