// Counts the bad inputs the suite feeds trustlens (README: Reliability): a test declares each hostile input it tries
// through `tries` or `tried`; `npm run reliability` runs the reliability suites with TRUSTLENS_BAD_INPUTS set and sums.
import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import { expect } from 'vitest';

/** One line of the count file: `n` bad inputs tried by one test. */
export interface BadInputRecord {
  file: string;
  test: string;
  n: number;
}

/** Records that the running test tried `n` more bad inputs (nothing happens outside `npm run reliability`). */
export function tried(n = 1): void {
  const out = process.env['TRUSTLENS_BAD_INPUTS'];
  if (!out) return;
  const state = expect.getState();
  const record: BadInputRecord = {
    file: relative(process.cwd(), state.testPath ?? ''),
    test: state.currentTestName ?? '',
    n,
  };
  appendFileSync(out, JSON.stringify(record) + '\n');
}

/** The bad inputs of a test, counted as they are declared. */
export function tries<A extends readonly unknown[]>(cases: A): A {
  tried(cases.length);
  return cases;
}
