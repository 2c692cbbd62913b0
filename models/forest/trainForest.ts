// Trains a forest: validates input, bins once, grows trees in worker threads (or inline for one thread), assembles in order.
import { rocAuc } from '../metrics/index.ts';
import { binRowMajor, fitBinEdges } from './binning.ts';
import { toFeatureColumns, type FeatureInput } from './columns.ts';
import { Forest } from './forest.ts';
import { TreeGrower, type TrainingData, type TreeParams } from './growTree.ts';
import { OobAccumulator } from './oob.ts';
import { spawnForestWorker } from './spawnWorker.ts';
import { resolveForestOptions, type ForestOptions } from './options.ts';
import type { FlatTree } from './treeStore.ts';
import type { WorkerInit, WorkerReply, WorkerRequest } from './workerProtocol.ts';

/**
 * Forests up to this many rows × trees grow on the calling thread whatever `threads` says: a worker takes about 0.3 s
 * to start (tsx compiles the modules again in each), more than it saves on, say, 100 trees of 10,000 rows (about 1 s).
 */
export const MAX_INLINE_WORK = 1_500_000;

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

  const edges = fitBinEdges(columns, o.maxBins, o.seed);
  const codes = binRowMajor(columns, edges);
  const sharedLabels = new Uint8Array(new SharedArrayBuffer(Math.max(1, nRows)), 0, nRows);
  sharedLabels.set(labels);
  const data: TrainingData = {
    codes,
    labels: sharedLabels,
    nRows,
    nFeatures: columns.length,
    nBins: Int32Array.from(edges, (e) => e.length + 1),
    edges,
  };
  const params: TreeParams = {
    seed: o.seed,
    maxDepth: o.maxDepth,
    minSamplesLeaf: o.minSamplesLeaf,
    maxFeatures: o.maxFeatures,
    classWeight: o.classWeight,
    sampleFraction: o.sampleFraction,
  };

  const { trees, oob } = o.threads <= 1 || nRows * o.nTrees <= MAX_INLINE_WORK
    ? growInline(data, params, o.nTrees, o.oob, onTree)
    : await growInWorkers(data, params, o.nTrees, o.oob, o.threads, onTree);

  let oobScore: number | null = null;
  if (oob) {
    const p = oob.predictions();
    const rows: number[] = [];
    for (let r = 0; r < nRows; r++) if (p[r] === p[r]) rows.push(r);
    const auc = rocAuc(Uint8Array.from(rows, (r) => labels[r]!), Float64Array.from(rows, (r) => p[r]!));
    oobScore = Number.isNaN(auc) ? null : auc;
  }
  const { threads: _threads, oob: _oob, featureNames, ...rest } = o;
  return new Forest({ nFeatures: columns.length, featureNames, params: rest, oobScore, trees });
}

function growInline(data: TrainingData, params: TreeParams, nTrees: number, wantOob: boolean, onTree?: (done: number, total: number) => void) {
  const grower = new TreeGrower(data, params);
  const oob = wantOob ? new OobAccumulator(data.nRows) : null;
  const trees: FlatTree[] = [];
  for (let i = 0; i < nTrees; i++) {
    const tree = grower.grow(i);
    oob?.addTree(tree, data.codes, data.nFeatures, grower.inBagWeight);
    trees.push(tree);
    onTree?.(i + 1, nTrees);
  }
  return { trees, oob };
}

/** Workers pull tree indices from a shared queue; results land in their index slot, so order is by tree, not by finish time. */
async function growInWorkers(
  data: TrainingData,
  params: TreeParams,
  nTrees: number,
  wantOob: boolean,
  threads: number,
  onTree?: (done: number, total: number) => void,
) {
  const trees: (FlatTree | undefined)[] = new Array(nTrees);
  const oob = wantOob ? new OobAccumulator(data.nRows) : null;
  const init: WorkerInit = { data, params, oob: wantOob };
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => spawnForestWorker('trainWorker', init));
  try {
    await Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      const send = (m: WorkerRequest) => worker.postMessage(m);
      worker.on('message', (m: WorkerReply) => {
        if (m.kind === 'tree') {
          trees[m.index] = m.tree;
          onTree?.(++done, nTrees);
          if (next < nTrees) send({ kind: 'tree', index: next++ });
          else send({ kind: 'finish' });
        } else if (m.kind === 'finish') {
          if (oob && m.oobSum && m.oobCount) oob.merge(new OobAccumulator(data.nRows, m.oobSum, m.oobCount));
          resolve();
        } else {
          reject(new Error(`trainForest worker failed: ${m.message}\n${m.stack ?? ''}`));
        }
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (code !== 0) reject(new Error(`trainForest worker exited with code ${code}`));
      });
      if (next < nTrees) send({ kind: 'tree', index: next++ });
      else send({ kind: 'finish' });
    })));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return { trees: trees as FlatTree[], oob };
}
