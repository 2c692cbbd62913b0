// The weekly spot-check draw: a risk-proportional systematic sample, then a uniform sample of the rest, with each
// merchant's inclusion probability so inspection results give unbiased platform-wide estimates (Horvitz–Thompson).
import {
  inclusionProbabilities,
  riskProbabilities,
  sampleDesign,
  type SampleDesign,
} from './inclusionProbabilities.ts';
import { shuffled } from './seededRandom.ts';

export interface SpotCandidate {
  merchantId: string;
  /** Size measure of the risk part (≥ 0): higher is likelier to be drawn. */
  risk: number;
}

export interface SpotCheck {
  merchantId: string;
  /** Which part drew it. */
  stratum: 'risk' | 'random';
  /** Probability that this design includes the merchant (risk part or uniform part). */
  inclusionProbability: number;
  risk: number;
}

export interface SpotCheckDraw {
  design: SampleDesign;
  /** π for every candidate, in candidate order (they sum to the sample size). */
  probabilities: number[];
  sample: SpotCheck[];
}

/**
 * Systematic PPS over a shuffled order gives each unit exactly its probability p_i of the risk part (certain units are
 * always in); the uniform part then takes `randomDraws` of the population − riskDraws units left, each with the same
 * chance.
 */
export function drawSpotChecks(
  candidates: readonly SpotCandidate[],
  size: number,
  riskShare: number,
  random: () => number,
): SpotCheckDraw {
  const design = sampleDesign(candidates.length, size, riskShare);
  const p = riskProbabilities(
    candidates.map((c) => c.risk),
    design.riskDraws,
  );
  const probabilities = inclusionProbabilities(p, design);
  const chosen = new Map<number, 'risk' | 'random'>();
  const order = shuffled(
    candidates.map((_, i) => i),
    random,
  );
  const start = random();
  let cumulative = 0;
  for (const i of order) {
    const pi = p[i]!;
    if (pi <= 0) continue;
    if (pi >= 1) {
      chosen.set(i, 'risk');
      continue;
    }
    // unit i is drawn when a point start + k falls in its interval [cumulative, cumulative + p_i)
    const before = Math.floor(cumulative - start);
    cumulative += pi;
    if (Math.floor(cumulative - start) > before) chosen.set(i, 'risk');
  }
  // Rounding can leave the systematic pass one unit short or over; settle it so the risk part has exactly riskDraws
  // units.
  settleCount(chosen, p, design.riskDraws, order);
  const rest = order.filter((i) => !chosen.has(i));
  for (const i of shuffled(rest, random).slice(0, design.randomDraws)) chosen.set(i, 'random');
  const sample = [...chosen.entries()]
    .map(([i, stratum]) => ({
      merchantId: candidates[i]!.merchantId,
      stratum,
      inclusionProbability: probabilities[i]!,
      risk: candidates[i]!.risk,
    }))
    .sort((a, b) => b.inclusionProbability - a.inclusionProbability || a.merchantId.localeCompare(b.merchantId));
  return { design, probabilities, sample };
}

function settleCount(
  chosen: Map<number, 'risk' | 'random'>,
  p: readonly number[],
  target: number,
  order: readonly number[],
): void {
  while (chosen.size > target) {
    const last = [...chosen.keys()].filter((i) => p[i]! < 1).at(-1);
    if (last === undefined) break;
    chosen.delete(last);
  }
  for (const i of order) {
    if (chosen.size >= target) break;
    if (!chosen.has(i) && p[i]! > 0) chosen.set(i, 'risk');
  }
}

/** The Horvitz–Thompson estimate of a population total from the sampled units' values: Σ y_i / π_i. */
export function horvitzThompsonTotal(values: readonly { value: number; inclusionProbability: number }[]): number {
  return values.reduce((s, v) => s + v.value / v.inclusionProbability, 0);
}
