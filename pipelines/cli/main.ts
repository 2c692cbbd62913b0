// CLI entry: runs one command and maps failures to exit codes (1 failure, 2 bad usage or input) with a short cause on stderr.
import { CommanderError } from 'commander';
import { buildProgram } from './buildProgram.ts';
import { exitCodeOf, UserError } from '../../data/validation/errors.ts';

process.env.TZ = 'UTC';

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander already printed its message; help and version are successes.
      return err.exitCode === 0 || err.code === 'commander.helpDisplayed' || err.code === 'commander.help' ? 0 : 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`trustlens: ${message}\n`);
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
