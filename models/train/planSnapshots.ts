// Chooses the weekly feature snapshots a model trains and validates on: old enough for labels to mature, newest held
// out.
import { addDays } from '../../data/time/isoDate.ts';
export interface SnapshotPlanOptions {
  /** Training date T (YYYY-MM-DD). */
  asOf: string;
  /** Snapshots used in all (training + validation). */
  snapshotWeeks: number;
  /** Most recent matured snapshots held out. */
  validationWeeks: number;
  /** A snapshot S is usable only if T − S ≥ this many days (label delay for buyers, horizon for merchants). */
  minAgeDays: number;
}

export interface SnapshotPlan {
  /** Ascending. */
  training: string[];
  /** Ascending; every date is after every training date. */
  validation: string[];
}

/** Snapshots are T − 7k days for k ≥ 1, the `snapshotWeeks` most recent of those at least `minAgeDays` old. */
export function planSnapshots(o: SnapshotPlanOptions): SnapshotPlan {
  if (!(o.validationWeeks >= 1 && o.snapshotWeeks > o.validationWeeks)) {
    throw new Error(
      `training.snapshotWeeks (${o.snapshotWeeks}) must exceed training.validationWeeks (${o.validationWeeks}), and validationWeeks must be at least 1; ` +
        'fix the training settings in the config',
    );
  }
  const firstWeek = Math.max(1, Math.ceil(o.minAgeDays / 7));
  const dates: string[] = [];
  for (let k = firstWeek + o.snapshotWeeks - 1; k >= firstWeek; k--) dates.push(addDays(o.asOf, -7 * k));
  return {
    training: dates.slice(0, dates.length - o.validationWeeks),
    validation: dates.slice(dates.length - o.validationWeeks),
  };
}
