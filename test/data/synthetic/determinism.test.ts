// The generator is a pure function of its options: same seed → byte-identical files at any thread count; another seed →
// other data.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSmall, type Generated } from './generateSmall.ts';

function fileHashes(g: Generated): Record<string, string> {
  return Object.fromEntries(
    Object.entries(g.summary.files).map(([table, file]) => [
      table,
      createHash('sha256').update(readFileSync(file)).digest('hex'),
    ]),
  );
}

describe('generateMarketplace determinism', () => {
  const runs: Generated[] = [];
  let a: Generated, b: Generated, c: Generated;
  beforeAll(async () => {
    a = await generateSmall({ format: 'csv', threads: 1 });
    b = await generateSmall({ format: 'csv', threads: 2 });
    c = await generateSmall({ format: 'csv', seed: 43 });
    runs.push(a, b, c);
  });
  afterAll(() => runs.forEach((g) => g.cleanup()));

  it('writes every contract and truth file, with the same rows per table for the same seed', () => {
    expect(Object.keys(a.summary.files).sort()).toEqual([
      'buyers',
      'investigations',
      'merchant_actions',
      'merchants',
      'orders',
      'refund_requests',
      'reviews',
      'service_tickets',
      'truth_buyers',
      'truth_merchants',
      'truth_refund_requests',
    ]);
    expect(a.summary.files.truth_buyers).toMatch(/truth\/buyers\.csv$/);
    expect(b.summary.rows).toEqual(a.summary.rows);
  });

  it('gives byte-identical files for the same seed on 1 and 2 threads', () => {
    expect(fileHashes(b)).toEqual(fileHashes(a));
  });

  it('gives different data for a different seed', () => {
    const ha = fileHashes(a);
    const hc = fileHashes(c);
    for (const table of ['buyers', 'orders', 'refund_requests', 'reviews', 'truth_buyers'] as const)
      expect(hc[table]).not.toBe(ha[table]);
  });
});
