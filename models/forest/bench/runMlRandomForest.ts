// Bench child: trains and scores ml-random-forest (the reference, default split search) on a bench file.
import { RandomForestClassifier } from 'ml-random-forest';
import { rocAuc } from '../../metrics/index.ts';
import { readBenchFile, type ContenderResult } from './benchFile.ts';
import { bestPassSeconds } from './bestPass.ts';

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
const model = new RandomForestClassifier({ seed: 1, nEstimators: nTrees, noOOB: true });
model.train(rows(0, nTrain), Array.from(labels.subarray(0, nTrain)));
const trainSeconds = (performance.now() - t0) / 1000;
const all = rows(0, nRows);
const holdout = model.predictProbability(rows(nTrain, nRows), 1);
// Rows are converted before the timing: the passes time prediction alone.
const predictSeconds = await bestPassSeconds(() => model.predictProbability(all, 1));
const result: ContenderResult = {
  contender: 'ml-random-forest 2.1.0',
  trees: nTrees,
  trainSeconds,
  predictRowsPerSecond: nRows / predictSeconds,
  holdoutAuc: rocAuc(labels.subarray(nTrain), Float64Array.from(holdout)),
  peakRssMB: process.resourceUsage().maxRSS / 1024,
  modelMB: JSON.stringify(model.toJSON()).length / 1e6,
  note: 'hard votes; defaults (maxFeatures 1.0)',
};
console.log(JSON.stringify(result));
