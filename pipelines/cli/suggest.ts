// "Did you mean …?": the closest known name to a mistyped option or command, if one is close enough to be meant.

/** Edit distance (insertions, deletions, substitutions, adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `typed`, or null. Dashes and case are ignored first (`--asof` means `--as-of`); otherwise a
 * name within a third of its length (at least 1, at most 3 edits) is suggested, the closest and then the first listed.
 */
export function suggest(typed: string, known: readonly string[]): string | null {
  const bare = (s: string) => s.replace(/^-+/, '').replace(/[-_]/g, '').toLowerCase();
  const exact = known.find((k) => bare(k) === bare(typed));
  if (exact) return exact;
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const k of known) {
    const dist = editDistance(bare(typed), bare(k));
    const limit = Math.min(3, Math.max(1, Math.floor(bare(k).length / 3)));
    if (dist <= limit && dist < bestDistance) {
      best = k;
      bestDistance = dist;
    }
  }
  return best;
}
