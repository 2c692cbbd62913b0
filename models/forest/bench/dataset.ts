// Seeded synthetic benchmark task: 30 features, nonlinear signal with interactions and missing values, ~5 % positives.
import { Rng } from '../train/random.ts';

export const BENCH_FEATURES = 30;

export interface BenchData {
  columns: Float32Array[];
  labels: Uint8Array;
}

function normal(rng: Rng): number {
  const u = 1 - rng.nextFloat();
  const v = rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Row r's label depends only on (seed, r), so any size is a prefix-stable draw of the same distribution. */
export function makeBenchData(nRows: number, seed = 7): BenchData {
  const rng = new Rng(seed);
  const F = BENCH_FEATURES;
  const columns = Array.from({ length: F }, () => new Float32Array(nRows));
  const logits = new Float64Array(nRows);
  const x = new Float64Array(F);
  for (let r = 0; r < nRows; r++) {
    for (let f = 0; f < F; f++) x[f] = normal(rng);
    // Correlated and skewed columns, like real behavioural features (counts, rates, amounts).
    x[10] = 0.7 * x[0]! + 0.7 * x[10]!;
    x[11] = Math.exp(0.8 * x[11]!);
    x[12] = Math.floor(Math.exp(0.9 * x[12]! + 0.5));
    x[13] = rng.nextFloat() < 0.3 ? 0 : Math.abs(x[13]!);
    const z =
      1.1 * Math.sin(1.6 * x[0]!) +
      0.9 * x[1]! * x[2]! +
      (x[3]! > 0.6 ? 1.2 : -0.3) +
      0.5 * x[4]! * x[4]! -
      0.7 * Math.abs(x[5]!) +
      0.8 * (x[6]! > 0 ? 1 : -1) * (x[7]! > 0 ? 1 : -1) +
      0.6 * x[8]! +
      0.5 * Math.log1p(x[11]!) +
      0.25 * Math.min(x[12]!, 6) +
      0.6 * (x[13]! > 1 ? 1 : 0) +
      0.4 * x[9]! * (x[10]! > 0.5 ? 1 : 0) +
      0.3 * x[14]!;
    logits[r] = 1.6 * z + 0.4 * normal(rng);
    for (let f = 0; f < F; f++) {
      // A few columns go missing at random, one of them more often for positives-prone rows (informative missingness).
      const pMissing = f === 15 ? (z > 1.5 ? 0.3 : 0.05) : f === 16 || f === 17 ? 0.1 : 0;
      columns[f]![r] = pMissing > 0 && rng.nextFloat() < pMissing ? NaN : x[f]!;
    }
  }
  const labels = new Uint8Array(nRows);
  // Intercept of −7.7 sets the base rate near 5 %; a fixed constant keeps every size the same distribution.
  const label = new Rng(seed ^ 0x9e3779b9);
  for (let r = 0; r < nRows; r++) {
    const p = 1 / (1 + Math.exp(-(logits[r]! - 7.7)));
    labels[r] = label.nextFloat() < p ? 1 : 0;
  }
  return { columns, labels };
}
