// Scores every merchant of a feature snapshot: trust 0–100, tier, component sub-scores and reasons.
import { Forest } from '../../models/forest/index.ts';
import { componentScores, type TrustComponent } from '../../models/score/componentScores.ts';
import { merchantTier, type MerchantTier } from '../../data/vocabulary/tiers.ts';
import { predictCalibrated } from '../../models/score/predictCalibrated.ts';
import type { ArtifactFile } from '../../models/registry/artifactFile.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { loadFeatureColumns } from '../features/loadFeatureColumns.ts';
import { explainRows, featureEntries } from './explainRows.ts';

export interface MerchantScore extends Record<TrustComponent, number> {
  merchant_id: string;
  trust: number;
  tier: MerchantTier;
  reasons: string[];
}

export async function scoreMerchants(
  wh: Warehouse,
  asOf: string,
  artifact: ArtifactFile,
  config: TrustlensConfig,
  log: Logger,
): Promise<MerchantScore[]> {
  const spec = artifact.spec;
  const forest = Forest.fromJSON(artifact.forest);
  const snap = await loadFeatureColumns(wh, spec, asOf);
  if (snap.ids.length === 0) return [];
  const columns = spec.features.map((f) => snap.columns.get(f)!);
  const { probability } = await predictCalibrated(forest, artifact, columns, config.training.threads);
  const entries = featureEntries(spec.features, artifact.catalogue);
  const all = snap.ids.map((_, i) => i);
  const { byRow } = await explainRows(
    forest,
    columns,
    all,
    entries,
    spec.reasonTemplates,
    spec.notReasons,
    spec.reasonOnlyWhen,
    log,
    'merchant reasons',
    config.training.threads,
  );
  return snap.ids.map((merchant_id, i) => {
    const trust = 100 * (1 - probability[i]!);
    const ex = byRow.get(i)!;
    return {
      merchant_id,
      trust,
      tier: merchantTier(trust, config.tiers),
      ...componentScores(trust, ex.contributions, entries),
      reasons: ex.reasons.map((r) => r.sentence),
    };
  });
}
