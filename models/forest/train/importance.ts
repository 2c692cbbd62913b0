// Feature importance: impurity (mean decrease in weighted Gini) and permutation (metric drop on shuffled columns).
import { averagePrecision, brierScore, rocAuc } from '../../metrics/index.ts';
import { Rng } from './random.ts';
import type { FlatTree } from '../treeStore.ts';

/** Built-in metrics for permutation importance (higher is better), or any function of (labels, scores). */
export type ImportanceMetric =
  'rocAuc' | 'averagePrecision' | 'negBrier' | ((labels: Uint8Array, scores: Float64Array) => number);

export function metricFunction(metric: ImportanceMetric): (labels: Uint8Array, scores: Float64Array) => number {
  if (typeof metric === 'function') return metric;
  if (metric === 'rocAuc') return rocAuc;
  if (metric === 'averagePrecision') return averagePrecision;
  if (metric === 'negBrier') return (y, p) => -brierScore(y, p);
  throw new Error(
    `permutationImportance: metric ${JSON.stringify(metric)} is unknown; use 'rocAuc', 'averagePrecision', 'negBrier' or a function.`,
  );
}

/** scikit-learn's convention: each tree's decreases normalised to sum 1, averaged, normalised again. */
export function impurityImportance(trees: readonly FlatTree[], nFeatures: number): Float64Array {
  const total = new Float64Array(nFeatures);
  const perTree = new Float64Array(nFeatures);
  const gini = (p: number) => 2 * p * (1 - p);
  for (const t of trees) {
    perTree.fill(0);
    let sum = 0;
    for (let k = 0; k < t.nodeCount; k++) {
      const l = t.left[k]!;
      if (l < 0) continue;
      const d =
        t.cover[k]! * gini(t.value[k]!) - t.cover[l]! * gini(t.value[l]!) - t.cover[l + 1]! * gini(t.value[l + 1]!);
      const dec = Math.max(0, d);
      perTree[t.feature[k]!] += dec;
      sum += dec;
    }
    if (sum > 0) for (let f = 0; f < nFeatures; f++) total[f] += perTree[f]! / sum;
  }
  let s = 0;
  for (let f = 0; f < nFeatures; f++) s += total[f]!;
  if (s > 0) for (let f = 0; f < nFeatures; f++) total[f] /= s;
  return total;
}

export interface PermutationOptions {
  /** Shuffles per feature, averaged (default 3). */
  repeats?: number;
  seed?: number;
}

/** Mean drop of the metric when one column is shuffled, per feature; the predictor sees the other columns unchanged. */
export function permutationImportance(
  predict: (columns: readonly Float32Array[]) => Float64Array,
  columns: readonly Float32Array[],
  labels: Uint8Array,
  metric: ImportanceMetric = 'rocAuc',
  options: PermutationOptions = {},
): Float64Array {
  const score = metricFunction(metric);
  const repeats = options.repeats ?? 3;
  const rng = new Rng(options.seed ?? 0);
  const baseline = score(labels, predict(columns));
  const out = new Float64Array(columns.length);
  const shuffled = new Float32Array(labels.length);
  const work = columns.slice();
  for (let f = 0; f < columns.length; f++) {
    let drop = 0;
    for (let r = 0; r < repeats; r++) {
      shuffled.set(columns[f]!);
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = rng.nextInt(i + 1);
        const t = shuffled[i]!;
        shuffled[i] = shuffled[j]!;
        shuffled[j] = t;
      }
      work[f] = shuffled;
      drop += baseline - score(labels, predict(work));
    }
    work[f] = columns[f]!;
    out[f] = drop / repeats;
  }
  return out;
}
