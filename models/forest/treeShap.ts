// Exact path-dependent TreeSHAP (Lundberg et al. 2020, Algorithm 2) on one flat tree, cover-weighted.
import type { FlatTree } from './treeStore.ts';

/** Reusable path buffers (struct-of-arrays) sized for trees up to maxDepth. */
export class TreeShapWorkspace {
  readonly feature: Int32Array;
  readonly zero: Float64Array;
  readonly one: Float64Array;
  readonly weight: Float64Array;

  constructor(readonly maxDepth: number) {
    // Level d's path starts after all shallower levels' paths: at most (D+1)(D+2)/2 slots for D = depth + 2.
    const d = maxDepth + 2;
    const size = ((d + 1) * (d + 2)) / 2 + 1;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }
}

/**
 * Adds scale × the tree's SHAP values for row x (one value per feature, NaN = missing) into phi.
 * "Absent" features follow both children weighted by cover, so expected + sum(phi) = tree prediction.
 */
export function treeShap(tree: FlatTree, x: ArrayLike<number>, phi: Float64Array, ws: TreeShapWorkspace, scale: number): void {
  recurse(tree, x, phi, ws, scale, 0, 0, 0, 1, 1, -1);
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

function recurse(
  tree: FlatTree,
  x: ArrayLike<number>,
  phi: Float64Array,
  ws: TreeShapWorkspace,
  scale: number,
  node: number,
  depth: number,
  parentOffset: number,
  parentZero: number,
  parentOne: number,
  parentFeature: number,
): void {
  const { feature: pf, zero, one, weight } = ws;
  const o = parentOffset + depth + 1;
  pf.copyWithin(o, parentOffset, parentOffset + depth + 1);
  zero.copyWithin(o, parentOffset, parentOffset + depth + 1);
  one.copyWithin(o, parentOffset, parentOffset + depth + 1);
  weight.copyWithin(o, parentOffset, parentOffset + depth + 1);
  extendPath(ws, o, depth, parentZero, parentOne, parentFeature);

  const split = tree.feature[node]!;
  if (split < 0) {
    const v = tree.value[node]! * scale;
    for (let i = 1; i <= depth; i++) {
      const w = unwoundPathSum(ws, o, depth, i);
      phi[pf[o + i]!] += w * (one[o + i]! - zero[o + i]!) * v;
    }
    return;
  }
  const l = tree.left[node]!;
  const xv = x[split]!;
  const goLeft = xv !== xv ? tree.missingLeft[node] === 1 : xv <= tree.threshold[node]!;
  const hot = goLeft ? l : l + 1;
  const cold = goLeft ? l + 1 : l;
  const cover = tree.cover[node]!;
  const hotZero = tree.cover[hot]! / cover;
  const coldZero = tree.cover[cold]! / cover;
  let incomingZero = 1;
  let incomingOne = 1;
  // A feature already on the path is undone first, so each feature appears once (the "unique path").
  let k = 0;
  for (; k <= depth; k++) if (pf[o + k] === split) break;
  if (k <= depth) {
    incomingZero = zero[o + k]!;
    incomingOne = one[o + k]!;
    unwindPath(ws, o, depth, k);
    depth -= 1;
  }
  recurse(tree, x, phi, ws, scale, hot, depth + 1, o, hotZero * incomingZero, incomingOne, split);
  recurse(tree, x, phi, ws, scale, cold, depth + 1, o, coldZero * incomingZero, 0, split);
}

function extendPath(ws: TreeShapWorkspace, o: number, d: number, zeroFraction: number, oneFraction: number, feature: number): void {
  const { weight } = ws;
  ws.feature[o + d] = feature;
  ws.zero[o + d] = zeroFraction;
  ws.one[o + d] = oneFraction;
  weight[o + d] = d === 0 ? 1 : 0;
  for (let i = d - 1; i >= 0; i--) {
    weight[o + i + 1] += (oneFraction * weight[o + i]! * (i + 1)) / (d + 1);
    weight[o + i] = (zeroFraction * weight[o + i]! * (d - i)) / (d + 1);
  }
}

function unwindPath(ws: TreeShapWorkspace, o: number, d: number, pathIndex: number): void {
  const { weight, feature, zero, one } = ws;
  const oneFraction = one[o + pathIndex]!;
  const zeroFraction = zero[o + pathIndex]!;
  let next = weight[o + d]!;
  for (let i = d - 1; i >= 0; i--) {
    if (oneFraction !== 0) {
      const tmp = weight[o + i]!;
      weight[o + i] = (next * (d + 1)) / ((i + 1) * oneFraction);
      next = tmp - (weight[o + i]! * zeroFraction * (d - i)) / (d + 1);
    } else {
      weight[o + i] = (weight[o + i]! * (d + 1)) / (zeroFraction * (d - i));
    }
  }
  for (let i = pathIndex; i < d; i++) {
    feature[o + i] = feature[o + i + 1]!;
    zero[o + i] = zero[o + i + 1]!;
    one[o + i] = one[o + i + 1]!;
  }
}

function unwoundPathSum(ws: TreeShapWorkspace, o: number, d: number, pathIndex: number): number {
  const { weight } = ws;
  const oneFraction = ws.one[o + pathIndex]!;
  const zeroFraction = ws.zero[o + pathIndex]!;
  let next = weight[o + d]!;
  let total = 0;
  for (let i = d - 1; i >= 0; i--) {
    if (oneFraction !== 0) {
      const tmp = (next * (d + 1)) / ((i + 1) * oneFraction);
      total += tmp;
      next = weight[o + i]! - tmp * zeroFraction * ((d - i) / (d + 1));
    } else {
      total += weight[o + i]! / zeroFraction / ((d - i) / (d + 1));
    }
  }
  return total;
}
