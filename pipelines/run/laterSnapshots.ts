// The snapshots a first run's train stage will read that the warm-up can build in its own passes.
import type { ModelName } from '../../models/artifactSchema.ts';
import { MODEL_SPECS } from '../../models/specs/index.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { daysBetween } from '../../data/time/isoDate.ts';
import { entitySnapshotNeeds, type SnapshotNeed } from '../features/ensureFeatureSnapshots.ts';
import { snapshotNeeds } from '../train/trainModels.ts';

/**
 * The buyer and merchant snapshots the train stage will read when it retrains the warm-up's models as of asOf (their
 * artifact, dated `first`, is then past the retrain interval), dated before the first replayed week. The replay writes
 * only scores dated `first` or later, and a snapshot reads scores dated before its own date alone: built in the
 * warm-up's passes they hold the values a build after the replay gives, and the train stage needs no pass of its own.
 */
export function laterSnapshots(
  models: readonly ModelName[],
  first: string,
  asOf: string,
  config: TrustlensConfig,
  retrain: boolean,
): SnapshotNeed[] {
  if (!retrain && daysBetween(first, asOf) < config.training.retrainIntervalDays) return [];
  const needs = snapshotNeeds(
    models.map((m) => MODEL_SPECS[m]),
    asOf,
    config,
  );
  return entitySnapshotNeeds(needs).map((n) => ({ table: n.table, dates: n.dates.filter((d) => d < first) }));
}
