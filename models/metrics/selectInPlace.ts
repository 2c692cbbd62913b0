// Selection of the k-th smallest value of a typed array in place: medians and quantile cuts in linear time, no sort.

/**
 * Puts the k-th smallest value of a[lo..hi] (k an index of the whole array, lo <= k <= hi) at a[k], smaller-or-equal
 * values left of it and greater-or-equal right, within lo..hi (Hoare partitions around a median of three, so a column
 * of mostly equal values still halves each round); returns it. a[lo..hi] must hold exactly the values of ranks lo..hi.
 * Quadratic only on orders built to defeat a median of three, which feature columns are not.
 */
export function selectInPlace(a: Float32Array | Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const m = lo + ((hi - lo) >> 1);
    const x = a[lo]!;
    const y = a[m]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}
