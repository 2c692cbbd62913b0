// The snapshots a first run's own training will read that no replayed score can change, for the warm-up to build.
import type { ModelName } from '../../models/artifactSchema.ts';
import { MODEL_SPECS } from '../../models/specs/index.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { daysBetween } from '../../data/time/isoDate.ts';
import type { SnapshotNeed } from '../features/ensureFeatureSnapshots.ts';
import { REQUEST_HISTORY } from '../features/buildRequestFeatures.ts';
import { snapshotNeed } from '../train/trainModels.ts';
import { snapshotWeeks } from '../train/snapshotWeeks.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

/**
 * When the warm-up models (trained as of `first`, the oldest replayed week) will be stale by `asOf`, the week's
 * training reads the same snapshots plus newer ones. A buyer or merchant snapshot dated before `first` reads only
 * scores before it, and a request week ending on or before `first` only requests and scores before `first`, so the
 * replay cannot change them: built in the warm-up's pass, they cost a share of that pass instead of a second pass after
 * the replay, and the request weeks built after the replay find every snapshot before them in place (none is built
 * again).
 */
export async function replayProofNeeds(
  wh: Warehouse,
  models: readonly ModelName[],
  first: string,
  asOf: string,
  config: TrustlensConfig,
): Promise<SnapshotNeed[]> {
  if (daysBetween(first, asOf) < config.training.retrainIntervalDays) return [];
  const needs: SnapshotNeed[] = [];
  for (const model of models) {
    const spec = MODEL_SPECS[model];
    const need = snapshotNeed(spec, asOf, config, await snapshotWeeks(wh, spec, asOf, config));
    const proof = need.table === REQUEST_HISTORY ? (d: string) => d <= first : (d: string) => d < first;
    needs.push({ table: need.table, dates: need.dates.filter(proof) });
  }
  return needs;
}
