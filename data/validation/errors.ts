// Error classes that map to exit codes: UserError (bad usage or input) exits 2, anything else exits 1.
export class UserError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A user error that carries every problem found, one per line, so users fix them all in one pass. */
export class ValidationError extends UserError {
  constructor(
    readonly subject: string,
    readonly problems: string[],
  ) {
    super(
      `${subject}: ${problems.length} problem${problems.length === 1 ? '' : 's'}\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ValidationError';
  }
}

export function exitCodeOf(err: unknown): number {
  return err instanceof UserError ? 2 : 1;
}
