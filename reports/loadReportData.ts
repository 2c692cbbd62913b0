// Queries the warehouse (and model artifacts) into the plain ReportData the pages render; every missing stage output
// becomes a missing section.
import { CONFIG_DEFAULTS, type TrustlensConfig } from '../data/config/configSchema.ts';
import { BASELINE_SCENARIO } from '../data/vocabulary/scenarios.ts';
import type { Warehouse } from '../data/warehouse/Warehouse.ts';
import { MODEL_NAMES } from '../models/artifactSchema.ts';
import { loadArtifact, loadArtifactFile } from './load/loadArtifacts.ts';
import { loadScoredBy } from './load/loadScoredBy.ts';
import { loadPreviousScores } from './load/loadComparison.ts';
import { loadDrift, type DriftSource } from './load/loadDrift.ts';
import { loadCompensationTrend, loadMerchantOps } from './load/loadMerchantOps.ts';
import { loadPolicyImpact, loadRiskQueue } from './load/loadQueueAndSim.ts';
import { loadTrainingComparison } from './load/loadTrainingComparison.ts';
import { loadWeekly } from './load/loadWeekly.ts';
import type { ScoringAccess } from './load/scoringAccess.ts';
import {
  DEFAULT_REPORT_SETTINGS,
  reportSettings,
  type ReportData,
  type ReportSettings,
  type ScenarioInfo,
} from './reportData.ts';

export interface ReportDataOptions {
  trendWeeks: number;
  movers: number;
  /** Orders in the trust window a merchant needs, this week and last, to be a mover (config report.moverMinOrders). */
  moverMinOrders?: number;
  reviewCapacity: number;
  artifactsDir: string;
  /** Scenario the others are compared with. */
  baseline?: string;
  /** Model-input columns per feature table (from the feature catalogue); drift falls back to every numeric column. */
  featureColumns?: { buyer?: readonly string[]; merchant?: readonly string[] };
  settings?: ReportSettings;
  /**
   * Lets the report rescore last week with this week's models and explain movers; without it, published scores are
   * compared.
   */
  scoring?: ScoringAccess | null;
  /** The configured scenarios in words (from their policy files). */
  scenarios?: ScenarioInfo[];
  /** Weeks the simulate stage replays (config simulate.weeks). */
  simulateWeeks?: number;
}

/** The options a run with `config` reports with. */
export function reportDataOptions(config: TrustlensConfig): ReportDataOptions {
  return {
    trendWeeks: config.report.trendWeeks,
    movers: config.report.movers,
    moverMinOrders: config.report.moverMinOrders,
    reviewCapacity: config.review.capacity,
    simulateWeeks: config.simulate.weeks,
    artifactsDir: config.artifactsDir,
    baseline: BASELINE_SCENARIO,
    settings: reportSettings(config),
  };
}

export const DEFAULT_REPORT_OPTIONS: ReportDataOptions = reportDataOptions(CONFIG_DEFAULTS);

export async function loadReportData(
  wh: Warehouse,
  asOf: string,
  opts: ReportDataOptions = DEFAULT_REPORT_OPTIONS,
): Promise<ReportData> {
  const sources: DriftSource[] = [
    { subject: 'Buyer features', table: 'feat_buyer_history', columns: opts.featureColumns?.buyer },
    { subject: 'Merchant features', table: 'feat_merchant_history', columns: opts.featureColumns?.merchant },
    { subject: 'Buyer risk score', table: 'score_buyer_history', columns: ['risk'] },
    // Sub-scores are computed for the shops in watch or at-risk and the movers only (merchantsToExplain): their
    // distribution follows who is watched, not the data, so drift reads trust alone.
    { subject: 'Merchant trust score', table: 'score_merchant_history', columns: ['trust'] },
  ];
  // Sequential on purpose: one DuckDB connection, and the queries are small.
  const settings = opts.settings ?? DEFAULT_REPORT_SETTINGS;
  const scoring = opts.scoring ?? null;
  const previous = await loadPreviousScores(wh, asOf, settings, scoring);
  const { weekly: w, coverage } = await loadWeekly(
    wh,
    asOf,
    { trendWeeks: opts.trendWeeks, movers: opts.movers, moverMinOrders: opts.moverMinOrders ?? 20 },
    previous,
    scoring,
  );
  const weekly = { ...w, compensation: await loadCompensationTrend(wh, asOf, Math.max(2, opts.trendWeeks)) };
  const queue = await loadRiskQueue(wh, asOf, opts.reviewCapacity);
  const policy = await loadPolicyImpact(
    wh,
    asOf,
    opts.baseline ?? BASELINE_SCENARIO,
    opts.scenarios ?? [],
    opts.simulateWeeks ?? 12,
  );
  const drift = [];
  for (const s of sources) {
    const d = await loadDrift(wh, asOf, s);
    if (d.rows !== null) drift.push(d);
  }
  const scoredBy = await loadScoredBy(wh, asOf);
  // The card describes the model that scored the week: a starter or configured one is not in artifactsDir.
  const used = (model: string) => scoredBy?.find((m) => m.model === model && m.source !== 'trained')?.artifact;
  const models = [];
  for (const model of MODEL_NAMES) {
    const path = used(model);
    const artifact = path ? loadArtifactFile(path) : loadArtifact(opts.artifactsDir, model, asOf);
    const training = artifact.status === 'ok' ? await loadTrainingComparison(wh, asOf, artifact.summary) : null;
    models.push({
      model,
      artifact,
      training: typeof training === 'string' ? null : training,
      ...(typeof training === 'string' ? { trainingUnavailable: training } : {}),
    });
  }
  const merchantOps = await loadMerchantOps(wh, asOf);
  return {
    asOf,
    settings,
    coverage,
    weekly,
    queue,
    policy,
    merchantOps,
    ...(scoredBy ? { scoredBy } : {}),
    modelCard: { asOf, models, drift },
  };
}
