// The snapshots a first run's own training will read that no replayed score can change, for the warm-up to build.
import type { ModelName } from '../../models/artifactSchema.ts';
import { MODEL_SPECS } from '../../models/specs/index.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { daysBetween } from '../../data/time/isoDate.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { SnapshotNeed } from '../features/ensureFeatureSnapshots.ts';
import { REQUEST_HISTORY } from '../features/buildRequestFeatures.ts';
import { labelShortfall } from '../train/labelReadiness.ts';
import { snapshotNeed } from '../train/trainModels.ts';
import { snapshotPlan } from '../train/snapshotPlan.ts';
import { snapshotWeeks } from '../train/snapshotWeeks.ts';
import { modelFreshness } from './modelFreshness.ts';

/**
 * The week's training reads the warm-up's snapshots plus newer ones. A buyer or merchant snapshot dated before `first`
 * (the oldest replayed week, the warm-up models' date) reads only scores before it, and a request week ending on or
 * before `first` only requests and scores before `first`, so the replay cannot change them: built in the warm-up's
 * pass, they cost a share of that pass instead of a second pass after the replay, and the request weeks built after the
 * replay find every snapshot before them in place (none is built again). Only for the warm-up models the train stage
 * will retrain (stale on `asOf` once the warm-up's artifact exists, or `retrain`) and whose labels can train them then:
 * a marketplace without labels yet scores with the starter models and reads none of them.
 */
export async function replayProofNeeds(
  wh: Warehouse,
  models: readonly ModelName[],
  first: string,
  asOf: string,
  config: TrustlensConfig,
  retrain: boolean,
): Promise<SnapshotNeed[]> {
  const needs: SnapshotNeed[] = [];
  for (const f of modelFreshness(config.artifactsDir, asOf, config.training.retrainIntervalDays)) {
    if (!models.includes(f.model)) continue;
    // the newest artifact on the week once the warm-up has written its own
    const newest = f.newest !== null && f.newest > first ? f.newest : first;
    if (!retrain && daysBetween(newest, asOf) < config.training.retrainIntervalDays) continue;
    const spec = MODEL_SPECS[f.model];
    const weeks = await snapshotWeeks(wh, spec, asOf, config);
    if ((await labelShortfall(wh, spec, asOf, snapshotPlan(spec, asOf, config, weeks), config)) !== null) continue;
    const need = snapshotNeed(spec, asOf, config, weeks);
    const proof = need.table === REQUEST_HISTORY ? (d: string) => d <= first : (d: string) => d < first;
    needs.push({ table: need.table, dates: need.dates.filter(proof) });
  }
  return needs;
}
