// Selection of the k-th smallest value of a typed array in place: medians and quantile cuts in linear time, no sort.

/**
 * Puts the k-th smallest value of a[lo..hi] (k an index of the whole array, lo <= k <= hi) at a[k], smaller-or-equal
 * values left of it and greater-or-equal right, within lo..hi (Hoare partitions around a median of three, so a column
 * of mostly equal values still halves each round); returns it. a[lo..hi] must hold exactly the values of ranks lo..hi.
 * Quadratic only on orders built to defeat a median of three, which feature columns are not.
 */
export function selectInPlace(a: Float32Array | Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  while (hi > lo) {
    const [j, i] = partition(a, lo, hi);
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

/**
 * Hoare partition of a[lo..hi] (lo < hi) around a median of three: returns [j, i] with a[lo..j] <= pivot <= a[i..hi]
 * and the pivot itself at every index between j and i.
 */
function partition(a: Float32Array | Float64Array, lo: number, hi: number): [number, number] {
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
  return [j, i];
}

/**
 * Puts the values of ranks `ks` (ascending indexes, repeats allowed) of a[lo..hi] at those indexes, as selectInPlace
 * would one at a time, and returns them in the order of `ks`. Partitions are shared until each range holds one wanted
 * rank (then selectInPlace finishes it): nine decile cuts cost some 7 passes over the values where nine selections in
 * turn cost some 16.
 */
export function selectManyInPlace(
  a: Float32Array | Float64Array,
  ks: readonly number[],
  lo = 0,
  hi = a.length - 1,
): number[] {
  const found = new Map<number, number>();
  // explicit work list: a range and the slice of ks inside it
  const work: [number, number, number, number][] = [[lo, hi, 0, ks.length]];
  while (work.length > 0) {
    const [l, h, from, to] = work.pop()!;
    if (from >= to) continue;
    if (ks[from] === ks[to - 1]) {
      found.set(ks[from]!, selectInPlace(a, ks[from]!, l, h));
      continue;
    }
    const [j, i] = partition(a, l, h);
    // ranks between j and i hold the pivot itself
    let left = from;
    while (left < to && ks[left]! <= j) left++;
    let right = left;
    for (; right < to && ks[right]! < i; right++) found.set(ks[right]!, a[ks[right]!]!);
    work.push([l, j, from, left], [i, h, right, to]);
  }
  return ks.map((k) => found.get(k)!);
}
