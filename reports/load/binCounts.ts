// Rows per PSI bin from what the warehouse counts: known values below each cut, known values and rows.

/**
 * Bin j holds the known values from cut j to cut j + 1 (below the first cut for bin 0, from the last cut on for the
 * last value bin), as models/metrics/populationBins.ts bins them; missing values (rows − known) come last.
 * `below[j]` counts known values below cut j + 1; cuts are strictly increasing.
 */
export function binCounts(below: readonly number[], known: number, rows: number): number[] {
  const edges = [0, ...below, known];
  const counts = edges.slice(1).map((n, j) => n - edges[j]!);
  counts.push(rows - known);
  return counts;
}
