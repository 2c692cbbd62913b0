// The spot-check draw: exact sample size, inclusion probabilities that sum to it and match how often each merchant is
// drawn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  drawSpotChecks,
  horvitzThompsonTotal,
  type SpotCandidate,
} from '../../../pipelines/govern/sample/drawSpotChecks.ts';
import {
  inclusionProbabilities,
  riskProbabilities,
  sampleDesign,
} from '../../../pipelines/govern/sample/inclusionProbabilities.ts';
import { mixSeed, seededRandom } from '../../../pipelines/govern/sample/seededRandom.ts';
import { spotRisk } from '../../../pipelines/govern/sample/spotRisk.ts';

const population = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 5, noNaN: true })), {
  minLength: 1,
  maxLength: 60,
});
const candidates = (risks: readonly number[]): SpotCandidate[] =>
  risks.map((risk, i) => ({ merchantId: `m${String(i).padStart(3, '0')}`, risk }));

describe('drawSpotChecks (property)', () => {
  it('draws exactly min(size, N) distinct merchants, risk part first, and reports each one’s probability', () => {
    fc.assert(
      fc.property(
        population,
        fc.integer({ min: 1, max: 70 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer(),
        (risks, size, share, seed) => {
          const draw = drawSpotChecks(candidates(risks), size, share, seededRandom(seed >>> 0));
          const n = Math.min(size, risks.length);
          expect(draw.sample).toHaveLength(n);
          expect(new Set(draw.sample.map((s) => s.merchantId)).size).toBe(n);
          expect(draw.sample.filter((s) => s.stratum === 'risk')).toHaveLength(draw.design.riskDraws);
          for (const s of draw.sample)
            expect(s.inclusionProbability).toBe(draw.probabilities[Number(s.merchantId.slice(1))]);
        },
      ),
      { numRuns: 300, seed: 20261102 },
    );
  });

  it('inclusion probabilities lie in [0, 1], sum to the sample size, and are positive for everyone when part of the sample is uniform', () => {
    fc.assert(
      fc.property(
        population,
        fc.integer({ min: 1, max: 70 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (risks, size, share) => {
          const design = sampleDesign(risks.length, size, share);
          const pi = inclusionProbabilities(riskProbabilities(risks, design.riskDraws), design);
          for (const p of pi) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1 + 1e-12);
          }
          expect(pi.reduce((a, b) => a + b, 0)).toBeCloseTo(Math.min(size, risks.length), 9);
          if (design.randomDraws > 0) for (const p of pi) expect(p).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500, seed: 7 },
    );
  });

  it('gives a riskier merchant at least the chance of a less risky one', () => {
    fc.assert(
      fc.property(
        population,
        fc.integer({ min: 1, max: 70 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (risks, size, share) => {
          const design = sampleDesign(risks.length, size, share);
          const pi = inclusionProbabilities(riskProbabilities(risks, design.riskDraws), design);
          for (let i = 0; i < risks.length; i++)
            for (let j = 0; j < risks.length; j++)
              if (risks[i]! > risks[j]!) expect(pi[i]!).toBeGreaterThanOrEqual(pi[j]! - 1e-12);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });

  it('draws each merchant as often as its inclusion probability says, so Horvitz–Thompson estimates are unbiased', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 6, maxLength: 14 }),
        fc.integer({ min: 2, max: 5 }),
        fc.integer(),
        (risks, size, seed) => {
          const pool = candidates(risks);
          const runs = 3000;
          const hits = new Array<number>(pool.length).fill(0);
          // a failing inspection on every merchant with risk above 1: its platform-wide count is known exactly
          const y: number[] = risks.map((r) => (r > 1 ? 1 : 0));
          let estimate = 0;
          let probabilities: number[] = [];
          for (let k = 0; k < runs; k++) {
            const draw = drawSpotChecks(pool, size, 0.5, seededRandom(mixSeed(seed, String(k))));
            probabilities = draw.probabilities;
            for (const s of draw.sample) hits[Number(s.merchantId.slice(1))]! += 1;
            estimate += horvitzThompsonTotal(
              draw.sample.map((s) => ({
                value: y[Number(s.merchantId.slice(1))]!,
                inclusionProbability: s.inclusionProbability,
              })),
            );
          }
          for (const [i, p] of probabilities.entries()) {
            // binomial standard error; 5 of them leaves room for 300 merchants × runs without a false alarm
            expect(Math.abs(hits[i]! / runs - p)).toBeLessThanOrEqual(5 * Math.sqrt((p * (1 - p)) / runs) + 1e-9);
          }
          const truth = y.reduce((a, b) => a + b, 0);
          const se =
            Math.sqrt(y.reduce((s, v, i) => s + (v * (1 - probabilities[i]!)) / probabilities[i]!, 0) / runs) * 2;
          expect(Math.abs(estimate / runs - truth)).toBeLessThanOrEqual(5 * se + 1e-9);
        },
      ),
      { numRuns: 12, seed: 3 },
    );
  });
});

describe('the spot-check design on literal inputs', () => {
  it('takes certain merchants whole and shares the rest of the risk draws in proportion', () => {
    // risk draws 2: m0 alone would get 2 × 10/12 > 1, so it is certain; the other draw is shared 1:1 by m1 and m2
    expect(riskProbabilities([10, 1, 1, 0], 2)).toEqual([1, 0.5, 0.5, 0]);
    // then 1 uniform draw from the 2 merchants left after the risk part: everyone else gains (1 − p) × 1/2
    expect(inclusionProbabilities([1, 0.5, 0.5, 0], { population: 4, riskDraws: 2, randomDraws: 1 })).toEqual([
      1, 0.75, 0.75, 0.5,
    ]);
  });

  it('is uniform when nobody carries risk, and takes a small population whole', () => {
    expect(riskProbabilities([0, 0, 0, 0], 2)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(sampleDesign(3, 40, 0.5)).toEqual({ population: 3, riskDraws: 2, randomDraws: 1 });
    expect(inclusionProbabilities(riskProbabilities([1, 0, 2], 2), sampleDesign(3, 40, 0.5))).toEqual([1, 1, 1]);
  });

  it('reproduces the same sample from the same seed and week, and another for another week', () => {
    const pool = candidates([0.2, 0.4, 1.3, 0, 0.05, 0.9, 0.01, 2.2]);
    const draw = (week: string) =>
      drawSpotChecks(pool, 4, 0.5, seededRandom(mixSeed(17, week))).sample.map((s) => s.merchantId);
    expect(draw('2026-11-02')).toEqual(draw('2026-11-02'));
    const weeks = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'].map(draw);
    expect(new Set(weeks.map((w) => w.join())).size).toBeGreaterThan(1);
  });

  it('scores risk as distrust plus a quarter per standard failed this week', () => {
    expect(spotRisk(80, 2)).toBeCloseTo(0.7, 12);
    expect(spotRisk(null, 1)).toBe(0.25);
    expect(spotRisk(100, 0)).toBe(0);
  });
});
