// Splits scores by label into two ascending arrays: the shared first step of rank metrics, with no index sort.

export type Scores = Float64Array | Float32Array | readonly number[];

export function splitSortedScores(
  labels: Uint8Array,
  scores: Scores,
  metric: string,
): { pos: Float64Array; neg: Float64Array } {
  if (labels.length !== scores.length) {
    throw new Error(
      `${metric}: labels have ${labels.length} rows but scores have ${scores.length}. Fix: pass one score per label.`,
    );
  }
  let nPos = 0;
  for (let i = 0; i < labels.length; i++) {
    const y = labels[i]!;
    if (y !== 0 && y !== 1) throw new Error(`${metric}: label at row ${i} is ${y}; labels must be 0 or 1.`);
    nPos += y;
  }
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(labels.length - nPos);
  let p = 0;
  let n = 0;
  for (let i = 0; i < labels.length; i++) {
    const s = scores[i]!;
    if (s !== s) throw new Error(`${metric}: score at row ${i} is NaN. Fix: drop or impute rows without a score.`);
    if (labels[i]) pos[p++] = s;
    else neg[n++] = s;
  }
  return { pos: pos.sort(), neg: neg.sort() };
}
