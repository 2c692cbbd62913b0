// The scored week against the model's training data: source tables, unknown shares and PSI of each feature.
import { daysBetween } from '../../data/time/isoDate.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { sourceRows } from '../../data/warehouse/sourceRows.ts';
import type { ArtifactSummary } from '../../models/artifactSchema.ts';
import { AGE_FEATURE } from '../../models/train/featureProfile.ts';
import { isKnown } from '../../models/metrics/populationBins.ts';
import { psiAgainstProfile } from '../psi.ts';
import type { TrainingComparison } from '../reportData.ts';
import { historyTableSlot } from './historyTables.ts';

// Request risk is trained on request rows, not a weekly snapshot of a population: it has no week to compare here.
const FEATURE_TABLES: Partial<Record<ArtifactSummary['model'], 'feat_buyer_history' | 'feat_merchant_history'>> = {
  'abuse-risk': 'feat_buyer_history',
  'merchant-trust': 'feat_merchant_history',
};

/**
 * null when the artifact carries no training profile (written before profiles existed) or the week has no feature rows.
 */
export async function loadTrainingComparison(
  wh: Warehouse,
  asOf: string,
  a: ArtifactSummary,
): Promise<TrainingComparison | null> {
  const profile = a.trainingProfile;
  if (!profile) return null;
  const table = FEATURE_TABLES[a.model];
  if (!table || !(await wh.tableExists(table))) return null;
  const reader = await wh.conn.runAndReadAll(
    readSql(new URL('../sql/report_history_week.sql', import.meta.url), historyTableSlot(table)),
    { as_of: asOf },
  );
  const columns = reader.getColumnsObjectJS() as Record<string, unknown[]>;
  const rows = Object.values(columns)[0]?.length ?? 0;
  if (rows === 0) return null;
  // The profile's ages were advanced to the training date; this week's are taken back to it.
  const ageShift = daysBetween(a.asOf, asOf);
  const features = profile.features
    .filter((f) => columns[f.name] !== undefined)
    .map((f) => {
      const values = columns[f.name]!.map((v) =>
        v === null || v === undefined ? null : Number(v) - (AGE_FEATURE.test(f.name) ? ageShift : 0),
      );
      const unknownNow = values.filter((v) => !isKnown(v)).length / values.length;
      return { feature: f.name, unknownTraining: f.unknownShare, unknownNow, psi: psiAgainstProfile(f, values) };
    })
    .sort((x, y) => (y.psi ?? 0) - (x.psi ?? 0) || x.feature.localeCompare(y.feature));
  const now = await sourceRows(wh, asOf);
  const sources = Object.entries(profile.sources ?? {})
    .map(([t, training]) => ({ table: t, training, now: now[t] ?? 0 }))
    .filter((s) => s.training > 0 !== s.now > 0);
  return {
    sources,
    features,
    basis: `the training rows recorded in the artifact (${profile.rows.toLocaleString('en-US')} rows of ${a.trainingWindow.snapshots.length} weekly snapshots)`,
  };
}
