// Reads and validates policy files; every problem of every file is reported at once, each with its file and key.
import { readStructuredFile } from '../../../data/config/loadConfig.ts';
import { UserError, ValidationError } from '../../../data/validation/errors.ts';
import { parseOrThrow } from '../../../data/validation/parseOrThrow.ts';
import { policySchema, type Policy } from './policySchema.ts';

export interface LoadedPolicy extends Policy {
  file: string;
}

/** Validates one parsed policy object; `file` names it in errors. */
export function parsePolicy(raw: unknown, file: string): LoadedPolicy {
  return { ...parseOrThrow(policySchema, raw ?? {}, file), file };
}

/** Loads several policy files, collecting the problems of all of them before throwing. */
export function loadPolicies(files: readonly string[]): LoadedPolicy[] {
  const policies: LoadedPolicy[] = [];
  const errors: string[] = [];
  for (const file of files) {
    try {
      policies.push(parsePolicy(readStructuredFile(file), file));
    } catch (err) {
      if (err instanceof ValidationError) errors.push(...err.problems.map((problem) => `${err.subject}: ${problem}`));
      else if (err instanceof UserError) errors.push(err.message);
      else throw err;
    }
  }
  const seen = new Map<string, string>();
  for (const p of policies) {
    const other = seen.get(p.name);
    if (other)
      errors.push(
        `${p.file}: key name: got "${p.name}"; another policy (${other}) has the same name; scenario names must be unique`,
      );
    seen.set(p.name, p.file);
  }
  if (errors.length) throw new ValidationError('policy files', errors);
  return policies;
}
