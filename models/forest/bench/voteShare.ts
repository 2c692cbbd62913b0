// ml-random-forest's class-1 score: the share of its trees voting 1 (hard votes).
import type { RandomForestClassifier } from 'ml-random-forest';

/**
 * Share of trees that vote 1 for each row. ml-random-forest 2.1.0's own predictProbability reduces the votes without
 * an initial value, so its first tree's vote counts a few millionths of another's; this counts every tree alike.
 */
export function voteShare(model: RandomForestClassifier, rows: number[][]): Float64Array {
  const votes = model.predictionValues(rows);
  const share = new Float64Array(votes.rows);
  for (let i = 0; i < votes.rows; i++) {
    let ones = 0;
    for (let t = 0; t < votes.columns; t++) if (votes.get(i, t) === 1) ones++;
    share[i] = ones / votes.columns;
  }
  return share;
}
