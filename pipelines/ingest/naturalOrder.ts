// The order files of one table load in: by path, numbers in names compared as numbers (week_9 before week_10).

const DIGITS = /(\d+)/;

/** Compares digit runs by value (leading zeros aside) and the rest by code point; ties fall back to plain order. */
export function naturalOrder(a: string, b: string): number {
  const x = a.split(DIGITS);
  const y = b.split(DIGITS);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    // split with a capturing group puts digit runs at odd indices
    if (i % 2 === 1) {
      const u = p.replace(/^0+(?=\d)/, '');
      const v = q.replace(/^0+(?=\d)/, '');
      if (u.length !== v.length) return u.length - v.length;
      if (u !== v) return u < v ? -1 : 1;
      continue;
    }
    return p < q ? -1 : 1;
  }
  if (x.length !== y.length) return x.length - y.length;
  return a < b ? -1 : a > b ? 1 : 0;
}
