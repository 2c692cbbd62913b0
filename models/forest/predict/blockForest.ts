// Lays trees out as blocks of four levels, each decided at once by 16-lane byte compares (see blockKernel.ts).
import { binOf } from '../train/binning.ts';
import { treeDepth, type FlatTree } from '../treeStore.ts';

/**
 * Where the image starts in the kernel's memory: the exit table (EXIT_TABLE_BYTES) comes first. Exits are absolute
 * addresses, so the image only works at this offset.
 */
export const IMAGE_BASE = 32768;
export const EXIT_TABLE_BYTES = 32768;
export const BLOCK_BYTES = 128;
/** Code of a missing value: above every split's limit, so NaN goes right unless the node's add wraps it to 0. */
export const NAN_CODE = 255;
/**
 * Codes and limits are stored XORed with this: byte b becomes b - 128 as a signed byte, so one signed compare (a
 * single instruction, where an unsigned one takes two) orders them as the unsigned values. Adding before or after the
 * flip is the same modulo 256, so the add still wraps NaN's 255 to the lowest code.
 */
export const CODE_FLIP = 0x80;
/** A flipped limit no flipped code exceeds: the lane always sends the row left. */
const ALWAYS_LEFT = 0x7f;
/** Lookups per row and tree, at most: depth 60, the deepest the options allow. Deeper trees walk nodes instead. */
export const MAX_STEPS = 15;
/** Largest image the block layout builds (each thread's kernel holds a copy); larger forests walk nodes instead. */
export const MAX_IMAGE_BYTES = 256 * 1024 * 1024;
/** The kernel holds a row's codes in at most this many 16-byte registers. */
export const MAX_GROUPS = 4;

/**
 * A block is a complete binary tree of 15 virtual nodes (lanes 0..14, lane p's children are 2p+1 and 2p+2) with 16
 * exits. A lane that holds a real split sends the row to 2p+2 ("left") when code + add[p] <= limit[p] in bytes, else to
 * 2p+1; codes and limits are stored flipped (CODE_FLIP), and the kernel compares them signed. Lanes above a block's
 * root and below a leaf are always left (ALWAYS_LEFT); lane 15 is never right. Record layout: feature[16] @0,
 * limit[16] @16, add[16] @32 (1 when NaN goes left: 255 + 1 wraps to 0), exit address i32[16] @48.
 * Blocks align to the bottom of each tree: a tree of depth D takes ceil(D / 4) lookups on every path (its first block
 * holds the top D - 4 (steps - 1) levels), and the last lookup's exit is the address of the leaf's value (f64). A leaf
 * reached before the last level gets a record of its own that loops onto itself (every lane always left, every exit
 * to itself) and holds the value in its first 8 bytes, so a row that reaches it early stays there until the end.
 */
export interface BlockForest {
  nTrees: number;
  /** 16-byte code groups per row: ceil(nFeatures / 16). */
  groups: number;
  /** Blocks, then the leaf values; at IMAGE_BASE in the kernel's memory. */
  image: Uint8Array;
  /** Address of each tree's first block. */
  roots: Int32Array;
  /** Block lookups per row for each tree. */
  steps: Int32Array;
}

/**
 * exitTable[m] is where, in a record, the address of the exit reached from lane bits m lies (bit p set: lane p sends
 * the row right, to 2p+1): 48 + 4 × exit, so that the kernel adds it to the record's address as it is.
 */
export function exitTable(): Uint8Array {
  const table = new Uint8Array(EXIT_TABLE_BYTES);
  for (let m = 0; m < EXIT_TABLE_BYTES; m++) {
    let p = 0;
    for (let level = 0; level < 4; level++) p = 2 * p + 2 - ((m >>> p) & 1);
    table[m] = 48 + 4 * (p - 15);
  }
  return table;
}

/**
 * Why a forest cannot use the block layout, or null when it can. A value's code is how many cuts lie below it, so the
 * largest is cuts.length, or one less when the last cut is +∞ (the threshold of a "missing or not" split, which no
 * value exceeds); it must stay below NAN_CODE. The image takes at most a record per node (each internal node sits in
 * one block, each leaf above its tree's last level in one record).
 */
export function blockLayoutObstacle(
  trees: readonly FlatTree[],
  nFeatures: number,
  cuts: readonly Float64Array[],
): string | null {
  if (nFeatures > 16 * MAX_GROUPS) return `${nFeatures} features (the block kernel holds at most ${16 * MAX_GROUPS})`;
  const maxCode = (c: Float64Array): number => (c.length > 0 && c[c.length - 1] === Infinity ? c.length - 1 : c.length);
  const wide = cuts.findIndex((c) => maxCode(c) >= NAN_CODE);
  if (wide >= 0)
    return `feature ${wide} has ${cuts[wide]!.length} distinct thresholds (byte codes allow ${NAN_CODE - 1} finite ones)`;
  const deep = trees.findIndex((t) => treeDepth(t) > 4 * MAX_STEPS);
  if (deep >= 0)
    return `tree ${deep} is ${treeDepth(trees[deep]!)} levels deep (the block kernel walks at most ${4 * MAX_STEPS})`;
  const nodes = trees.reduce((sum, t) => sum + t.nodeCount, 0);
  if (nodes * (BLOCK_BYTES + 8) > MAX_IMAGE_BYTES)
    return `${nodes} nodes (the block image would pass ${MAX_IMAGE_BYTES / 2 ** 20} MB)`;
  return null;
}

/** Growable block records, with each exit first as a block or leaf index and made an address at the end. */
class BlockWriter {
  bytes = new Uint8Array(BLOCK_BYTES * 1024);
  exits = new Int32Array(16 * 1024);
  last = new Uint8Array(1024);
  count = 0;

  add(): number {
    if (this.count === this.last.length) {
      const grow = <T extends Uint8Array | Int32Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.bytes = grow(this.bytes, (n) => new Uint8Array(n));
      this.exits = grow(this.exits, (n) => new Int32Array(n));
      this.last = grow(this.last, (n) => new Uint8Array(n));
    }
    const b = this.count++;
    const rec = b * BLOCK_BYTES;
    this.bytes.fill(0, rec, rec + BLOCK_BYTES);
    // Every lane is always left until a split is written. Lane 15 (no node) stays so: its bit in the mask is never
    // set, which keeps the mask below 2^15 to index the exit table. Its feature 0xff swizzles to code 0.
    this.bytes.fill(ALWAYS_LEFT, rec + 16, rec + 32);
    this.bytes[rec + 15] = 0xff;
    this.exits.fill(-1, b * 16, b * 16 + 16);
    return b;
  }
}

/**
 * The block layout of `trees`, whose thresholds are coded against `cuts` (see packForest); check blockLayoutObstacle
 * first.
 */
export function buildBlockForest(
  trees: readonly FlatTree[],
  nFeatures: number,
  cuts: readonly Float64Array[],
): BlockForest {
  const w = new BlockWriter();
  const leaves: number[] = [];
  const roots = new Int32Array(trees.length);
  const steps = new Int32Array(trees.length);
  const lane = new Int32Array(31); // tree node at each virtual position; 15..30 are the exits
  trees.forEach((t, ti) => {
    const depth = treeDepth(t);
    const k = Math.max(1, Math.ceil(depth / 4));
    steps[ti] = k;
    // Nodes whose blocks start at this step, and the virtual level their node takes in it (0 but for the first).
    let level: { node: number; block: number; top: number }[] = [{ node: 0, block: w.add(), top: 4 * k - depth }];
    roots[ti] = level[0]!.block;
    for (let step = 0; step < k; step++) {
      const last = step === k - 1;
      const next: typeof level = [];
      for (const { node, block, top } of level) {
        lane.fill(-1);
        lane[(2 << top) - 2] = node; // reached from the block's entry through always-left lanes
        const rec = block * BLOCK_BYTES;
        for (let p = 0; p < 15; p++) {
          const n = lane[p]!;
          if (n < 0) continue;
          const f = t.feature[n]!;
          if (f < 0) {
            lane[2 * p + 2] = n; // a leaf passes down the always-left side
            continue;
          }
          const add = t.missingLeft[n]!;
          w.bytes[rec + p] = f;
          // A NaN threshold (only trees built in code have one: fromJSON rejects it) sorts after every cut, so its
          // limit
          // is the top code: clamped below NAN_CODE, it sends every value left, as the node walk does.
          w.bytes[rec + 16 + p] = (Math.min(binOf(t.threshold[n]!, cuts[f]!), NAN_CODE - 1) + add) ^ CODE_FLIP;
          w.bytes[rec + 32 + p] = add;
          lane[2 * p + 2] = t.left[n]!;
          lane[2 * p + 1] = t.left[n]! + 1;
        }
        w.last[block] = last ? 1 : 0;
        for (let x = 0; x < 16; x++) {
          const n = lane[15 + x]!;
          if (n < 0) continue;
          if (last) {
            w.exits[16 * block + x] = leaves.length;
            leaves.push(t.value[n]!);
          } else if (t.feature[n]! < 0) {
            // The value overwrites feature bytes 0–7, which no limit of this record looks at.
            const own = w.add();
            new DataView(w.bytes.buffer).setFloat64(own * BLOCK_BYTES, t.value[n]!, true);
            w.exits.fill(own, 16 * own, 16 * own + 16);
            w.exits[16 * block + x] = own;
          } else {
            const child = w.add();
            w.exits[16 * block + x] = child;
            next.push({ node: n, block: child, top: 0 });
          }
        }
      }
      level = next;
    }
  });
  const leafBase = IMAGE_BASE + w.count * BLOCK_BYTES;
  const image = new Uint8Array(w.count * BLOCK_BYTES + 8 * leaves.length);
  image.set(w.bytes.subarray(0, w.count * BLOCK_BYTES));
  new Float64Array(image.buffer, w.count * BLOCK_BYTES, leaves.length).set(leaves);
  const exits = new Int32Array(image.buffer, 0, (w.count * BLOCK_BYTES) / 4);
  for (let b = 0; b < w.count; b++) {
    for (let x = 0; x < 16; x++) {
      const e = w.exits[16 * b + x]!;
      // Exits no row can take (right of an always-left lane) point at a valid address all the same.
      exits[(b * BLOCK_BYTES + 48) / 4 + x] = w.last[b]
        ? leafBase + 8 * Math.max(e, 0)
        : IMAGE_BASE + BLOCK_BYTES * Math.max(e, 0);
    }
  }
  return {
    nTrees: trees.length,
    groups: Math.max(1, Math.ceil(nFeatures / 16)),
    image,
    roots: roots.map((b) => IMAGE_BASE + BLOCK_BYTES * b),
    steps,
  };
}
