// Split search for small nodes from their rows: only the codes present are summed, zeroed and scanned, not all 256
// bins.
import { MISSING_CODE } from './binning.ts';
import { scanFeature, type SplitCandidate } from './findSplit.ts';
import { CHANNELS, FEATURE_STRIDE } from './histogram.ts';

/**
 * A node of a few dozen rows touches a few dozen of a feature's 255 bins, yet a dense histogram clears and scans all
 * of them. This scanner packs the present codes, ascending, into the first slots of a one-feature histogram (missing
 * stays in slot MISSING_CODE) and runs the same scan over them. Empty bins never change a dense scan's outcome, and the
 * rows are summed per bin in the same order, so the split found is exactly the dense one.
 */
export class SparseScanner {
  private readonly hist = new Float64Array(FEATURE_STRIDE);
  /** Bit per non-missing code seen in the node. */
  private readonly seen = new Int32Array(8);
  /** Compact slot of each present code. */
  private readonly slot = new Uint8Array(256);
  /** Present codes in ascending order. */
  private readonly present = new Uint8Array(256);

  /** Over the grower's rows and in-bag weights, which it refills for every tree (the arrays themselves stay). */
  constructor(
    private readonly codes: Uint8Array,
    private readonly nFeatures: number,
    private readonly labels: Uint8Array,
    private readonly rows: Uint32Array,
    private readonly weight: Float64Array,
  ) {}

  /** Scans feature f over rows[start..end) and updates `best` as scanFeature would on the node's dense histogram. */
  scan(
    f: number,
    start: number,
    end: number,
    total0: number,
    total1: number,
    minLeaf: number,
    best: SplitCandidate,
  ): void {
    const { hist, seen, slot, present, codes, nFeatures, labels, rows, weight } = this;
    for (let i = start; i < end; i++) {
      const c = codes[rows[i]! * nFeatures + f]!;
      seen[c >>> 5] |= 1 << (c & 31);
    }
    // MISSING_CODE is the top bit of the last word: keep it out of the compact slots.
    seen[7] &= ~(1 << (MISSING_CODE & 31));
    let k = 0;
    for (let word = 0; word < 8; word++) {
      let bits = seen[word]!;
      seen[word] = 0;
      while (bits !== 0) {
        const low = bits & -bits;
        const c = (word << 5) | (31 - Math.clz32(low));
        slot[c] = k;
        present[k++] = c;
        bits ^= low;
      }
    }
    hist.fill(0, 0, k * CHANNELS);
    const mk = MISSING_CODE * CHANNELS;
    hist[mk] = 0;
    hist[mk + 1] = 0;
    hist[mk + 2] = 0;
    for (let i = start; i < end; i++) {
      const r = rows[i]!;
      const c = codes[r * nFeatures + f]!;
      const at = (c === MISSING_CODE ? MISSING_CODE : slot[c]!) * CHANNELS;
      hist[at + labels[r]!] += weight[r]!;
      hist[at + 2] += 1;
    }
    const before = best.feature;
    scanFeature(hist, 0, f, k, total0, total1, end - start, minLeaf, best);
    // A new best from this feature holds a compact slot; make it the code. (Each feature is scanned once per node.)
    if (best.feature === f && before !== f) best.bin = present[best.bin]!;
  }
}
