// The multi-seed quality bar judges issue 17's targets over every marketplace: means, minimums and the default
// marketplace's own bar.
import { describe, expect, it } from 'vitest';
import { formatSeedTable, seedTargets, type SeedResult } from '../../../pipelines/evaluate/multiSeed.ts';
import type { TruthCheckRow } from '../../../pipelines/simulate/evaluatePolicies.ts';

const gate = (scenario: string, shareStopped: number, honestBurdenedAddedShare: number): TruthCheckRow => ({
  scenario,
  abusiveRefundOnlyPaidStatusQuo: 1000,
  abusiveRefundOnlyPaid: 1000 * (1 - shareStopped),
  shareStopped,
  honestRequests: 1000,
  honestBurdened: 0,
  honestBurdenedShare: honestBurdenedAddedShare,
  honestBurdenedAddedShare,
});

const result = (
  seed: number,
  size: SeedResult['size'],
  precisionAtK: number,
  prAucRatio: number,
  trustAuc: number,
  gated: [number, number],
): SeedResult => ({
  seed,
  size,
  dir: `/tmp/${size}-seed${seed}`,
  precisionAtK,
  prAucRatio,
  trustAuc,
  policies: [gate('request-gated', ...gated), gate('risk-gated', 0.5, 0.02)],
  lines: [],
  minutes: 3,
});

const verdicts = (rs: SeedResult[]) => seedTargets(rs).map((t) => t.pass);

describe('seedTargets', () => {
  const passing = [result(42, '20k', 0.95, 4, 0.95, [0.7, 0.015]), result(97, '12k', 0.88, 3, 0.93, [0.61, 0.024])];

  it('passes every target when the mean, every minimum and the default marketplace meet them', () => {
    expect(verdicts(passing)).toEqual([true, true, true, true, true, true]);
  });

  it('fails the mean precision below 0.90 even when every seed is above 0.85', () => {
    const rs = [result(42, '20k', 0.9, 4, 0.95, [0.7, 0.015]), result(97, '12k', 0.86, 3, 0.93, [0.61, 0.024])];
    expect(verdicts(rs)).toEqual([false, true, true, true, true, true]);
  });

  it('fails a per-seed target on the one seed that misses it', () => {
    const rs = [
      result(42, '20k', 0.99, 4, 0.95, [0.7, 0.015]),
      result(97, '12k', 0.88, 3, 0.93, [0.61, 0.024]),
      result(7, '12k', 0.84, 1.9, 0.91, [0.59, 0.026]),
    ];
    expect(verdicts(rs)).toEqual([true, false, false, false, false, true]);
  });

  it('holds the default marketplace to 65% / 2%, the other seeds to 60% / 2.5%', () => {
    const rs = [result(42, '20k', 0.95, 4, 0.95, [0.64, 0.015]), result(97, '12k', 0.88, 3, 0.93, [0.61, 0.024])];
    expect(verdicts(rs)).toEqual([true, true, true, true, true, false]);
  });

  it('cannot judge policies that were skipped', () => {
    const rs = passing.map((r) => ({ ...r, policies: null }));
    expect(verdicts(rs)).toEqual([true, true, true, true, null, null]);
  });
});

describe('formatSeedTable', () => {
  it('prints a row per marketplace, the minimum and mean, request-gated beside risk-gated, then the targets', () => {
    const text = formatSeedTable([
      result(42, '20k', 0.95, 4, 0.95, [0.7, 0.015]),
      result(97, '12k', 0.88, 3, 0.93, [0.61, 0.024]),
    ]);
    const rows = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    expect(rows).toContain('20k 42 0.950 4.000 0.950 70.0% / 1.5% 50.0% / 2.0% 3.0');
    expect(rows).toContain('minimum 0.880 3.000 0.930 61.0% / 2.4% 50.0% / 2.0%');
    expect(rows).toContain('mean 0.915 3.500 0.940');
    expect(rows).toContain('abuse precision@capacity: mean ≥ 0.9 0.915 PASS');
  });
});
