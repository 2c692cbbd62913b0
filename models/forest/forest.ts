// The trained model: batch prediction, TreeSHAP explanations, importances and JSON persistence.
import { availableParallelism } from 'node:os';
import { toFeatureColumns, type FeatureInput } from './columns.ts';
import { explainInWorkers } from './explain/explainParallel.ts';
import { ForestShap, gatherRows } from './explain/forestShap.ts';
import {
  impurityImportance,
  permutationImportance,
  type ImportanceMetric,
  type PermutationOptions,
} from './train/importance.ts';
import { packForest, predictPacked, type PackedForest } from './predict/predict.ts';
import { isShared, predictInWorkers } from './predict/predictParallel.ts';
import { forestFromJSON, forestToJSON, type ForestJSON, type ForestParams, type ForestState } from './serialize.ts';
import type { FlatTree } from './treeStore.ts';
import { treeExpectedValue } from './explain/treeShap.ts';

/** Additive explanation of one row: expected + sum(contributions) equals the predicted probability. */
export interface Explanation {
  /** Cover-weighted mean prediction of the forest (same for every row). */
  expected: number;
  /** One SHAP value per feature, in probability units. */
  contributions: Float64Array;
}

export interface ExplainOptions {
  /** Worker threads (default: available parallelism). Results never depend on it. */
  threads?: number;
}

/**
 * explainRowsAsync computes inline below this many rows, or below this many node visits (rows × nodes in the forest):
 * starting the explain workers costs more than smaller batches take inline. See README, Measurements.
 */
export const MIN_PARALLEL_EXPLAIN_ROWS = 50;
export const MIN_PARALLEL_EXPLAIN_NODE_VISITS = 5_000_000;

export interface PredictOptions {
  /** Threads, the calling one included (default: available parallelism). Results never depend on it. */
  threads?: number;
}

/**
 * From this many rows predictProbaAsync starts workers when fewer than `threads - 1` are idle in the pool: below it a
 * new worker's start-up costs more than its share of the batch saves. See README, Measurements.
 */
export const MIN_PARALLEL_PREDICT_ROWS = 100_000;
/**
 * From this many rows (and below MIN_PARALLEL_PREDICT_ROWS) predictProbaAsync takes the workers idle in the pool, if
 * any, when the columns already live in SharedArrayBuffers; from MIN_POOLED_COPIED_ROWS also when they must first be
 * copied there, which costs about what a pooled worker saves on smaller batches. Smaller batches run inline: handing
 * them to a worker gains nothing. See README, Measurements.
 */
export const MIN_POOLED_PREDICT_ROWS = 8_192;
export const MIN_POOLED_COPIED_ROWS = 50_000;

/**
 * The `threads` option of an async method, defaulting to the machine's parallelism; rejects anything but a positive
 * integer.
 */
function threadCount(threads: number | undefined, method: string): number {
  const n = threads ?? availableParallelism();
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`${method}: threads must be a positive integer, got ${n}.`);
  return n;
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
  private shap: ForestShap | null = null;

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
    predictPacked(this.packedForest(), columns, out);
    return out;
  }

  /**
   * predictProba split across threads: bitwise the same values for any `threads`. With threads = 1, or below
   * MIN_POOLED_PREDICT_ROWS rows, it runs inline; below MIN_PARALLEL_PREDICT_ROWS, only workers idle in the pool help,
   * and below MIN_POOLED_COPIED_ROWS only with columns in SharedArrayBuffers. Columns are copied into shared memory
   * for the workers, except columns that already live in a SharedArrayBuffer: those are read in place, so do not
   * write to them until the promise settles. The workers stay in a pool for the next batch (see
   * predict/predictPool.ts).
   */
  async predictProbaAsync(input: FeatureInput, options: PredictOptions = {}): Promise<Float64Array> {
    const threads = threadCount(options.threads, 'Forest.predictProbaAsync');
    const columns = this.columnsOf(input);
    const n = columns[0]!.length;
    const pooled = n >= MIN_POOLED_PREDICT_ROWS && (n >= MIN_POOLED_COPIED_ROWS || columns.every(isShared));
    if (threads === 1 || !pooled) return this.predictProba(columns);
    return predictInWorkers(this.packedForest(), columns, threads, { startWorkers: n >= MIN_PARALLEL_PREDICT_ROWS });
  }

  /** Exact path-dependent TreeSHAP of one row. */
  explain(input: FeatureInput, rowIndex: number): Explanation {
    const { expected, contributions } = this.explainRows(input, [rowIndex]);
    return { expected, contributions };
  }

  /** TreeSHAP for several rows; contributions are row-major (rows.length × nFeatures). */
  explainRows(input: FeatureInput, rowIndices: ArrayLike<number>): Explanation {
    const values = gatherRows(this.columnsOf(input), rowIndices, 'Forest.explain');
    return { expected: this.expected(), contributions: this.explainValues(values) };
  }

  /**
   * explainRows split across worker threads; bitwise the same contributions as explainRows for any `threads`.
   * With threads = 1, or a batch below MIN_PARALLEL_EXPLAIN_ROWS / MIN_PARALLEL_EXPLAIN_NODE_VISITS, it runs inline.
   */
  async explainRowsAsync(
    input: FeatureInput,
    rowIndices: ArrayLike<number>,
    options: ExplainOptions = {},
  ): Promise<Explanation> {
    const threads = threadCount(options.threads, 'Forest.explainRowsAsync');
    const values = gatherRows(this.columnsOf(input), rowIndices, 'Forest.explain');
    const nRows = rowIndices.length;
    const nodes = this.trees.reduce((s, t) => s + t.nodeCount, 0);
    const useThreads = Math.min(threads, Math.floor(nRows / 8));
    const inline =
      useThreads <= 1 || nRows < MIN_PARALLEL_EXPLAIN_ROWS || nRows * nodes < MIN_PARALLEL_EXPLAIN_NODE_VISITS;
    const contributions = inline
      ? this.explainValues(values)
      : await explainInWorkers(this.forestShap().prepared, values, useThreads);
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
      throw new Error(
        `Forest.permutationImportance: ${labels.length} labels for ${columns[0]!.length} rows. Fix: one label per row.`,
      );
    }
    return permutationImportance((c) => this.predictProba(c), columns, labels, metric, {
      seed: this.params.seed,
      ...options,
    });
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

  /** The trees packed for prediction, built on first use. */
  private packedForest(): PackedForest {
    this.packed ??= packForest(this.trees, this.nFeatures);
    return this.packed;
  }

  /** The trees prepared for TreeSHAP once per forest: inline calls and every worker batch share them. */
  private forestShap(): ForestShap {
    this.shap ??= ForestShap.of(this.trees, this.nFeatures);
    return this.shap;
  }

  /** Inline TreeSHAP of row-major feature values (the same row loop the explain workers run). */
  private explainValues(values: Float64Array): Float64Array {
    const contributions = new Float64Array(values.length);
    this.forestShap().explainValues(values, contributions);
    return contributions;
  }

  /** Arrow tables are matched by column name when they carry every feature; typed columns by position. */
  private columnsOf(input: FeatureInput): Float32Array[] {
    const { columns: given, names } = toFeatureColumns(input);
    let columns = given;
    if (names && this.featureNames.every((n) => names.includes(n))) {
      columns = this.featureNames.map((n) => given[names.indexOf(n)]!);
    }
    if (columns.length !== this.nFeatures) {
      throw new Error(
        `Forest: input has ${columns.length} feature columns but the model was trained on ${this.nFeatures} (${this.featureNames.join(', ')}). Fix: pass the same columns in the same order.`,
      );
    }
    return columns;
  }
}
