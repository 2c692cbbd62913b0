// Bench child: trains and scores this engine on a bench file, printing one JSON result line.
import { rocAuc } from '../../metrics/index.ts';
import { trainForest } from '../index.ts';
import { readBenchFile, type ContenderResult } from './benchFile.ts';

const [path, nRowsArg, nFeaturesArg, nTrainArg, treesArg, threadsArg] = process.argv.slice(2);
const nRows = Number(nRowsArg);
const nTrain = Number(nTrainArg);
const nTrees = Number(treesArg ?? 100);
const { columns, labels } = readBenchFile(path!, nRows, Number(nFeaturesArg));
const train = columns.map((c) => c.subarray(0, nTrain));
const test = columns.map((c) => c.subarray(nTrain));

const t0 = performance.now();
// No out-of-bag scoring: neither contender does it (ml-random-forest runs with noOOB, scikit-learn's oob_score is off).
const model = await trainForest(train, labels.subarray(0, nTrain), { nTrees, threads: Number(threadsArg ?? 2), seed: 1, oob: false });
const trainSeconds = (performance.now() - t0) / 1000;

const holdout = model.predictProba(test);
// Throughput on all rows (a holdout of 2,000 rows is too short to time), on as many threads as training used (as
// scikit-learn's n_jobs does for both); best of two passes after a warm-up, each pass starting its workers anew.
const threads = Number(threadsArg ?? 2);
await model.predictProbaAsync(columns.map((c) => c.subarray(0, Math.min(nRows, 200_000))), { threads });
let best = Infinity;
for (let rep = 0; rep < 2; rep++) {
  const t1 = performance.now();
  await model.predictProbaAsync(columns, { threads });
  best = Math.min(best, (performance.now() - t1) / 1000);
}
const result: ContenderResult = {
  contender: 'trustlens forest',
  trees: nTrees,
  trainSeconds,
  predictRowsPerSecond: nRows / best,
  holdoutAuc: rocAuc(labels.subarray(nTrain), holdout),
  peakRssMB: process.resourceUsage().maxRSS / 1024,
  modelMB: JSON.stringify(model.toJSON()).length / 1e6,
  note: 'no OOB scoring, as the others',
};
console.log(JSON.stringify(result));
