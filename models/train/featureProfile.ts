// The training data's profile per feature (unknown share, decile bins) stored in the artifact, for comparing scored
// weeks with it.
import { daysBetween } from '../../data/time/isoDate.ts';
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
  // two arrays of the row count serve every feature: per feature they were two fresh 96 MB arrays for 60 features at
  // 10M orders (12M training rows), each one more reason for a full collection
  const aged = new Float64Array(data.ids.length);
  const scratch = new Float64Array(data.ids.length);
  return {
    rows: data.ids.length,
    features: features.map((name) => {
      const col = data.columns.get(name)!;
      let values: ArrayLike<number> = col;
      if (AGE_FEATURE.test(name)) {
        for (let i = 0; i < col.length; i++) aged[i] = col[i]! + shift[data.snapshotIndex[i]!]!;
        values = aged;
      }
      const { cuts, known } = knownQuantileCuts(values, 10, scratch);
      const round = (x: number) => Number(x.toPrecision(6));
      return {
        name,
        unknownShare: round(1 - known / Math.max(1, values.length)),
        cuts: cuts.map(round),
        shares: binShares(values, cuts).map(round),
      };
    }),
  };
}
