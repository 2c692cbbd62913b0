// Binary classification metrics shared by the forest engine and the models stage.
export { rocAuc } from './rocAuc.ts';
export { averagePrecision } from './averagePrecision.ts';
export { brierScore } from './brierScore.ts';
export type { Scores } from './sortedScores.ts';
