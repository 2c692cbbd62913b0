// Bench child: trains and scores this engine on a bench file, printing one JSON result line.
import { rocAuc } from '../../metrics/index.ts';
import { MIN_PARALLEL_PREDICT_ROWS, trainForest } from '../index.ts';
import { bestPassSeconds } from './bestPass.ts';
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
const model = await trainForest(train, labels.subarray(0, nTrain), {
  nTrees,
  threads: Number(threadsArg ?? 2),
  seed: 1,
  oob: false,
});
const trainSeconds = (performance.now() - t0) / 1000;

const holdout = model.predictProba(test);
// Throughput on all rows (a holdout of 2,000 rows is too short to time), on as many threads as training used (as
// scikit-learn's n_jobs does for both). The warm-up batch has at least MIN_PARALLEL_PREDICT_ROWS rows (the file's rows
// repeated when it has fewer), so it starts the pooled prediction workers, as in a process that has predicted before:
// the timed passes, on the file's rows as they are, then measure the steady state of repeated batches.
const threads = Number(threadsArg ?? 2);
const warm =
  nRows >= MIN_PARALLEL_PREDICT_ROWS
    ? columns
    : columns.map((c) => {
        const w = new Float32Array(MIN_PARALLEL_PREDICT_ROWS);
        for (let at = 0; at < w.length; at += nRows) w.set(c.subarray(0, Math.min(nRows, w.length - at)), at);
        return w;
      });
const best = await bestPassSeconds(
  () => model.predictProbaAsync(columns, { threads }),
  () => model.predictProbaAsync(warm, { threads }),
);
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
