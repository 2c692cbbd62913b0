// Platt scaling: a logistic curve on the raw score, fitted by Newton's method with Platt's smoothed targets (Lin et al.
// 2007).
import type { Scores } from '../metrics/index.ts';

export interface PlattMap {
  method: 'platt';
  /** p = 1 / (1 + exp(a * score + b)); a < 0 for an increasing map. */
  a: number;
  b: number;
}

export function fitPlatt(scores: Scores, labels: Uint8Array): PlattMap {
  const n = labels.length;
  if (scores.length !== n)
    throw new Error(`fitPlatt: ${scores.length} scores for ${n} labels. Fix: one score per label.`);
  let pos = 0;
  for (let i = 0; i < n; i++) pos += labels[i]!;
  const neg = n - pos;
  const hiT = (pos + 1) / (pos + 2);
  const loT = 1 / (neg + 2);
  const t = Float64Array.from(labels, (y) => (y ? hiT : loT));
  let a = 0;
  let b = Math.log((neg + 1) / (pos + 1));
  const objective = (a_: number, b_: number) => {
    let f = 0;
    for (let i = 0; i < n; i++) {
      const z = a_ * scores[i]! + b_;
      f += z >= 0 ? t[i]! * z + Math.log1p(Math.exp(-z)) : (t[i]! - 1) * z + Math.log1p(Math.exp(z));
    }
    return f;
  };
  let f = objective(a, b);
  for (let iter = 0; iter < 100; iter++) {
    let h11 = 1e-12;
    let h22 = 1e-12;
    let h21 = 0;
    let g1 = 0;
    let g2 = 0;
    for (let i = 0; i < n; i++) {
      const s = scores[i]!;
      const z = a * s + b;
      const p = z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
      const q = 1 - p;
      const d2 = p * q;
      h11 += s * s * d2;
      h22 += d2;
      h21 += s * d2;
      const d1 = t[i]! - p;
      g1 += s * d1;
      g2 += d1;
    }
    if (Math.abs(g1) < 1e-9 && Math.abs(g2) < 1e-9) break;
    const det = h11 * h22 - h21 * h21;
    const da = -(h22 * g1 - h21 * g2) / det;
    const db = -(-h21 * g1 + h11 * g2) / det;
    const gd = g1 * da + g2 * db;
    let step = 1;
    while (step >= 1e-10) {
      const fNew = objective(a + step * da, b + step * db);
      if (fNew < f + 1e-4 * step * gd) {
        a += step * da;
        b += step * db;
        f = fNew;
        break;
      }
      step /= 2;
    }
    if (step < 1e-10) break;
  }
  return { method: 'platt', a, b };
}

export function applyPlatt(map: PlattMap, scores: Scores): Float64Array {
  return Float64Array.from(scores as ArrayLike<number>, (s) => {
    const z = map.a * s + map.b;
    return z >= 0 ? Math.exp(-z) / (1 + Math.exp(-z)) : 1 / (1 + Math.exp(z));
  });
}
