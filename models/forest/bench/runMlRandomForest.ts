// Bench child: trains and scores ml-random-forest (the reference, default split search) on a bench file.
import { RandomForestClassifier } from 'ml-random-forest';
import { rocAuc } from '../../metrics/index.ts';
import { readBenchFile, type ContenderResult } from './benchFile.ts';
import { bestPassSeconds } from './bestPass.ts';
import { voteShare } from './voteShare.ts';

const [path, nRowsArg, nFeaturesArg, nTrainArg, treesArg] = process.argv.slice(2);
const nRows = Number(nRowsArg);
const nTrain = Number(nTrainArg);
const nTrees = Number(treesArg ?? 15);
const { columns, labels } = readBenchFile(path!, nRows, Number(nFeaturesArg));
// It needs row arrays and cannot take NaN: missing becomes -999, as for scikit-learn.
const rows = (start: number, end: number) => {
  const out: number[][] = [];
  for (let i = start; i < end; i++) out.push(columns.map((c) => (Number.isNaN(c[i]!) ? -999 : c[i]!)));
  return out;
};
const t0 = performance.now();
// Defaults but gainThreshold: its default 0.01 is an absolute Gini gain, more than any split of this task's root (Gini
// 0.095 at 5 % positives) gains, so every tree stayed a single leaf (holdout AUC 0.5000). At 0 the trees grow as
// scikit-learn's and ours do.
const model = new RandomForestClassifier({
  seed: 1,
  nEstimators: nTrees,
  noOOB: true,
  treeOptions: { gainThreshold: 0 },
});
model.train(rows(0, nTrain), Array.from(labels.subarray(0, nTrain)));
const trainSeconds = (performance.now() - t0) / 1000;
const all = rows(0, nRows);
const holdout = voteShare(model, rows(nTrain, nRows));
// Rows are converted before the timing: the passes time prediction alone.
const predictSeconds = await bestPassSeconds(() => voteShare(model, all));
const result: ContenderResult = {
  contender: 'ml-random-forest 2.1.0',
  trees: nTrees,
  trainSeconds,
  predictRowsPerSecond: nRows / predictSeconds,
  holdoutAuc: rocAuc(labels.subarray(nTrain), holdout),
  peakRssMB: process.resourceUsage().maxRSS / 1024,
  modelMB: JSON.stringify(model.toJSON()).length / 1e6,
  note: 'hard votes; defaults (maxFeatures 1.0) but gainThreshold 0',
};
console.log(JSON.stringify(result));
