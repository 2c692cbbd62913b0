// Queries the warehouse (and model artifacts) into the plain ReportData the pages render; every missing stage output becomes a missing section.
import { CONFIG_DEFAULTS, type TrustlensConfig } from '../data/config/configSchema.ts';
import { BASELINE_SCENARIO } from '../data/vocabulary/scenarios.ts';
import type { Warehouse } from '../data/warehouse/Warehouse.ts';
import { MODEL_NAMES } from '../models/artifactSchema.ts';
import { loadArtifact } from './load/loadArtifacts.ts';
import { loadDrift, type DriftSource } from './load/loadDrift.ts';
import { loadCompensationTrend, loadMerchantOps } from './load/loadMerchantOps.ts';
import { loadPolicyImpact, loadRiskQueue } from './load/loadQueueAndSim.ts';
import { loadWeekly } from './load/loadWeekly.ts';
import { DEFAULT_REPORT_SETTINGS, reportSettings, type ReportData, type ReportSettings } from './reportData.ts';

export interface ReportDataOptions {
  trendWeeks: number;
  movers: number;
  reviewCapacity: number;
  artifactsDir: string;
  /** Scenario the others are compared with. */
  baseline?: string;
  /** Model-input columns per feature table (from the feature catalogue); drift falls back to every numeric column. */
  featureColumns?: { buyer?: readonly string[]; merchant?: readonly string[] };
  settings?: ReportSettings;
}

/** The options a run with `config` reports with. */
export function reportDataOptions(config: TrustlensConfig): ReportDataOptions {
  return {
    trendWeeks: config.report.trendWeeks,
    movers: config.report.movers,
    reviewCapacity: config.review.capacity,
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
    {
      subject: 'Merchant trust score',
      table: 'score_merchant_history',
      columns: ['trust', 'fulfilment', 'product_quality', 'after_sales', 'satisfaction'],
    },
  ];
  // Sequential on purpose: one DuckDB connection, and the queries are small.
  const settings = opts.settings ?? DEFAULT_REPORT_SETTINGS;
  const weekly = {
    ...(await loadWeekly(wh, asOf, { trendWeeks: opts.trendWeeks, movers: opts.movers })),
    compensation: await loadCompensationTrend(wh, asOf, Math.max(2, opts.trendWeeks)),
    settings,
  };
  const queue = await loadRiskQueue(wh, asOf, opts.reviewCapacity);
  const policy = await loadPolicyImpact(wh, asOf, opts.baseline ?? BASELINE_SCENARIO);
  const drift = [];
  for (const s of sources) {
    const d = await loadDrift(wh, asOf, s);
    if (d.rows !== null) drift.push(d);
  }
  const merchantOps = await loadMerchantOps(wh, asOf);
  return {
    asOf,
    weekly,
    queue,
    policy,
    merchantOps,
    modelCard: {
      asOf,
      settings,
      models: MODEL_NAMES.map((model) => ({ model, artifact: loadArtifact(opts.artifactsDir, model, asOf) })),
      drift,
    },
  };
}
