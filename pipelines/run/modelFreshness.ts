// Decides whether the weekly run retrains: a model is stale when none exists on or before the date or it is
// retrainIntervalDays old.
import { MODEL_NAMES, type ModelName } from '../../models/artifactSchema.ts';
import { artifactDates } from '../../models/registry/artifactStore.ts';
import { daysBetween } from '../../data/time/isoDate.ts';

export interface ModelFreshness {
  model: ModelName;
  /** Newest artifact date on or before the as-of date, null when there is none. */
  newest: string | null;
  ageDays: number | null;
  stale: boolean;
}

export function modelFreshness(artifactsDir: string, asOf: string, retrainIntervalDays: number): ModelFreshness[] {
  return MODEL_NAMES.map((model) => {
    const newest =
      artifactDates(artifactsDir, model)
        .filter((d) => d <= asOf)
        .at(-1) ?? null;
    const ageDays = newest === null ? null : daysBetween(newest, asOf);
    return { model, newest, ageDays, stale: ageDays === null || ageDays >= retrainIntervalDays };
  });
}

/** "abuse-risk 2026-10-05 (28 days old)" or "abuse-risk none". */
export function describeFreshness(f: ModelFreshness): string {
  return f.newest === null
    ? `${f.model}: no model on or before the date`
    : `${f.model}: ${f.newest} (${f.ageDays} days old)`;
}
