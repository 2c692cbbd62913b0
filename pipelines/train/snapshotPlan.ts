// The weekly snapshot dates a model trains and validates on as of a date, under a config.
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';
import { planSnapshots, type SnapshotPlan } from '../../models/train/planSnapshots.ts';
import { labelSettings } from './labelSettings.ts';

/** `weeks`: snapshotWeeks.ts's count for this warehouse; absent, the spec's (else the config's), the most it reads. */
export function snapshotPlan(
  spec: ModelSpec,
  asOf: string,
  config: TrustlensConfig,
  weeks = spec.snapshotWeeks ?? config.training.snapshotWeeks,
): SnapshotPlan {
  return planSnapshots({
    asOf,
    snapshotWeeks: weeks,
    validationWeeks: config.training.validationWeeks,
    minAgeDays: labelSettings(spec, config).minAgeDays,
  });
}
