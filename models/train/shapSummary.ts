// Mean |TreeSHAP| per feature over an evenly spaced sample of held-out rows (exact TreeSHAP is too slow for every row).
import type { Forest } from '../forest/index.ts';

/** `threads` splits the rows over worker threads; the contributions, and so the summary, are the same for any count. */
export async function shapSummary(
  forest: Forest,
  columns: Float32Array[],
  names: readonly string[],
  threads: number,
  maxRows = 400,
): Promise<{ feature: string; meanAbs: number }[]> {
  const n = columns[0]?.length ?? 0;
  if (n === 0) return names.map((feature) => ({ feature, meanAbs: 0 }));
  const take = Math.min(n, maxRows);
  const rows = Array.from({ length: take }, (_, j) => Math.floor((j * n) / take));
  const { contributions } = await forest.explainRowsAsync(columns, rows, { threads });
  const F = names.length;
  const sum = new Float64Array(F);
  for (let r = 0; r < take; r++) for (let f = 0; f < F; f++) sum[f]! += Math.abs(contributions[r * F + f]!);
  return names
    .map((feature, f) => ({ feature, meanAbs: sum[f]! / take }))
    .sort((a, b) => b.meanAbs - a.meanAbs || a.feature.localeCompare(b.feature));
}
