// The training data's profile per feature (unknown share, decile bins) stored in the artifact, for comparing scored
// weeks with it.
import { daysBetween } from '../../data/time/isoDate.ts';
import { float32Bins } from '../metrics/float32Bins.ts';
import { binShares, knownQuantileCuts } from '../metrics/populationBins.ts';
import type { TrainingData } from './trainingData.ts';

/** Features that grow by a day every day (account and shop ages): compared after advancing them to a common date. */
export const AGE_FEATURE = /(^|_)age_days$/;

export interface FeatureProfile {
  name: string;
  unknownShare: number;
  cuts: number[];
  shares: number[];
}

/** Deciles of each feature over the rows of `data`; ages are advanced from each row's snapshot to `asOf` first. */
export function featureProfile(
  data: TrainingData,
  features: readonly string[],
  asOf: string,
): { rows: number; features: FeatureProfile[] } {
  const shift = data.snapshots.map((d) => daysBetween(d, asOf));
  // two arrays of the row count serve every age feature, made at the first (12M training rows at 10M orders: 96 MB)
  let ageArrays: { aged: Float64Array; scratch: Float64Array } | null = null;
  return {
    rows: data.ids.length,
    features: features.map((name) => {
      const col = data.columns.get(name)!;
      let bins: { cuts: number[]; known: number; shares: number[] };
      if (AGE_FEATURE.test(name)) {
        // an advanced age is a double (float plus days), outside float32Bins' reach
        ageArrays ??= { aged: new Float64Array(col.length), scratch: new Float64Array(col.length) };
        const { aged, scratch } = ageArrays;
        for (let i = 0; i < col.length; i++) aged[i] = col[i]! + shift[data.snapshotIndex[i]!]!;
        const { cuts, known } = knownQuantileCuts(aged, 10, scratch);
        bins = { cuts, known, shares: binShares(aged, cuts) };
      } else {
        bins = float32Bins(col, 10);
      }
      const round = (x: number) => Number(x.toPrecision(6));
      return {
        name,
        unknownShare: round(1 - bins.known / Math.max(1, col.length)),
        cuts: bins.cuts.map(round),
        shares: bins.shares.map(round),
      };
    }),
  };
}
