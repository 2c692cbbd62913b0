// The train stage: for each model, plan snapshots, build missing features, load labelled rows, fit, and write the
// artifact.
import { MODEL_NAMES, type ModelName } from '../../models/artifactSchema.ts';
import { publishArtifacts, recoverArtifacts } from '../../models/registry/publishArtifacts.ts';
import type { ArtifactFile } from '../../models/registry/artifactFile.ts';
import { trustlensVersion } from '../../models/registry/trustlensVersion.ts';
import { MODEL_SPECS, type ModelSpec } from '../../models/specs/index.ts';
import { featureCatalog } from '../features/featureCatalog.ts';
import { specCatalogue } from '../../models/specs/specCatalogue.ts';
import { fitModel } from '../../models/train/fitModel.ts';
import { percentileTable, quantileThresholds } from '../../models/score/quantileTiers.ts';
import type { SnapshotPlan } from '../../models/train/planSnapshots.ts';
import type { TrainingData } from '../../models/train/trainingData.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { ensureFeatureSnapshots, type SnapshotNeed } from '../features/ensureFeatureSnapshots.ts';
import { historyTable } from '../features/loadFeatureColumns.ts';
import { loadTrainingData } from './loadTrainingData.ts';
import { sourceRows } from '../../data/warehouse/sourceRows.ts';
import { labelShortfall, snapshotShortfall } from './labelReadiness.ts';
import { NotEnoughLabels } from './notEnoughLabels.ts';
import { snapshotWeeks } from './snapshotWeeks.ts';
import { labelSettings } from './labelSettings.ts';
import { snapshotPlan } from './snapshotPlan.ts';
import { UserError } from '../../data/validation/errors.ts';

export interface TrainOptions {
  models?: readonly ModelName[];
  /** Rebuild feature snapshots even if history has them (after re-ingesting data). */
  rebuildFeatures?: boolean;
  /** Overrides MODEL_SPECS (tests). */
  specs?: Partial<Record<ModelName, ModelSpec>>;
  /**
   * A model whose labels cannot train it yet is passed here and skipped (the weekly run then scores with an older model
   * or the starter). Without it, train stops with the explanation (exit 2) before building anything.
   */
  onShortfall?: (shortfall: NotEnoughLabels) => void;
  /**
   * Rewrites the labelled rows before fitting (the starter models add copies with sources masked, see
   * pipelines/train/starter).
   */
  augment?: (spec: ModelSpec, data: TrainingData) => TrainingData;
  /**
   * Snapshots a later training will read, built in the same pass as this training's (a first run's warm-up builds the
   * week's training dates that no replayed score can change, rather than a second, smaller pass after the replay).
   */
  alsoBuild?: readonly SnapshotNeed[];
}

export interface TrainedModel {
  artifact: ArtifactFile;
  path: string;
}

/** The feature snapshots a model trained as of `asOf` reads: its training and held-out dates, in its history table. */
export function snapshotNeed(spec: ModelSpec, asOf: string, config: TrustlensConfig, weeks?: number): SnapshotNeed {
  const plan = snapshotPlan(spec, asOf, config, weeks);
  return { table: historyTable(spec), dates: [...plan.training, ...plan.validation] };
}

export async function trainModels(
  wh: Warehouse,
  asOf: string,
  config: TrustlensConfig,
  log: Logger,
  options: TrainOptions = {},
): Promise<TrainedModel[]> {
  recoverArtifacts(config.artifactsDir);
  const requested = (options.models ?? MODEL_NAMES).map((n) => options.specs?.[n] ?? MODEL_SPECS[n]);
  // Labels first: two counts say whether a model can learn at all, before any feature snapshot is built.
  const weeks = new Map<ModelName, number>();
  for (const spec of requested) weeks.set(spec.name, await snapshotWeeks(wh, spec, asOf, config));
  const shortfalls: NotEnoughLabels[] = [];
  for (const spec of requested) {
    const why = await labelShortfall(wh, spec, asOf, snapshotPlan(spec, asOf, config, weeks.get(spec.name)), config);
    if (why !== null) shortfalls.push(new NotEnoughLabels(spec.name, why));
  }
  if (shortfalls.length && !options.onShortfall) throw shortfallError(shortfalls);
  for (const s of shortfalls) options.onShortfall?.(s);
  const specs = requested.filter((spec) => !shortfalls.some((s) => s.model === spec.name));
  const plans = specs.map((spec) => snapshotPlan(spec, asOf, config, weeks.get(spec.name)));
  const catalogues = specs.map((spec) => specCatalogue(spec, featureCatalog()[spec.featureTable].columns));
  const needs = [
    ...specs.map((spec) => snapshotNeed(spec, asOf, config, weeks.get(spec.name))),
    ...(options.alsoBuild ?? []),
  ];
  const built = await log.step('feature snapshots', () =>
    ensureFeatureSnapshots(wh, needs, log, options.rebuildFeatures),
  );
  if (built.length) log.detail(`built feature snapshots ${built.join(', ')}`);
  const artifacts: ArtifactFile[] = [];
  for (const [i, spec] of specs.entries()) {
    const plan = plans[i]!;
    const trained = await log.step(`train ${spec.name} as of ${asOf}`, async () => {
      const loaded = await loadTrainingData(wh, spec, [...plan.training, ...plan.validation], {
        asOf,
        horizonDays: labelSettings(spec, config).horizonDays,
      });
      const data = options.augment ? options.augment(spec, loaded) : loaded;
      const short = positivesShortfall(spec, asOf, plan, config, data.labels, data.snapshotIndex);
      if (short) {
        if (!options.onShortfall) throw short;
        options.onShortfall(short);
        return null;
      }
      const { artifact, validationProbability } = await fitModel(data, {
        spec,
        asOf,
        plan,
        catalogue: catalogues[i]!,
        k: spec.k === 'review-capacity' ? config.review.capacity : spec.k,
        seed: config.training.seed,
        nTrees: spec.nTrees ?? config.training.nTrees,
        threads: config.training.threads,
        maxRows: config.training.maxRows,
        trustlensVersion: trustlensVersion(),
        note: (m) => log.detail(m),
        onTree: (done, total) => log.progress(`${spec.name} trees`, done, total),
      });
      if (spec.entity === 'merchant' && config.tiers.merchantBy === 'quantile') {
        const t = config.tiers;
        const shares = {
          atRisk: t.merchantAtRiskShare,
          watch: t.merchantWatchShare,
          standard: t.merchantStandardShare,
        };
        const trust = validationProbability.map((p) => 100 * (1 - p));
        artifact.tiers = {
          by: 'quantile',
          shares,
          thresholds: quantileThresholds(trust, shares),
          percentiles: percentileTable(trust),
          rows: trust.length,
        };
      }
      // The model card compares each scored week's sources with these (a table present at training and absent now).
      if (artifact.trainingProfile) artifact.trainingProfile.sources = await sourceRows(wh, asOf);
      return artifact;
    });
    if (trained !== null) artifacts.push(trained);
  }
  // Published together, once every model is trained: a kill mid-training leaves last run's artifacts, all of them.
  const paths = publishArtifacts(config.artifactsDir, artifacts);
  for (const a of artifacts) logSummary(a, log);
  return artifacts.map((artifact, i) => ({ artifact, path: paths[i]! }));
}

function shortfallError(shortfalls: NotEnoughLabels[]): UserError {
  const fix =
    'train later as labels arrive; meanwhile `trustlens run` scores with the starter models (config models.useStarter)';
  return shortfalls.length === 1
    ? new NotEnoughLabels(shortfalls[0]!.model, `${shortfalls[0]!.explanation}; ${fix}`)
    : new UserError(`${shortfalls.map((s) => s.message).join('\n')}\n(${fix})`);
}

/** NotEnoughLabels when the loaded snapshots hold no positive in training or in validation. */
function positivesShortfall(
  spec: ModelSpec,
  asOf: string,
  plan: SnapshotPlan,
  config: TrustlensConfig,
  labels: Uint8Array,
  snapshotIndex: Int32Array,
): NotEnoughLabels | null {
  let train = 0;
  let valid = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue;
    if (snapshotIndex[i]! < plan.training.length) train++;
    else valid++;
  }
  const why = snapshotShortfall(spec, asOf, plan, config, train, valid);
  return why === null ? null : new NotEnoughLabels(spec.name, why);
}

function logSummary(a: ArtifactFile, log: Logger): void {
  const f = (x: number | null, d = 3) => (x === null ? '–' : x.toFixed(d));
  const m = a.metrics;
  log.info(
    `${a.model}: held-out ${a.validationWindow.from}…${a.validationWindow.to}, ${m.rows} rows / ${m.positives} positives — ` +
      `ROC-AUC ${f(m.rocAuc)}, PR-AUC ${f(m.prAuc)}, precision@${m.k} ${f(m.precisionAtK)}, recall@${m.k} ${f(m.recallAtK)}, Brier ${f(m.brier, 4)}`,
  );
  for (const b of a.baselines) {
    log.info(
      `  baseline ${b.name}: ROC-AUC ${f(b.metrics.rocAuc)}, PR-AUC ${f(b.metrics.prAuc)}, precision@${b.metrics.k} ${f(b.metrics.precisionAtK)}`,
    );
  }
}
