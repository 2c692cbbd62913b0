// Small seeded datasets for forest tests.
import { Rng } from '../../../models/forest/train/random.ts';

export interface Dataset {
  columns: Float32Array[];
  labels: Uint8Array;
}

/** n rows of `nFeatures` uniform(-1, 1) features, labelled by `rule` (row values → 0/1). */
export function makeData(
  n: number,
  nFeatures: number,
  seed: number,
  rule: (x: Float64Array, rng: Rng) => number,
): Dataset {
  const rng = new Rng(seed);
  const columns = Array.from({ length: nFeatures }, () => new Float32Array(n));
  const labels = new Uint8Array(n);
  const x = new Float64Array(nFeatures);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < nFeatures; f++) {
      x[f] = Math.fround(rng.nextFloat() * 2 - 1);
      columns[f]![i] = x[f]!;
    }
    labels[i] = rule(x, rng);
  }
  return { columns, labels };
}

export function errorRate(labels: Uint8Array, p: Float64Array): number {
  let wrong = 0;
  for (let i = 0; i < labels.length; i++) if ((p[i]! > 0.5 ? 1 : 0) !== labels[i]) wrong++;
  return wrong / labels.length;
}
