// Fits one model on labelled snapshots: forest on training weeks, calibration and metrics on held-out weeks, rule
// baselines.
import { applyCalibrator } from '../calibration/calibrator.ts';
import type { ModelMetrics } from '../artifactSchema.ts';
import { ruleFlags, ruleProbabilities } from '../baselines/ruleFlags.ts';
import { trainForest, type Forest } from '../forest/index.ts';
import { scoreMetrics } from '../metrics/scoreMetrics.ts';
import { precisionRecallAtK } from '../metrics/precisionRecallAtK.ts';
import type { ArtifactFile } from '../registry/artifactFile.ts';
import { dataFingerprint } from '../registry/dataFingerprint.ts';
import type { ModelSpec } from '../specs/modelSpec.ts';
import type { CatalogueEntry } from '../specs/specCatalogue.ts';
import { crossFitCalibration } from './crossFitCalibration.ts';
import type { SnapshotPlan } from './planSnapshots.ts';
import { shapSummary } from './shapSummary.ts';
import { featureProfile } from './featureProfile.ts';
import { countPositives, rowUniform, selectSnapshots, takeRows, type TrainingData } from './trainingData.ts';

export interface FitOptions {
  spec: ModelSpec;
  asOf: string;
  plan: SnapshotPlan;
  /** Catalogue entries of every column in data.columns that the spec reads (specCatalogue). */
  catalogue: CatalogueEntry[];
  k: number;
  seed: number;
  nTrees: number;
  threads: number;
  /** Cap on fitted rows: all positives stay, negatives are sampled down to it (no cap when absent). */
  maxRows?: number;
  trustlensVersion: string;
  /** Progress lines (e.g. Logger.detail). */
  note?: (message: string) => void;
  /** Trees grown so far, for a progress bar (e.g. Logger.progress). */
  onTree?: (done: number, total: number) => void;
}

export interface FittedModel {
  artifact: ArtifactFile;
  forest: Forest;
  /** Probabilities of the held-out rows from the shipped forest and calibration (what scoring would give them). */
  validationProbability: Float64Array;
}

export async function fitModel(data: TrainingData, o: FitOptions): Promise<FittedModel> {
  const { spec } = o;
  const note = o.note ?? (() => {});
  const train = selectSnapshots(data, o.plan.training);
  const valid = selectSnapshots(data, o.plan.validation);
  const problems: string[] = [];
  if (countPositives(train.labels) === 0)
    problems.push(`no positive labels in the training snapshots ${o.plan.training[0]} … ${o.plan.training.at(-1)}`);
  if (countPositives(valid.labels) === 0)
    problems.push(`no positive labels in the held-out snapshots ${o.plan.validation.join(', ')}`);
  if (problems.length > 0) {
    throw new Error(
      `${spec.name}: ${problems.join('; ')}. Labels arrive late: train as of a later date, or widen training.snapshotWeeks.`,
    );
  }

  const fitted = sampleNegatives(train, negativeRate(train, spec.negativeSampleRate, o.maxRows), o.seed);
  const forestOptions = {
    ...spec.forest,
    nTrees: o.nTrees,
    seed: o.seed,
    threads: o.threads,
    featureNames: [...spec.features],
  };
  note(
    `${spec.name}: fitting ${o.nTrees} trees on ${fitted.ids.length} rows (${countPositives(fitted.labels)} positives)`,
  );
  let forest = await trainForest(featureColumns(fitted, spec), fitted.labels, forestOptions, o.onTree);

  const validCols = featureColumns(valid, spec);
  const raw = forest.predictProba(validCols);
  const cal = crossFitCalibration(spec.calibration, raw, valid.labels, valid.snapshotIndex);
  const metrics = scoreMetrics({
    labels: valid.labels,
    scores: raw,
    probabilities: cal.outOfFold,
    groups: valid.snapshotIndex,
    k: o.k,
  });
  const baselines = spec.baselines.map((rule) => {
    const trainFlags = ruleFlags(rule, train.columns, train.ids.length);
    const flags = ruleFlags(rule, valid.columns, valid.ids.length);
    const probabilities = ruleProbabilities(trainFlags, train.labels, flags);
    const m: ModelMetrics = scoreMetrics({
      labels: valid.labels,
      scores: Float64Array.from(flags),
      probabilities,
      groups: valid.snapshotIndex,
      k: o.k,
    });
    return { name: rule.name, description: rule.description, metrics: m };
  });
  const shap = await shapSummary(forest, validCols, spec.features, o.threads);

  let fittedSnapshots = o.plan.training;
  let fittedRows = fitted;
  if (spec.refitOnAllSnapshots) {
    fittedSnapshots = [...o.plan.training, ...o.plan.validation];
    const all = selectSnapshots(data, fittedSnapshots);
    fittedRows = sampleNegatives(all, negativeRate(all, spec.negativeSampleRate, o.maxRows), o.seed);
    note(`${spec.name}: refitting on ${fittedRows.ids.length} rows of all snapshots`);
    forest = await trainForest(featureColumns(fittedRows, spec), fittedRows.labels, forestOptions, o.onTree);
  }

  const importance = forest.featureImportance();
  const features = o.catalogue.filter((c) => spec.features.includes(c.name));
  const artifact: ArtifactFile = {
    formatVersion: 1,
    model: spec.name,
    asOf: o.asOf,
    trustlensVersion: o.trustlensVersion,
    labelDefinition: spec.labelDefinition,
    trainingWindow: { from: o.plan.training[0]!, to: o.plan.training.at(-1)!, snapshots: o.plan.training },
    validationWindow: { from: o.plan.validation[0]!, to: o.plan.validation.at(-1)!, snapshots: o.plan.validation },
    dataFingerprint: dataFingerprint({
      featureNames: [...data.columns.keys()],
      snapshots: data.snapshots,
      ids: data.ids,
      snapshotIndex: data.snapshotIndex,
      labels: data.labels,
      columns: [...data.columns.values()],
    }),
    features: features.map(({ name, description, unit, window }) => ({ name, description, unit, window })),
    metrics,
    baselines,
    featureImportance: spec.features
      .map((feature, f) => ({ feature, importance: importance[f]! }))
      .sort((a, b) => b.importance - a.importance || a.feature.localeCompare(b.feature)),
    shapSummary: shap,
    trainingProfile: featureProfile(train, spec.features, o.asOf),
    spec,
    catalogue: o.catalogue,
    calibration: cal.calibrator,
    training: {
      seed: o.seed,
      nTrees: o.nTrees,
      fitted: { rows: fittedRows.ids.length, positives: countPositives(fittedRows.labels), snapshots: fittedSnapshots },
      trainingSnapshots: { rows: train.ids.length, positives: countPositives(train.labels) },
      validationSnapshots: { rows: valid.ids.length, positives: countPositives(valid.labels) },
      perValidationSnapshot: perSnapshot(valid, raw, o.k),
      oobRocAuc: forest.oobScore,
      calibrationNote:
        cal.note +
        (spec.refitOnAllSnapshots
          ? ' The shipped forest was then refit on all snapshots and uses the same map.'
          : ' The shipped forest is the validated one (no refit), so the map and metrics describe exactly the model that scores.'),
    },
    forest: forest.toJSON() as unknown as Record<string, unknown>,
  };
  return {
    artifact,
    forest,
    validationProbability: applyCalibrator(
      cal.calibrator,
      spec.refitOnAllSnapshots ? forest.predictProba(validCols) : raw,
    ),
  };
}

export function featureColumns(data: TrainingData, spec: ModelSpec): Float32Array[] {
  return spec.features.map((f) => {
    const col = data.columns.get(f);
    if (!col) throw new Error(`${spec.name}: feature column ${f} was not loaded`);
    return col;
  });
}

/**
 * The spec's negative sampling rate, lowered so the expected fitted rows stay within maxRows. Forest training time
 * grows
 * with rows while the positives carry the signal; calibration is fitted on unsampled held-out rows, so probabilities
 * stay honest.
 */
export function negativeRate(data: TrainingData, specRate: number, maxRows: number | undefined): number {
  const positives = countPositives(data.labels);
  const negatives = data.ids.length - positives;
  if (maxRows === undefined || negatives === 0) return specRate;
  // At least as many negatives as positives, so a cap below the positive count still leaves two classes.
  return Math.min(specRate, Math.max(positives, maxRows - positives) / negatives);
}

function sampleNegatives(data: TrainingData, rate: number, seed: number): TrainingData {
  if (rate >= 1) return data;
  const rows: number[] = [];
  for (let i = 0; i < data.ids.length; i++) {
    if (data.labels[i] || rowUniform(seed, data.snapshots[data.snapshotIndex[i]!]!, data.ids[i]!) < rate) rows.push(i);
  }
  return takeRows(data, rows);
}

function perSnapshot(valid: TrainingData, raw: Float64Array, k: number) {
  const weeks = [...new Set(valid.snapshotIndex)].sort((a, b) => a - b);
  return weeks.map((w) => {
    const rows: number[] = [];
    for (let i = 0; i < valid.ids.length; i++) if (valid.snapshotIndex[i] === w) rows.push(i);
    const labels = Uint8Array.from(rows, (i) => valid.labels[i]!);
    const p = precisionRecallAtK(
      labels,
      Float64Array.from(rows, (i) => raw[i]!),
      k,
    ).precision;
    return {
      asOf: valid.snapshots[w]!,
      rows: rows.length,
      positives: countPositives(labels),
      precisionAtK: Number.isFinite(p) ? p : null,
    };
  });
}
