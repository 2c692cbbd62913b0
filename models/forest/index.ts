// Public entry of the trustlens random-forest engine: training, model class, options and persistence types.
export { trainForest } from './train/trainForest.ts';
export {
  Forest,
  MIN_PARALLEL_EXPLAIN_NODE_VISITS,
  MIN_PARALLEL_EXPLAIN_ROWS,
  MIN_PARALLEL_PREDICT_ROWS,
  MIN_POOLED_COPIED_ROWS,
  MIN_POOLED_PREDICT_ROWS,
  type ExplainOptions,
  type Explanation,
  type PredictOptions,
} from './forest.ts';
export { FOREST_DEFAULTS, ForestOptionsError, type ForestOptions } from './train/options.ts';
export type { FeatureInput } from './columns.ts';
export type { ImportanceMetric, PermutationOptions } from './train/importance.ts';
export { FOREST_FORMAT, FOREST_FORMAT_VERSION, type ForestJSON, type ForestParams } from './serialize.ts';
export type { FlatTree } from './treeStore.ts';
