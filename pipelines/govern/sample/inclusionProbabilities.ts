// First-order inclusion probabilities of the spot-check design: a risk-proportional part, then a uniform part of the
// rest.

export interface SampleDesign {
  /** Merchants in the population. */
  population: number;
  /** Draws by risk (probability proportional to size) and uniform draws from the merchants the risk part left. */
  riskDraws: number;
  randomDraws: number;
}

/** Splits a sample of `size` into risk and uniform draws; a population no larger than the sample is taken whole. */
export function sampleDesign(population: number, size: number, riskShare: number): SampleDesign {
  const n = Math.min(size, population);
  const riskDraws = Math.round(n * riskShare);
  return { population, riskDraws, randomDraws: n - riskDraws };
}

/**
 * Probabilities that the risk part picks each unit: proportional to its risk, `riskDraws` in total, capped at 1 (units
 * whose share would exceed 1 are taken for certain and the rest shared among the others). With no risk anywhere the
 * risk part is uniform too.
 */
export function riskProbabilities(risks: readonly number[], riskDraws: number): number[] {
  const n = risks.length;
  const p = new Array<number>(n).fill(0);
  if (riskDraws <= 0 || n === 0) return p;
  if (riskDraws >= n) return p.fill(1);
  const certain = new Array<boolean>(n).fill(false);
  let left = riskDraws;
  for (;;) {
    let total = 0;
    let open = 0;
    for (let i = 0; i < n; i++) {
      if (certain[i]) continue;
      total += Math.max(0, risks[i]!);
      open++;
    }
    // riskDraws < n keeps left < open, so there is always someone left to share the draws
    for (let i = 0; i < n; i++)
      if (!certain[i]) p[i] = total > 0 ? (left * Math.max(0, risks[i]!)) / total : left / open;
    const over = p.flatMap((v, i) => (!certain[i] && v >= 1 ? [i] : []));
    if (over.length === 0) break;
    for (const i of over) {
      certain[i] = true;
      p[i] = 1;
    }
    left -= over.length;
  }
  return p;
}

/**
 * π_i = p_i + (1 − p_i) · randomDraws / (population − riskDraws): exact, since the risk part always takes riskDraws
 * units.
 */
export function inclusionProbabilities(riskP: readonly number[], design: SampleDesign): number[] {
  const rest = design.population - design.riskDraws;
  const q = rest > 0 ? design.randomDraws / rest : 0;
  return riskP.map((p) => p + (1 - p) * q);
}
