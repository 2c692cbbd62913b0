// The bench's options: sizes by label, and each section skipped on its own.
import { describe, expect, it } from 'vitest';
import { parseBenchArgs } from '../../../pipelines/bench/benchArgs.ts';

describe('parseBenchArgs', () => {
  it('runs every section at 100k, 1M and 10M by default', () => {
    const a = parseBenchArgs([]);
    expect(a.sizes.map((s) => s.label)).toEqual(['100k', '1M', '10M']);
    expect([a.skipStart, a.skipSizes, a.skipIngest, a.skipForest, a.skipQuality, a.skipDecide]).toEqual(
      Array(6).fill(false),
    );
  });

  it('skips npm start and ingest on request, sizes chosen by label', () => {
    const a = parseBenchArgs(['--sizes', '100k,1M', '--skip-start', '--skip-ingest', '--skip-forest']);
    expect(a.sizes.map((s) => [s.label, s.buyers])).toEqual([
      ['100k', 10_000],
      ['1M', 100_000],
    ]);
    expect([a.skipStart, a.skipIngest, a.skipForest, a.skipSizes]).toEqual([true, true, true, false]);
  });
});
