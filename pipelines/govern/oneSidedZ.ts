// The standard normal quantile of a one-sided confidence: how many standard errors the scorecard's evidence bound sits
// from a merchant's observed share (govern.confidence).

// Acklam's rational approximation of the normal quantile (relative error below 1.2e-9 over (0, 1)).
const A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
];
const B = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
const C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
const TAIL = 0.02425;

const poly = (coefficients: readonly number[], x: number) => coefficients.reduce((sum, c) => sum * x + c, 0);

/** z with P(Z ≤ z) = confidence, for confidence in [0.5, 1): 0.95 → 1.645; 0.5 → 0 (the value alone decides). */
export function oneSidedZ(confidence: number): number {
  if (!(confidence >= 0.5 && confidence < 1)) throw new RangeError(`confidence must be in [0.5, 1), got ${confidence}`);
  if (confidence === 0.5) return 0;
  if (confidence <= 1 - TAIL) {
    const q = confidence - 0.5;
    const r = q * q;
    return (poly(A, r) * q) / (poly(B, r) * r + 1);
  }
  const q = Math.sqrt(-2 * Math.log(1 - confidence));
  return -poly(C, q) / (poly(D, q) * q + 1);
}
