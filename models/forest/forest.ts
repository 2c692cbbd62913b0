// The trained model: batch prediction, TreeSHAP explanations, importances and JSON persistence.
import { toFeatureColumns, type FeatureInput } from './columns.ts';
import { impurityImportance, permutationImportance, type ImportanceMetric, type PermutationOptions } from './importance.ts';
import { packForest, predictPacked, type PackedForest } from './predict.ts';
import { forestFromJSON, forestToJSON, type ForestJSON, type ForestParams, type ForestState } from './serialize.ts';
import { treeDepth, type FlatTree } from './treeStore.ts';
import { treeExpectedValue, treeShap, TreeShapWorkspace } from './treeShap.ts';

/** Additive explanation of one row: expected + sum(contributions) equals the predicted probability. */
export interface Explanation {
  /** Cover-weighted mean prediction of the forest (same for every row). */
  expected: number;
  /** One SHAP value per feature, in probability units. */
  contributions: Float64Array;
}

export class Forest {
  readonly nFeatures: number;
  readonly featureNames: readonly string[];
  readonly params: Readonly<ForestParams>;
  /** ROC-AUC of out-of-bag predictions on the training rows (null if not computed). */
  readonly oobScore: number | null;
  readonly trees: readonly FlatTree[];
  private packed: PackedForest | null = null;
  private expectedValue: number | null = null;
  private shapWorkspace: TreeShapWorkspace | null = null;

  constructor(state: ForestState) {
    this.nFeatures = state.nFeatures;
    this.featureNames = state.featureNames;
    this.params = state.params;
    this.oobScore = state.oobScore;
    this.trees = state.trees;
  }

  /** Class-1 probability per row: the mean of the trees' leaf probabilities. */
  predictProba(input: FeatureInput): Float64Array {
    const columns = this.columnsOf(input);
    const out = new Float64Array(columns[0]!.length);
    this.packed ??= packForest(this.trees);
    predictPacked(this.packed, columns, out);
    return out;
  }

  /** Exact path-dependent TreeSHAP of one row. */
  explain(input: FeatureInput, rowIndex: number): Explanation {
    const { expected, contributions } = this.explainRows(input, [rowIndex]);
    return { expected, contributions };
  }

  /** TreeSHAP for several rows; contributions are row-major (rows.length × nFeatures). */
  explainRows(input: FeatureInput, rowIndices: ArrayLike<number>): Explanation {
    const columns = this.columnsOf(input);
    const n = columns[0]!.length;
    const F = this.nFeatures;
    if (this.shapWorkspace === null) {
      this.shapWorkspace = new TreeShapWorkspace(Math.max(0, ...this.trees.map(treeDepth)));
    }
    const ws = this.shapWorkspace;
    const contributions = new Float64Array(rowIndices.length * F);
    const x = new Float64Array(F);
    const scale = 1 / this.trees.length;
    for (let r = 0; r < rowIndices.length; r++) {
      const row = rowIndices[r]!;
      if (!Number.isInteger(row) || row < 0 || row >= n) {
        throw new RangeError(`Forest.explain: row index ${row} is outside 0..${n - 1}.`);
      }
      for (let f = 0; f < F; f++) x[f] = columns[f]![row]!;
      const phi = contributions.subarray(r * F, (r + 1) * F);
      for (const tree of this.trees) treeShap(tree, x, phi, ws, scale);
    }
    return { expected: this.expected(), contributions };
  }

  /** Cover-weighted mean prediction (the SHAP base value). */
  expected(): number {
    if (this.expectedValue === null) {
      let s = 0;
      for (const t of this.trees) s += treeExpectedValue(t);
      this.expectedValue = s / this.trees.length;
    }
    return this.expectedValue;
  }

  /** Mean decrease in weighted Gini impurity per feature, summing to 1. */
  featureImportance(): Float64Array {
    return impurityImportance(this.trees, this.nFeatures);
  }

  /** Drop of `metric` (default ROC-AUC) when each column is shuffled; seeded, averaged over repeats. */
  permutationImportance(
    input: FeatureInput,
    labels: Uint8Array,
    metric: ImportanceMetric = 'rocAuc',
    options?: PermutationOptions,
  ): Float64Array {
    const columns = this.columnsOf(input);
    if (labels.length !== columns[0]!.length) {
      throw new Error(`Forest.permutationImportance: ${labels.length} labels for ${columns[0]!.length} rows. Fix: one label per row.`);
    }
    return permutationImportance((c) => this.predictProba(c), columns, labels, metric, { seed: this.params.seed, ...options });
  }

  toJSON(): ForestJSON {
    return forestToJSON({
      nFeatures: this.nFeatures,
      featureNames: [...this.featureNames],
      params: this.params,
      oobScore: this.oobScore,
      trees: [...this.trees],
    });
  }

  /** Accepts the object from toJSON() or its JSON text; rejects other formats and versions with the reason. */
  static fromJSON(json: ForestJSON | string | unknown): Forest {
    return new Forest(forestFromJSON(json));
  }

  /** Arrow tables are matched by column name when they carry every feature; typed columns by position. */
  private columnsOf(input: FeatureInput): Float32Array[] {
    const { columns: given, names } = toFeatureColumns(input);
    let columns = given;
    if (names && this.featureNames.every((n) => names.includes(n))) {
      columns = this.featureNames.map((n) => given[names.indexOf(n)]!);
    }
    if (columns.length !== this.nFeatures) {
      throw new Error(`Forest: input has ${columns.length} feature columns but the model was trained on ${this.nFeatures} (${this.featureNames.join(', ')}). Fix: pass the same columns in the same order.`);
    }
    return columns;
  }
}
