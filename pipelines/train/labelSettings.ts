// How old a model's snapshots must be for their labels to be known, and how far its labels look ahead.
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';

/** Label settings of a spec under a config: how old snapshots must be and how far labels look ahead. */
export function labelSettings(spec: ModelSpec, config: TrustlensConfig): { minAgeDays: number; horizonDays: number } {
  const horizonDays =
    spec.labelHorizonDays === 'labels.merchantHorizonDays' ? config.labels.merchantHorizonDays : spec.labelHorizonDays;
  // buyers and requests are labelled by investigations, which take abuseLabelDelayDays to close
  return spec.entity === 'merchant'
    ? { minAgeDays: horizonDays, horizonDays }
    : { minAgeDays: config.labels.abuseLabelDelayDays, horizonDays };
}
