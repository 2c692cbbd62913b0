// TreeSHAP over a whole forest: trees prepared once, one row loop shared by the inline path and the explain workers.
import { prepareShapTree, treeShap, TreeShapWorkspace, type ShapTree } from './treeShap.ts';
import type { FlatTree } from '../treeStore.ts';

export class ForestShap {
  private readonly trees: ShapTree[];
  private readonly ws: TreeShapWorkspace;
  private readonly scale: number;

  constructor(
    trees: readonly FlatTree[],
    readonly nFeatures: number,
  ) {
    this.trees = trees.map(prepareShapTree);
    this.ws = new TreeShapWorkspace(Math.max(0, ...this.trees.map((t) => t.depth)));
    this.scale = 1 / trees.length;
  }

  /**
   * Explains rows given as row-major feature values (nRows × nFeatures, NaN = missing) into `out` (same shape,
   * overwritten). Each row depends only on its own values, so any split of the rows gives bitwise the same result.
   */
  explainValues(values: Float64Array, out: Float64Array): void {
    const F = this.nFeatures;
    if (values.length % F !== 0 || out.length !== values.length) {
      throw new RangeError(`ForestShap: ${values.length} values and ${out.length} outputs for ${F} features.`);
    }
    out.fill(0);
    const { trees, ws, scale } = this;
    for (let r = 0; r < values.length / F; r++) {
      const x = values.subarray(r * F, (r + 1) * F);
      const phi = out.subarray(r * F, (r + 1) * F);
      for (const tree of trees) treeShap(tree, x, phi, ws, scale);
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
