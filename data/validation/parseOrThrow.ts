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

/**
 * A value as it reads in a message: JSON, NaN and ±Infinity by name (JSON.stringify wrote null), cut to `max`
 * characters. It stops writing once past `max`, so a value nested thousands of levels deep never overflows the stack
 * (JSON.stringify did, and the file's problems never showed).
 */
export function showValue(value: unknown, max = 60): string {
  if (value === undefined) return 'nothing';
  let out = '';
  const full = () => out.length > max;
  const write = (v: unknown): void => {
    if (full()) return;
    if (typeof v === 'number') out += Number.isFinite(v) ? JSON.stringify(v) : String(v);
    else if (typeof v === 'string') out += JSON.stringify(v.slice(0, max + 1));
    else if (Array.isArray(v)) {
      out += '[';
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) out += ',';
        write(v[i] === undefined || typeof v[i] === 'function' ? null : v[i]);
      }
      out += ']';
    } else if (v !== null && typeof v === 'object') {
      out += '{';
      let first = true;
      for (const [k, x] of Object.entries(v)) {
        if (full()) break;
        if (x === undefined || typeof x === 'function') continue;
        out += `${first ? '' : ','}${JSON.stringify(k)}:`;
        first = false;
        write(x);
      }
      out += '}';
    } else out += String(v);
  };
  write(value);
  return out.length > max ? out.slice(0, max - 3) + '...' : out;
}

/** zod's words for NaN or ±Infinity where a number is wanted ("expected number, received NaN") say no fix. */
function notFinite(issue: z.core.$ZodIssue): boolean {
  return (
    issue.code === 'invalid_type' &&
    issue.expected === 'number' &&
    'input' in issue &&
    typeof issue.input === 'number' &&
    !Number.isFinite(issue.input)
  );
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
    if (notFinite(issue))
      return `key ${key}: got ${showValue(issue.input)}; must be a finite number (NaN and infinity are not allowed)`;
    return `key ${key}: got ${showValue(issue.input)}; ${issue.message}`;
  });
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return result.data;
  throw new ValidationError(subject, describeIssues(result.error.issues));
}
