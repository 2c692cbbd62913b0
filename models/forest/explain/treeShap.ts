// Exact path-dependent TreeSHAP (Lundberg et al. 2020, Algorithm 2) on one flat tree, cover-weighted.
import { treeDepth, type FlatTree } from '../treeStore.ts';

/**
 * A tree prepared for TreeSHAP: the split arrays plus each node's cover as a fraction of its parent's cover,
 * computed once per tree instead of twice per visited node per row.
 */
export interface ShapTree {
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly missingLeft: Uint8Array;
  readonly left: Int32Array;
  readonly value: Float64Array;
  /** cover[k] / cover[parent of k] (1 at the root): the "zero fraction" of the edge into k. */
  readonly coverRatio: Float64Array;
  /** 1 when some leaf under node k has a nonzero value; a subtree of zero leaves adds only zeros, so it is skipped. */
  readonly live: Uint8Array;
  /** Depth of the tree (root alone = 0). */
  readonly depth: number;
}

export function prepareShapTree(tree: FlatTree): ShapTree {
  const { left, cover, nodeCount } = tree;
  const coverRatio = new Float64Array(nodeCount);
  coverRatio[0] = 1;
  for (let k = 0; k < nodeCount; k++) {
    const l = left[k]!;
    if (l < 0) continue;
    const c = cover[k]!;
    coverRatio[l] = cover[l]! / c;
    coverRatio[l + 1] = cover[l + 1]! / c;
  }
  const live = new Uint8Array(nodeCount);
  for (let k = nodeCount - 1; k >= 0; k--) {
    const l = left[k]!;
    live[k] = l < 0 ? (tree.value[k] !== 0 ? 1 : 0) : live[l]! | live[l + 1]!;
  }
  return {
    feature: tree.feature,
    threshold: tree.threshold,
    missingLeft: tree.missingLeft,
    left,
    value: tree.value,
    coverRatio,
    live,
    depth: treeDepth(tree),
  };
}

const NONE = new Float64Array(0);

/**
 * Reusable path buffers (struct-of-arrays) sized for trees up to maxDepth, plus the per-call state of the recursion,
 * so the recursive visit takes few arguments and reads the typed arrays from one monomorphic object.
 */
export class TreeShapWorkspace {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;
  /** frac[d * stride + i] = (d - i) / (d + 1), the constant of the unwinding recurrences. */
  readonly frac: Float64Array;
  readonly stride: number;
  tree: ShapTree | null = null;
  x: ArrayLike<number> = NONE;
  phi: Float64Array = NONE;
  scale = 1;

  constructor(readonly maxDepth: number) {
    // The first child's path starts after its parent's; the second child reuses its parent's slots in place.
    // Level d's path therefore starts after at most all shallower levels' paths: (D+1)(D+2)/2 slots for D = depth + 2.
    const d = maxDepth + 2;
    const size = ((d + 1) * (d + 2)) / 2 + 1;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
    this.stride = d + 1;
    this.frac = new Float64Array(this.stride * this.stride);
    for (let dd = 0; dd <= d; dd++) for (let i = 0; i <= dd; i++) this.frac[dd * this.stride + i] = (dd - i) / (dd + 1);
  }
}

/**
 * Adds scale × the tree's SHAP values for row x (one value per feature, NaN = missing) into phi.
 * "Absent" features follow both children weighted by cover, so expected + sum(phi) = tree prediction.
 */
export function treeShap(
  tree: ShapTree,
  x: ArrayLike<number>,
  phi: Float64Array,
  ws: TreeShapWorkspace,
  scale: number,
): void {
  if (tree.depth > ws.maxDepth)
    throw new RangeError(`treeShap: tree depth ${tree.depth} exceeds the workspace's ${ws.maxDepth}.`);
  ws.tree = tree;
  ws.x = x;
  ws.phi = phi;
  ws.scale = scale;
  visit(ws, 0, 0, 0, 1, 1, -1);
  ws.tree = null;
  ws.x = NONE;
  ws.phi = NONE;
}

/** Cover-weighted mean of the tree's leaves: the prediction when no feature is known. */
export function treeExpectedValue(tree: FlatTree): number {
  const { left, value, cover } = tree;
  const e = new Float64Array(tree.nodeCount);
  for (let k = tree.nodeCount - 1; k >= 0; k--) {
    const l = left[k]!;
    e[k] = l < 0 ? value[k]! : (cover[l]! * e[l]! + cover[l + 1]! * e[l + 1]!) / cover[k]!;
  }
  return e[0]!;
}

/**
 * Visits `node` whose path (d elements) is at offset o: extends it by the edge into the node, then either credits the
 * leaf to the path's features or recurses. The arithmetic is Algorithm 2's, operation for operation; one fractions are
 * always exactly 0 or 1 in path-dependent TreeSHAP, so the loops are specialised on them without changing any result.
 */
function visit(
  ws: TreeShapWorkspace,
  node: number,
  o: number,
  d: number,
  zeroFraction: number,
  oneFraction: number,
  parentFeature: number,
): void {
  const tree = ws.tree!;
  // Every term a zero leaf adds to phi is ±0, which leaves phi (never -0) bitwise unchanged; nothing else reads the
  // path slots this visit would write (a cold child's slots are its parent's, which the parent no longer needs).
  if (tree.live[node] === 0) return;
  const pf = ws.feature;
  const zero = ws.zero;
  const one = ws.one;
  const weight = ws.weight;

  // extendPath
  const end = o + d;
  pf[end] = parentFeature;
  zero[end] = zeroFraction;
  one[end] = oneFraction;
  weight[end] = d === 0 ? 1 : 0;
  const dp1 = d + 1;
  if (oneFraction === 1) {
    for (let i = d - 1; i >= 0; i--) {
      const wi = weight[o + i]!;
      weight[o + i + 1] += (wi * (i + 1)) / dp1;
      weight[o + i] = (zeroFraction * wi * (d - i)) / dp1;
    }
  } else if (oneFraction === 0) {
    for (let i = d - 1; i >= 0; i--) weight[o + i] = (zeroFraction * weight[o + i]! * (d - i)) / dp1;
  } else {
    for (let i = d - 1; i >= 0; i--) {
      weight[o + i + 1] += (oneFraction * weight[o + i]! * (i + 1)) / dp1;
      weight[o + i] = (zeroFraction * weight[o + i]! * (d - i)) / dp1;
    }
  }

  const split = tree.feature[node]!;
  if (split < 0) {
    creditLeaf(ws, o, d, tree.value[node]! * ws.scale);
    return;
  }
  const l = tree.left[node]!;
  const xv = ws.x[split]!;
  const goLeft = xv !== xv ? tree.missingLeft[node] === 1 : xv <= tree.threshold[node]!;
  const hot = goLeft ? l : l + 1;
  const cold = goLeft ? l + 1 : l;
  const ratio = tree.coverRatio;
  let incomingZero = 1;
  let incomingOne = 1;
  // A feature already on the path is undone first, so each feature appears once (the "unique path").
  let k = 0;
  for (; k <= d; k++) if (pf[o + k] === split) break;
  if (k <= d) {
    incomingZero = zero[o + k]!;
    incomingOne = one[o + k]!;
    unwindPath(ws, o, d, k);
    d -= 1;
  }
  // The hot child gets a copy of the path; the cold child, visited last, extends this node's path in place.
  if (tree.live[hot] !== 0) {
    const o2 = o + d + 1;
    for (let i = 0; i <= d; i++) {
      pf[o2 + i] = pf[o + i]!;
      zero[o2 + i] = zero[o + i]!;
      one[o2 + i] = one[o + i]!;
      weight[o2 + i] = weight[o + i]!;
    }
    visit(ws, hot, o2, d + 1, ratio[hot]! * incomingZero, incomingOne, split);
  }
  visit(ws, cold, o, d + 1, ratio[cold]! * incomingZero, 0, split);
}

/**
 * Adds each path feature's share of leaf value v to phi. Every feature's unwound sum is an independent recurrence,
 * so those of elements whose one fraction is 1 (a serial chain of divisions) run two at a time to overlap their
 * latency; each element's arithmetic, and so its result, is unchanged, and each feature occurs once on the path.
 */
function creditLeaf(ws: TreeShapWorkspace, o: number, d: number, v: number): void {
  const pf = ws.feature;
  const zero = ws.zero;
  const one = ws.one;
  const phi = ws.phi;
  let pending = -1;
  for (let i = 1; i <= d; i++) {
    const oi = one[o + i]!;
    if (oi === 1) {
      if (pending < 0) {
        pending = i;
      } else {
        hotPair(ws, o, d, pending, i, v);
        pending = -1;
      }
      continue;
    }
    const zi = zero[o + i]!;
    const w = unwoundPathSum(ws, o, d, oi, zi);
    phi[pf[o + i]!] += w * (oi - zi) * v;
  }
  if (pending >= 0) {
    const zi = zero[o + pending]!;
    const w = unwoundPathSum(ws, o, d, 1, zi);
    phi[pf[o + pending]!] += w * (1 - zi) * v;
  }
}

/** unwoundPathSum for two path elements a and b with one fraction 1, interleaved. */
function hotPair(ws: TreeShapWorkspace, o: number, d: number, a: number, b: number, v: number): void {
  const weight = ws.weight;
  const frac = ws.frac;
  const f = d * ws.stride;
  const dp1 = d + 1;
  const za = ws.zero[o + a]!;
  const zb = ws.zero[o + b]!;
  let totalA = 0;
  let totalB = 0;
  let nextA = weight[o + d]!;
  let nextB = nextA;
  for (let i = d - 1; i >= 0; i--) {
    const tmpA = (nextA * dp1) / (i + 1);
    const tmpB = (nextB * dp1) / (i + 1);
    totalA += tmpA;
    totalB += tmpB;
    const wi = weight[o + i]!;
    const c = frac[f + i]!;
    nextA = wi - tmpA * za * c;
    nextB = wi - tmpB * zb * c;
  }
  const phi = ws.phi;
  const pf = ws.feature;
  phi[pf[o + a]!] += totalA * (1 - za) * v;
  phi[pf[o + b]!] += totalB * (1 - zb) * v;
}

function unwindPath(ws: TreeShapWorkspace, o: number, d: number, pathIndex: number): void {
  const { weight, feature, zero, one } = ws;
  const oneFraction = one[o + pathIndex]!;
  const zeroFraction = zero[o + pathIndex]!;
  const dp1 = d + 1;
  let next = weight[o + d]!;
  if (oneFraction !== 0) {
    for (let i = d - 1; i >= 0; i--) {
      const tmp = weight[o + i]!;
      const wi = (next * dp1) / ((i + 1) * oneFraction);
      weight[o + i] = wi;
      next = tmp - (wi * zeroFraction * (d - i)) / dp1;
    }
  } else {
    for (let i = d - 1; i >= 0; i--) weight[o + i] = (weight[o + i]! * dp1) / (zeroFraction * (d - i));
  }
  for (let i = pathIndex; i < d; i++) {
    feature[o + i] = feature[o + i + 1]!;
    zero[o + i] = zero[o + i + 1]!;
    one[o + i] = one[o + i + 1]!;
  }
}

/** Sum of the path weights with the element of fractions (oneFraction, zeroFraction) unwound from the path. */
function unwoundPathSum(
  ws: TreeShapWorkspace,
  o: number,
  d: number,
  oneFraction: number,
  zeroFraction: number,
): number {
  const weight = ws.weight;
  const frac = ws.frac;
  const f = d * ws.stride;
  const dp1 = d + 1;
  let total = 0;
  if (oneFraction === 1) {
    let next = weight[o + d]!;
    for (let i = d - 1; i >= 0; i--) {
      const tmp = (next * dp1) / (i + 1);
      total += tmp;
      next = weight[o + i]! - tmp * zeroFraction * frac[f + i]!;
    }
  } else if (oneFraction === 0) {
    for (let i = d - 1; i >= 0; i--) total += weight[o + i]! / zeroFraction / frac[f + i]!;
  } else {
    let next = weight[o + d]!;
    for (let i = d - 1; i >= 0; i--) {
      const tmp = (next * dp1) / ((i + 1) * oneFraction);
      total += tmp;
      next = weight[o + i]! - tmp * zeroFraction * frac[f + i]!;
    }
  }
  return total;
}
