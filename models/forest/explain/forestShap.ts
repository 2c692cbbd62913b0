// TreeSHAP over a whole forest: trees prepared once, one row loop shared by the inline path and the explain workers.
import {
  FAST_SHAP_MAX_TABLE,
  FAST_SHAP_MAX_TOTAL,
  FastShapForest,
  prepareFastShapTree,
  type FastShapTree,
} from './fastTreeShap.ts';
import { prepareShapTree, treeShap, TreeShapWorkspace, type ShapTree } from './treeShap.ts';
import type { FlatTree } from '../treeStore.ts';

/** Rows the fast path walks tree by tree: their values and outputs stay in cache next to one tree's tables. */
const ROW_BLOCK = 64;

/**
 * A forest's trees ready to explain: the fast ones with their subset tables (in shared memory), the rest for
 * Algorithm 2. Explain workers get it as workerData: structured cloning copies the small per-node arrays and shares
 * the tables, so a forest's tables exist once however many threads explain with it.
 */
export interface PreparedShap {
  fast: FastShapTree[];
  slow: ShapTree[];
  nFeatures: number;
  /** 1 / the forest's tree count: every credit is pre-scaled by it. */
  scale: number;
}

/**
 * Each tree is explained by Fast TreeSHAP v2 when its subset tables fit the budgets (a depth-6 tree takes at most
 * 4,096 entries, a depth-10 one fitted on 300,000 rows about 120,000), otherwise by Algorithm 2. Both compute the same
 * path-dependent SHAP values; they differ only in float rounding.
 */
export class ForestShap {
  private readonly fast: FastShapForest;
  private readonly ws: TreeShapWorkspace;

  private constructor(readonly prepared: PreparedShap) {
    this.fast = new FastShapForest(prepared.fast);
    this.ws = new TreeShapWorkspace(Math.max(0, ...prepared.slow.map((t) => t.depth)));
  }

  /** Prepares every tree (tables first come, first served within `maxTotal`). */
  static of(
    trees: readonly FlatTree[],
    nFeatures: number,
    /** Table entries a tree may take for the fast path; 0 explains every tree with Algorithm 2. */
    maxTable = FAST_SHAP_MAX_TABLE,
    /** Table entries the whole forest may take: trees past it (in order) use Algorithm 2. */
    maxTotal = FAST_SHAP_MAX_TOTAL,
  ): ForestShap {
    const scale = 1 / trees.length;
    const fast: FastShapTree[] = [];
    const slow: ShapTree[] = [];
    let total = 0;
    for (const t of trees) {
      const room = Math.min(maxTable, maxTotal - total);
      const prepared = room <= 0 ? null : prepareFastShapTree(t, scale, room);
      if (prepared) {
        fast.push(prepared);
        total += prepared.table.length;
      } else slow.push(prepareShapTree(t));
    }
    return new ForestShap({ fast, slow, nFeatures, scale });
  }

  /** The forest another thread prepared (its `prepared`), without preparing anything again. */
  static fromPrepared(prepared: PreparedShap): ForestShap {
    return new ForestShap(prepared);
  }

  /**
   * Explains rows given as row-major feature values (nRows × nFeatures, NaN = missing) into `out` (same shape,
   * overwritten). Each row depends only on its own values, so any split of the rows gives bitwise the same result.
   */
  explainValues(values: Float64Array, out: Float64Array): void {
    const F = this.prepared.nFeatures;
    if (values.length % F !== 0 || out.length !== values.length) {
      throw new RangeError(`ForestShap: ${values.length} values and ${out.length} outputs for ${F} features.`);
    }
    out.fill(0);
    const { fast, ws } = this;
    const { slow, scale } = this.prepared;
    const nRows = values.length / F;
    for (let from = 0; from < nRows; from += ROW_BLOCK)
      fast.explainRows(values, out, F, from, Math.min(nRows, from + ROW_BLOCK));
    if (slow.length === 0) return;
    for (let r = 0; r < nRows; r++) {
      const x = values.subarray(r * F, (r + 1) * F);
      const phi = out.subarray(r * F, (r + 1) * F);
      for (const tree of slow) treeShap(tree, x, phi, ws, scale);
    }
  }
}

/** Row-major Float64 copy of the given rows' feature values; rejects indices outside the columns. */
export function gatherRows(columns: readonly Float32Array[], rowIndices: ArrayLike<number>, who: string): Float64Array {
  const F = columns.length;
  const n = columns[0]?.length ?? 0;
  const values = new Float64Array(rowIndices.length * F);
  for (let r = 0; r < rowIndices.length; r++) {
    const row = rowIndices[r]!;
    if (!Number.isInteger(row) || row < 0 || row >= n) {
      throw new RangeError(`${who}: row index ${row} is outside 0..${n - 1}.`);
    }
    for (let f = 0; f < F; f++) values[r * F + f] = columns[f]![row]!;
  }
  return values;
}
