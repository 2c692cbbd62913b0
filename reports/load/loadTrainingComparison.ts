// The scored week against the model's training data: source tables, unknown shares and PSI of each feature.
import { daysBetween } from '../../data/time/isoDate.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { sourceRows } from '../../data/warehouse/sourceRows.ts';
import type { ArtifactSummary } from '../../models/artifactSchema.ts';
import { AGE_FEATURE } from '../../models/train/featureProfile.ts';
import { psiOfSharesAgainstProfile } from '../psi.ts';
import type { TrainingComparison } from '../reportData.ts';
import { binCounts } from './binCounts.ts';
import { historyTableSlot } from './historyTables.ts';
import { belowCuts, cutParams, knownValue } from './binSlots.ts';
import { num } from './values.ts';

type FeatureHistory = 'feat_buyer_history' | 'feat_merchant_history' | 'feat_request_history';

/** Each model's rows of the week: its snapshot, or for request risk the requests of the week before the date. */
const FEATURE_TABLES: Record<ArtifactSummary['model'], { table: FeatureHistory; rows: string }> = {
  'abuse-risk': { table: 'feat_buyer_history', rows: 'buyer snapshot of' },
  'merchant-trust': { table: 'feat_merchant_history', rows: 'merchant snapshot of' },
  'request-risk': { table: 'feat_request_history', rows: 'week of refund requests before' },
};

/** Profile features of this week as the warehouse counts them: rows, known values and known values below each cut. */
interface WeekBins {
  rows: number;
  known: number;
  below: number[];
}

async function weekBins(
  wh: Warehouse,
  table: FeatureHistory,
  asOf: string,
  features: readonly { name: string; cuts: readonly number[] }[],
  ageShift: number,
): Promise<Map<string, WeekBins>> {
  const each = (f: (x: { name: string; cuts: readonly number[] }, i: number) => string) =>
    features.map(f).join(',\n    ');
  const columns = each(({ name }, i) => knownValue(name, i, AGE_FEATURE.test(name) ? ' - s.age_shift' : ''));
  const sums = each(({ cuts }, i) => `{'below': ${belowCuts(cuts, i)}, 'known': count(w.c${i})} as c${i}`);
  const params = { as_of: asOf, age_shift: ageShift, ...cutParams(features.map((f) => f.cuts)) };
  const rows = await wh.all(
    readSql(new URL('../sql/report_training_bins.sql', import.meta.url), {
      ...historyTableSlot(table),
      columns,
      sums,
    }),
    params,
  );
  const out = new Map<string, WeekBins>();
  for (const r of rows) {
    const feature = features[Number(String(r.feature).slice(1))];
    if (!feature) throw new Error(`report_training_bins: unexpected column ${String(r.feature)}`);
    out.set(feature.name, { rows: num(r.week_rows), known: num(r.known), below: (r.below as unknown[]).map(num) });
  }
  return out;
}

/**
 * The comparison, or why there is none, in a sentence for the card: an artifact written before profiles existed, a
 * week without rows, or a warehouse without the model's features.
 */
export async function loadTrainingComparison(
  wh: Warehouse,
  asOf: string,
  a: ArtifactSummary,
): Promise<TrainingComparison | string> {
  const profile = a.trainingProfile;
  if (!profile)
    return 'The artifact holds no profile of its training data (it was trained before trustlens recorded one); retrain to get the comparison.';
  const { table, rows: what } = FEATURE_TABLES[a.model];
  if (!(await wh.tableExists(table))) return `The warehouse has no ${table} to compare with.`;
  const types = await wh.all(readSql(new URL('../sql/report_column_types.sql', import.meta.url)), { table });
  const present = new Set(types.map((t) => String(t.column_name)));
  const inTable = profile.features.filter((f) => present.has(f.name));
  // The profile's ages were advanced to the training date; this week's are taken back to it.
  const ageShift = daysBetween(a.asOf, asOf);
  // No profile feature in the table leaves nothing to compare (and no query to run).
  if (!inTable.length) return `None of the profiled features is a column of ${table} now.`;
  const bins = await weekBins(wh, table, asOf, inTable, ageShift);
  const rows = bins.values().next().value?.rows ?? 0;
  if (rows === 0) return `Nothing to compare: the ${what} ${asOf} has no rows.`;
  const features = inTable
    .map((f) => {
      const b = bins.get(f.name)!;
      const shares = binCounts(b.below, b.known, b.rows).map((c) => c / b.rows);
      const unknownNow = (b.rows - b.known) / b.rows;
      return {
        feature: f.name,
        unknownTraining: f.unknownShare,
        unknownNow,
        psi: psiOfSharesAgainstProfile(f, shares),
      };
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
