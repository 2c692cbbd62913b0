// Flat typed-array storage of one tree (siblings adjacent: right = left + 1) and a growable builder for it.

/** One tree. Node 0 is the root; a leaf has feature -1. Children of node k are left[k] and left[k] + 1. */
export interface FlatTree {
  nodeCount: number;
  /** Split feature, -1 for a leaf. */
  feature: Int32Array;
  /** Raw-value split: x <= threshold goes left (Infinity for a "missing or not" split). */
  threshold: Float64Array;
  /** Same split on bin codes: code <= binThreshold goes left. */
  binThreshold: Uint8Array;
  /** 1 when NaN (code 255) goes left. */
  missingLeft: Uint8Array;
  /** Left child index; right child is left + 1; -1 for a leaf. */
  left: Int32Array;
  /** Weighted class-1 fraction of the node's in-bag rows (the prediction at a leaf). */
  value: Float64Array;
  /** Weighted in-bag sample count (class weight × bootstrap count); internal cover = sum of the children's. */
  cover: Float64Array;
}

export class TreeBuilder {
  nodeCount = 0;
  feature = new Int32Array(64);
  threshold = new Float64Array(64);
  binThreshold = new Uint8Array(64);
  missingLeft = new Uint8Array(64);
  left = new Int32Array(64);
  value = new Float64Array(64);
  cover = new Float64Array(64);

  reset(): void {
    this.nodeCount = 0;
  }

  /** Appends a node (as a leaf until setSplit) and returns its index. */
  addNode(value: number, cover: number): number {
    if (this.nodeCount === this.feature.length) this.grow();
    const k = this.nodeCount++;
    this.feature[k] = -1;
    this.threshold[k] = 0;
    this.binThreshold[k] = 0;
    this.missingLeft[k] = 0;
    this.left[k] = -1;
    this.value[k] = value;
    this.cover[k] = cover;
    return k;
  }

  setSplit(k: number, feature: number, threshold: number, bin: number, missingLeft: boolean, left: number): void {
    this.feature[k] = feature;
    this.threshold[k] = threshold;
    this.binThreshold[k] = bin;
    this.missingLeft[k] = missingLeft ? 1 : 0;
    this.left[k] = left;
  }

  /** Copies out exact-size arrays; covers are re-summed bottom-up so child/parent ratios are exact for TreeSHAP. */
  finish(): FlatTree {
    const n = this.nodeCount;
    const tree: FlatTree = {
      nodeCount: n,
      feature: this.feature.slice(0, n),
      threshold: this.threshold.slice(0, n),
      binThreshold: this.binThreshold.slice(0, n),
      missingLeft: this.missingLeft.slice(0, n),
      left: this.left.slice(0, n),
      value: this.value.slice(0, n),
      cover: this.cover.slice(0, n),
    };
    for (let k = n - 1; k >= 0; k--) {
      const l = tree.left[k]!;
      if (l >= 0) tree.cover[k] = tree.cover[l]! + tree.cover[l + 1]!;
    }
    return tree;
  }

  private grow(): void {
    const size = this.feature.length * 2;
    const resize = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.feature = resize(this.feature, (s) => new Int32Array(s));
    this.threshold = resize(this.threshold, (s) => new Float64Array(s));
    this.binThreshold = resize(this.binThreshold, (s) => new Uint8Array(s));
    this.missingLeft = resize(this.missingLeft, (s) => new Uint8Array(s));
    this.left = resize(this.left, (s) => new Int32Array(s));
    this.value = resize(this.value, (s) => new Float64Array(s));
    this.cover = resize(this.cover, (s) => new Float64Array(s));
  }
}

/** Depth of a tree (root alone = 0). */
export function treeDepth(tree: FlatTree): number {
  const depth = new Int32Array(tree.nodeCount);
  let max = 0;
  for (let k = 0; k < tree.nodeCount; k++) {
    const l = tree.left[k]!;
    if (l >= 0) {
      depth[l] = depth[l + 1] = depth[k]! + 1;
      if (depth[k]! + 1 > max) max = depth[k]! + 1;
    }
  }
  return max;
}

/** Buffers to transfer when a tree crosses a thread boundary. */
export function treeBuffers(tree: FlatTree): ArrayBuffer[] {
  return [tree.feature, tree.threshold, tree.binThreshold, tree.missingLeft, tree.left, tree.value, tree.cover].map(
    (a) => a.buffer as ArrayBuffer,
  );
}
