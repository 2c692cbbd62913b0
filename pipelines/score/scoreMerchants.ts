// Scores every merchant of a feature snapshot: trust 0–100, tier, and (unless a replay-only week) component sub-scores
// and reasons.
import { Forest } from '../../models/forest/index.ts';
import { componentScores, type TrustComponent } from '../../models/score/componentScores.ts';
import type { MerchantTier } from '../../data/vocabulary/tiers.ts';
import { predictCalibrated } from '../../models/score/predictCalibrated.ts';
import type { ArtifactFile } from '../../models/registry/artifactFile.ts';
import { modelChoice, resolveModel } from '../../models/registry/resolveModel.ts';
import { merchantTierOf } from '../../models/score/merchantTierOf.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { UserError } from '../../data/validation/errors.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { loadFeatureColumns } from '../features/loadFeatureColumns.ts';
import { explainRows, featureEntries } from './explainRows.ts';
import { merchantsToExplain } from './merchantsToExplain.ts';
import { namedStandardReasons } from './namedStandardReasons.ts';
import type { Reason } from '../../models/explain/reasonSentences.ts';

export interface MerchantScore extends Record<TrustComponent, number | null> {
  merchant_id: string;
  trust: number;
  tier: MerchantTier;
  /** Empty, and the sub-scores null, in a replay-only week (no TreeSHAP). */
  reasons: string[];
}

export const INACTIVE_REASON = 'no orders in the last 90 days';
const MERCHANT_REASONS = 4;

/** Last week's tier of each merchant (none before the first scored week). */
export async function previousMerchantTiers(
  wh: Warehouse,
  asOf: string,
): Promise<Map<string, { tier: string; modelDate: string; asOf: string }>> {
  if (!(await wh.tableExists('score_merchant_history'))) return new Map();
  const rows = await wh.all(readSql(new URL('./sql/previous_merchant_tiers.sql', import.meta.url)), { as_of: asOf });
  return new Map(
    rows.map((r) => [
      String(r.merchant_id),
      { tier: String(r.tier), modelDate: String(r.model_date), asOf: String(r.as_of) },
    ]),
  );
}

/** Trust of every merchant of the snapshot under one artifact, without reasons (what another model would have said). */
export async function trustOf(
  wh: Warehouse,
  asOf: string,
  artifact: ArtifactFile,
  config: TrustlensConfig,
): Promise<Map<string, number>> {
  const snap = await loadFeatureColumns(wh, artifact.spec, asOf);
  if (snap.ids.length === 0) return new Map();
  const forest = Forest.fromJSON(artifact.forest);
  const { probability } = await predictCalibrated(
    forest,
    artifact,
    artifact.spec.features.map((f) => snap.columns.get(f)!),
    config.training.threads,
  );
  return new Map(snap.ids.map((id, i) => [id, 100 * (1 - probability[i]!)]));
}

export interface TierMove {
  merchant_id: string;
  previous_tier: string;
  tier: string;
  /**
   * model: last week's model would have kept the shop in its tier on this week's data, so the retrain moved it; data:
   * it moved either way.
   */
  cause: 'model' | 'data';
  previous_model_date: string;
}

/**
 * Which tier moves a retrain caused: each shop that changed tier is scored again with last week's model on this week's
 * data; when that keeps last week's tier, the move comes from the model change. Weeks without a model change: all data.
 */
export async function tierMoves(
  wh: Warehouse,
  asOf: string,
  merchants: readonly Pick<MerchantScore, 'merchant_id' | 'tier'>[],
  previous: ReadonlyMap<string, { tier: string; modelDate: string }>,
  artifact: ArtifactFile,
  config: TrustlensConfig,
): Promise<TierMove[]> {
  const moved = merchants.filter((m) => previous.has(m.merchant_id) && previous.get(m.merchant_id)!.tier !== m.tier);
  const models = [...new Set(moved.map((m) => previous.get(m.merchant_id)!.modelDate))].filter(
    (d) => d !== artifact.asOf,
  );
  const before = new Map<string, (id: string) => string | null>();
  for (const d of models) {
    // The model that scored last week (trained here or the starter); one no longer on disk leaves its moves to data.
    let old: ArtifactFile;
    try {
      old = resolveModel(modelChoice(config), 'merchant-trust', d).artifact;
    } catch (err) {
      if (err instanceof UserError) continue;
      throw err;
    }
    if (old.asOf !== d) continue;
    const trust = await trustOf(wh, asOf, old, config);
    const tierOf = merchantTierOf(config.tiers, old);
    before.set(d, (id) => (trust.has(id) ? tierOf(trust.get(id)!, previous.get(id)?.tier ?? null) : null));
  }
  return moved.map((m) => {
    const p = previous.get(m.merchant_id)!;
    const oldTier = before.get(p.modelDate)?.(m.merchant_id) ?? null;
    return {
      merchant_id: m.merchant_id,
      previous_tier: p.tier,
      tier: m.tier,
      cause: oldTier === p.tier ? 'model' : 'data',
      previous_model_date: p.modelDate,
    };
  });
}

export async function scoreMerchants(
  wh: Warehouse,
  asOf: string,
  artifact: ArtifactFile,
  config: TrustlensConfig,
  log: Logger,
  previous: ReadonlyMap<string, { tier: string }> = new Map(),
  /** False for a past week scored only for the replay and trends, which read trust and tier alone. */
  explain = true,
): Promise<MerchantScore[]> {
  const spec = artifact.spec;
  const forest = Forest.fromJSON(artifact.forest);
  const entries = featureEntries(spec.features, artifact.catalogue);
  // A feature standing for another per row (the worst standard) names that feature in an info column.
  const perRow = entries.flatMap((e, i) => (e.componentFrom ? [{ i, column: e.componentFrom }] : []));
  // Orders in the trust window decide activity whatever the model reads (a model trained elsewhere may not use
  // orders_90d).
  const snap = await loadFeatureColumns(wh, spec, asOf, {
    extra: ['f.orders_90d as orders_in_window', ...perRow.map((p) => `f.${quoteIdent(p.column)}`)],
  });
  if (snap.ids.length === 0) return [];
  const active = snap.extra[0]!.map((n) => Number(n) > 0);
  const columns = spec.features.map((f) => snap.columns.get(f)!);
  const { probability } = await predictCalibrated(forest, artifact, columns, config.training.threads);
  const tierOf = merchantTierOf(config.tiers, artifact);
  const trusts = snap.ids.map((_, i) => 100 * (1 - probability[i]!));
  const tiers = snap.ids.map((merchant_id, i) =>
    active[i] ? tierOf(trusts[i]!, previous.get(merchant_id)?.tier ?? null) : 'inactive',
  );
  const unexplained = (merchant_id: string, i: number): MerchantScore => {
    const none = { fulfilment: null, product_quality: null, after_sales: null, satisfaction: null };
    // An inactive shop's reasons would read "no data for …": its one fact is that it sold nothing.
    const reasons = explain && !active[i] ? [INACTIVE_REASON] : [];
    return { merchant_id, trust: trusts[i]!, tier: tiers[i]!, ...none, reasons };
  };
  if (!explain) return snap.ids.map(unexplained);
  const componentByFeature = new Map(entries.flatMap((e) => (e.component ? [[e.name, e.component]] : [])));
  // feature index → the column naming, per row, the feature it stands for
  const named = new Map(perRow.map((p, k) => [p.i, snap.extra[k + 1]!]));
  const standardOf = (i: number, row: number): unknown => named.get(i)?.[row];
  const rowComponents = (row: number): (string | undefined)[] =>
    entries.map((_, i) => {
      const standard = standardOf(i, row);
      return typeof standard === 'string' ? componentByFeature.get(standard) : undefined;
    });
  const sentences = namedStandardReasons(entries, spec.reasonTemplates);
  const reasonSentences = (reasons: readonly Reason[], row: number): string[] =>
    sentences(reasons, { standardOf: (i) => standardOf(i, row), valueOf: (j) => columns[j]![row]! });
  const { byRow } = await explainRows(
    forest,
    columns,
    merchantsToExplain(snap.ids, tiers, previous),
    entries,
    spec.reasonTemplates,
    spec.notReasons,
    spec.reasonOnlyWhen,
    log,
    'merchant reasons',
    config.training.threads,
    // a per-row feature's reason may cite a standard already among the reasons; spares keep four after the repeat goes
    MERCHANT_REASONS + perRow.length,
  );
  return snap.ids.map((merchant_id, i) => {
    const ex = byRow.get(i);
    if (!ex) return unexplained(merchant_id, i);
    const trust = trusts[i]!;
    return {
      merchant_id,
      trust,
      tier: tiers[i]!,
      ...componentScores(trust, ex.contributions, entries, rowComponents(i)),
      reasons: reasonSentences(ex.reasons, i).slice(0, MERCHANT_REASONS),
    };
  });
}
