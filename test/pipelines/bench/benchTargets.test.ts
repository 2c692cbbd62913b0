// The targets of issue 19 read off bench results: PASS within the target, MISS beyond it, "not run" for a skipped size.
import { describe, expect, it } from 'vitest';
import { BENCH_SIZES } from '../../../pipelines/bench/benchArgs.ts';
import { evaluateTargets, START_TARGET } from '../../../pipelines/bench/benchTargets.ts';
import { featuresRatio } from '../../../pipelines/bench/sizeResult.ts';
import { sizeResult } from './benchFixtures.ts';

const [, M1, M10] = BENCH_SIZES as [unknown, (typeof BENCH_SIZES)[number], (typeof BENCH_SIZES)[number]];

describe('evaluateTargets', () => {
  it('gives every target "not run" when nothing was measured', () => {
    const lines = evaluateTargets([], null);
    expect(lines).toHaveLength(8);
    expect(lines[0]).toEqual({ target: START_TARGET, measured: '–', verdict: 'not run' });
    expect(lines.every((l) => l.verdict === 'not run')).toBe(true);
  });

  it('judges the 1M first run and npm start, and leaves the 10M targets "not run" without a 10M size', () => {
    const m1 = sizeResult(M1, {
      first: 59.9,
      week: 20,
      peakRssMb: 1200,
      features: 3,
      simulate: 2,
      report: 3,
      groupBy: 0.1,
    });
    const lines = evaluateTargets([m1], { seconds: 61.2, cpuSeconds: 80, peakRssMb: 700, orders: 200_000 });
    expect(lines.slice(0, 2)).toEqual([
      { target: START_TARGET, measured: '61.2 s', verdict: 'MISS' },
      { target: 'first run (empty warehouse), 1M orders: < 60 s', measured: '59.9 s', verdict: 'PASS' },
    ]);
    expect(lines.slice(2).map((l) => l.verdict)).toEqual(Array(6).fill('not run'));
  });

  it('judges every 10M target: seconds below the limit, RSS below 4 GB, features at most 10× the GROUP BY pass', () => {
    const m10 = sizeResult(M10, {
      first: 600,
      week: 119.5,
      peakRssMb: 4095,
      features: 9,
      simulate: 15.2,
      report: 14.9,
      groupBy: 0.9,
    });
    expect(evaluateTargets([m10], null).slice(2)).toEqual([
      { target: 'first run (empty warehouse), 10M orders: < 600 s', measured: '600.0 s', verdict: 'MISS' },
      { target: 'weekly run, 10M orders: < 120 s', measured: '119.5 s', verdict: 'PASS' },
      { target: 'weekly run, 10M orders: peak RSS < 4,096 MB', measured: '4,095 MB', verdict: 'PASS' },
      {
        target: 'weekly features, 10M orders: ≤ 10× one plain GROUP BY pass per buyer (same run)',
        measured: '9.0 s ÷ 0.90 s = 10.0×',
        verdict: 'PASS',
      },
      { target: 'weekly simulate, 10M orders: < 15 s', measured: '15.2 s', verdict: 'MISS' },
      { target: 'weekly report, 10M orders: < 15 s', measured: '14.9 s', verdict: 'PASS' },
    ]);
  });

  it('misses the features target above 10× and the RSS target at 4 GB', () => {
    const m10 = sizeResult(M10, {
      first: 500,
      week: 100,
      peakRssMb: 4096,
      features: 38.6,
      simulate: 5,
      report: 5,
      groupBy: 0.9,
    });
    const lines = evaluateTargets([m10], null);
    expect(lines[4]).toMatchObject({ measured: '4,096 MB', verdict: 'MISS' });
    expect(lines[5]).toMatchObject({ measured: '38.6 s ÷ 0.90 s = 42.9×', verdict: 'MISS' });
  });
});

describe('featuresRatio', () => {
  it('divides the weekly features wall time by the GROUP BY pass, and is null without a pass', () => {
    const r = sizeResult(M1, {
      first: 50,
      week: 20,
      peakRssMb: 1200,
      features: 4,
      simulate: 2,
      report: 3,
      groupBy: 0.5,
    });
    expect(featuresRatio(r)).toBe(8);
    expect(featuresRatio({ ...r, groupBy: { seconds: 0, cpuSeconds: 0, buyers: 0 } })).toBeNull();
  });
});
