// What defines a model: inputs, label, forest options, calibration, rule baselines and reason wording — data, stored in
// each artifact.
import { z } from 'zod';
import { MODEL_NAMES } from '../artifactSchema.ts';
import { CALIBRATION_METHODS } from '../calibration/calibrator.ts';
import { FEATURE_UNITS, FEATURE_WINDOWS, MERCHANT_COMPONENTS } from '../../data/catalog/catalogSchema.ts';

const forestOptionsSpec = z.strictObject({
  maxDepth: z.number().int().positive(),
  minSamplesLeaf: z.number().int().positive(),
  maxFeatures: z.union([z.enum(['sqrt', 'log2', 'all']), z.number().positive()]),
  maxBins: z.number().int().min(2).max(255),
  classWeight: z.union([z.literal('balanced'), z.null(), z.tuple([z.number().positive(), z.number().positive()])]),
  sampleFraction: z.number().gt(0).max(1),
});

/** A rule flags a row when any of its conditions holds (thresholds as published, e.g. Amazon's seller targets). */
const ruleConditionSchema = z.strictObject({
  column: z.string(),
  op: z.enum(['>=', '>']),
  threshold: z.number(),
});

export const ruleBaselineSchema = z.strictObject({
  name: z.string(),
  description: z.string(),
  anyOf: z.array(ruleConditionSchema).min(1),
});

/**
 * A column computed from feature columns when rows are loaded (trusted SQL expression written here, never user input),
 * with the catalogue entry that reasons and the model card show.
 */
export const derivedColumnSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  sql: z.string(),
  description: z.string(),
  unit: z.enum(FEATURE_UNITS),
  window: z.enum(FEATURE_WINDOWS),
  component: z.enum(MERCHANT_COMPONENTS).optional(),
});

const modelSpecFields = z.strictObject({
  name: z.enum(MODEL_NAMES),
  entity: z.enum(['buyer', 'merchant', 'request']),
  idColumn: z.enum(['buyer_id', 'merchant_id', 'request_id']),
  /** Catalogue table the features come from; rows are read from <table>_history (keyed by as_of, id). */
  featureTable: z.enum(['feat_buyer', 'feat_merchant', 'feat_request']),
  labelDefinition: z.string(),
  /**
   * Buyers and requests: investigations opened more than this many days after the snapshot (request) do not label it.
   * Merchants: the action horizon, taken from the config setting of that name.
   */
  labelHorizonDays: z.union([z.number().int().positive(), z.literal('labels.merchantHorizonDays')]),
  features: z.array(z.string()).min(1),
  derived: z.array(derivedColumnSchema),
  forest: forestOptionsSpec,
  calibration: z.enum(CALIBRATION_METHODS),
  /** Share of negative training rows kept (seeded by row key); validation rows are never sampled. */
  negativeSampleRate: z.number().gt(0).max(1),
  /**
   * Trees of this model's forest, instead of config training.nTrees (a small, cheap model can afford more, for steadier
   * scores).
   */
  nTrees: z.number().int().positive().optional(),
  /**
   * Weekly snapshots this model trains and validates on, instead of config training.snapshotWeeks (a model with few
   * rows a week reads more weeks).
   */
  snapshotWeeks: z.number().int().positive().optional(),
  /**
   * With snapshotWeeks: fewer weeks, down to config training.snapshotWeeks, once the newest of them hold this many rows
   * (refund requests; the only table counted before its snapshots are built). A large marketplace's requests fill the
   * rows in a few weeks; the older weeks would cost their snapshots and add little but older behaviour.
   */
  snapshotRows: z.number().int().positive().optional(),
  /** Whether the shipped forest is refit on training + validation snapshots after validation and calibration. */
  refitOnAllSnapshots: z.boolean(),
  /** k of precision@k / recall@k: the weekly review capacity from config, or a fixed number. */
  k: z.union([z.literal('review-capacity'), z.number().int().positive()]),
  baselines: z.array(ruleBaselineSchema),
  /**
   * Reason wording per feature: "{value}" is replaced by the entity's formatted value; " (typical: …)" is appended.
   * Features without a template use their catalogue description.
   */
  reasonTemplates: z.record(z.string(), z.string()),
  /**
   * Features that shape the score but are never offered as reasons (context such as size or category mix, nothing to
   * fix; estimates rather than facts).
   */
  notReasons: z.array(z.string()).default([]),
  /**
   * A feature is a reason only for rows meeting its condition on another model feature (e.g. group totals only for
   * linked accounts).
   */
  reasonOnlyWhen: z.record(z.string(), ruleConditionSchema).default({}),
  /**
   * Which way each feature is better for the entity, in plain terms ("lower" late shipments). A week-over-week reason
   * ("what worsened") cites a feature only when its value moved the worse way, whatever the model's interactions did.
   */
  betterWhen: z.record(z.string(), z.enum(['higher', 'lower'])).default({}),
});

export const modelSpecSchema = modelSpecFields.refine(
  (spec) => spec.snapshotRows === undefined || (spec.entity === 'request' && spec.snapshotWeeks !== undefined),
  {
    path: ['snapshotRows'],
    message: 'snapshotRows counts refund requests: only a request model with its own snapshotWeeks can set it',
  },
);

export type ModelSpec = z.output<typeof modelSpecSchema>;
export type RuleBaseline = z.output<typeof ruleBaselineSchema>;
export type RuleCondition = z.output<typeof ruleConditionSchema>;
export type DerivedColumn = z.output<typeof derivedColumnSchema>;
