// Trains a forest: validates input, bins once, grows trees on this thread and worker threads, assembles in order.
import { rocAuc } from '../../metrics/index.ts';
import { binColumns } from './binning.ts';
import { toFeatureColumns, type FeatureInput } from '../columns.ts';
import { Forest } from '../forest.ts';
import { growInline, growInThreads } from './growInThreads.ts';
import type { TrainingData, TreeParams } from './growTree.ts';
import { resolveForestOptions, type ForestOptions } from './options.ts';
import { sharedCopy } from '../workers/sharedCopy.ts';

/**
 * Forests up to this many rows × trees grow on the calling thread alone whatever `threads` says. Below it a worker
 * costs about what it brings: it starts, compiles its hot loops, and slows the calling thread on a two-vCPU machine.
 * The break-even was measured on the bench task: see README, Measurements.
 */
export const MAX_INLINE_WORK = 2_000_000;

/**
 * Trains a random forest for a 0/1 label. Columns are Float32Array per feature (NaN = missing) or an Arrow Table.
 * The model depends only on data and options, never on `threads`.
 */
export async function trainForest(
  input: FeatureInput,
  labels: Uint8Array,
  options?: ForestOptions,
  /** Called after each tree is grown (trees done, total), for progress bars. */
  onTree?: (done: number, total: number) => void,
): Promise<Forest> {
  const { columns, names, nRows } = toFeatureColumns(input);
  if (!(labels instanceof Uint8Array)) throw new Error('trainForest: labels must be a Uint8Array of 0/1.');
  if (labels.length !== nRows) {
    throw new Error(`trainForest: ${labels.length} labels for ${nRows} rows. Fix: one label per row.`);
  }
  for (let i = 0; i < nRows; i++) {
    if (labels[i]! > 1) throw new Error(`trainForest: label at row ${i} is ${labels[i]}; labels must be 0 or 1.`);
  }
  if (nRows === 0) throw new Error('trainForest: no rows. Fix: train on at least one row.');
  const o = resolveForestOptions(options, columns.length, labels, names);

  const data = prepareTrainingData(columns, labels, o.maxBins, o.seed);
  const params: TreeParams = {
    seed: o.seed,
    maxDepth: o.maxDepth,
    minSamplesLeaf: o.minSamplesLeaf,
    maxFeatures: o.maxFeatures,
    classWeight: o.classWeight,
    sampleFraction: o.sampleFraction,
  };

  const { trees, oob } =
    o.threads <= 1 || nRows * o.nTrees <= MAX_INLINE_WORK
      ? growInline(data, params, o.nTrees, o.oob, onTree)
      : await growInThreads(data, params, o.nTrees, o.oob, o.threads, onTree);

  let oobScore: number | null = null;
  if (oob) {
    const p = oob.predictions();
    const rows: number[] = [];
    for (let r = 0; r < nRows; r++) if (p[r] === p[r]) rows.push(r);
    const auc = rocAuc(
      Uint8Array.from(rows, (r) => labels[r]!),
      Float64Array.from(rows, (r) => p[r]!),
    );
    oobScore = Number.isNaN(auc) ? null : auc;
  }
  const { threads: _threads, oob: _oob, featureNames, ...rest } = o;
  return new Forest({ nFeatures: columns.length, featureNames, params: rest, oobScore, trees });
}

/** Bins the columns once and puts codes and labels in shared memory, where every tree-growing thread reads them. */
export function prepareTrainingData(
  columns: readonly Float32Array[],
  labels: Uint8Array,
  maxBins: number,
  seed: number,
): TrainingData {
  const nRows = labels.length;
  const { edges, codes } = binColumns(columns, maxBins, seed);
  return {
    codes,
    labels: sharedCopy(labels),
    nRows,
    nFeatures: columns.length,
    nBins: Int32Array.from(edges, (e) => e.length + 1),
    edges,
  };
}
