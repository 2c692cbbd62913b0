// Validates an external input (config, mapping, policy, CLI options) with zod and reports every problem at once.
import type { z } from 'zod';
import { ValidationError } from './errors.ts';

function keyPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  return path
    .map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))
    .join('.')
    .replaceAll('.[', '[');
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  const s = JSON.stringify(value);
  return s === undefined ? String(value) : s.length > 60 ? s.slice(0, 57) + '...' : s;
}

/** One line per zod issue: the key, the value received, the rule broken and how to fix it. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => {
    const key = keyPath(issue.path);
    if (issue.code === 'unrecognized_keys') {
      const where = issue.path.length ? ` under ${key}` : '';
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}: remove ${issue.keys.length > 1 ? 'them' : 'it'} or check the spelling`;
    }
    // A custom (cross-field) rule's input is the whole object, which says less than its message.
    if (issue.code === 'custom' || !('input' in issue)) return `key ${key}: ${issue.message}`;
    return `key ${key}: got ${show(issue.input)}; ${issue.message}`;
  });
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(subject, describeIssues(result.error.issues));
}
