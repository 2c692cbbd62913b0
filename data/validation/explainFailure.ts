// Turns a failure of the machine around trustlens (memory, disk, permissions) into one line naming the real cause and
// the
// fix, whatever stage it hit; other errors pass unchanged.
import { UserError } from './errors.ts';
import { CONFIG_DEFAULTS } from '../config/configSchema.ts';

export interface FailureContext {
  /** The warehouse file of the command. */
  warehouse?: string;
  /** config memoryLimit. */
  memoryLimit?: string;
}

const firstLine = (message: string) => message.split('\n')[0]!.trim();

/** DuckDB's ways of saying it ran out of memory (its limit, or the machine's). */
export function isOutOfMemory(message: string): boolean {
  return /Out of Memory Error|failed to allocate|could not allocate/i.test(message);
}

/** A failure of the environment, not of the input: exit 1, with the cause and the fix. */
export class EnvironmentError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EnvironmentError';
  }
}

export function explainFailure(err: unknown, ctx: FailureContext = {}): unknown {
  // A user error already says what to fix; an environment error was explained before (by the weekly run's stage).
  if (!(err instanceof Error) || err instanceof EnvironmentError || err instanceof UserError) return err;
  const message = err.message;
  const code = (err as NodeJS.ErrnoException).code;
  const path = (err as NodeJS.ErrnoException).path;
  if (isOutOfMemory(message)) {
    return new UserError(
      `out of memory: DuckDB needed more than memoryLimit ${ctx.memoryLimit ?? '(config)'} allows (${firstLine(message)}); ` +
        `raise memoryLimit in the config (the default is ${CONFIG_DEFAULTS.memoryLimit}) or free memory on the machine`,
    );
  }
  if (code === 'ENOSPC' || /No space left on device|disk is full/i.test(message)) {
    const where =
      ctx.warehouse && ctx.warehouse !== ':memory:'
        ? `the disk holding ${ctx.warehouse} (and its spill folder ${ctx.warehouse}.tmp)`
        : 'the disk';
    return new EnvironmentError(
      `disk full (${firstLine(message)}); free space on ${where} and run again — the step that failed published nothing, so the warehouse and outputs are as before`,
      { cause: err },
    );
  }
  if ((code === 'EACCES' || code === 'EPERM' || code === 'EROFS') && path) {
    const why = code === 'EROFS' ? 'read-only file system' : 'permission denied';
    return new UserError(
      `cannot write ${path} (${code}: ${why}); give trustlens write access there, or point it elsewhere (config reportsDir, --out, --warehouse)`,
    );
  }
  if (/Cannot open (database|file) .*(Read-only file system|Permission denied)/i.test(message) && ctx.warehouse) {
    return new UserError(
      `warehouse ${ctx.warehouse} cannot be opened for writing (${firstLine(message)}); commands that write need write access to it and its folder ` +
        '(report and export can read a read-only warehouse)',
    );
  }
  return err;
}
