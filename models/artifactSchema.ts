// The model artifact file format (models/artifacts/<model>/<date>.json), validated whenever an artifact is read.
import { z } from 'zod';

export const MODEL_NAMES = ['abuse-risk', 'merchant-trust', 'request-risk'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export const metricsSchema = z.object({
  rows: z.number().int(),
  positives: z.number().int(),
  rocAuc: z.number().nullable(),
  prAuc: z.number().nullable(),
  k: z.number().int(),
  precisionAtK: z.number().nullable(),
  recallAtK: z.number().nullable(),
  brier: z.number().nullable(),
  /** Reliability table: mean predicted vs observed rate per predicted-probability bin. */
  calibration: z.array(
    z.object({ lo: z.number(), hi: z.number(), predicted: z.number(), observed: z.number(), count: z.number().int() }),
  ),
  /** Precision-recall curve, thinned to at most ~100 points. */
  prCurve: z.array(z.object({ recall: z.number(), precision: z.number(), threshold: z.number() })),
});
export type ModelMetrics = z.infer<typeof metricsSchema>;

export const artifactSummarySchema = z.object({
  formatVersion: z.literal(1),
  model: z.enum(MODEL_NAMES),
  asOf: z.iso.date(),
  trustlensVersion: z.string(),
  labelDefinition: z.string(),
  trainingWindow: z.object({ from: z.iso.date(), to: z.iso.date(), snapshots: z.array(z.iso.date()) }),
  validationWindow: z.object({ from: z.iso.date(), to: z.iso.date(), snapshots: z.array(z.iso.date()) }),
  dataFingerprint: z.string(),
  features: z.array(z.object({ name: z.string(), description: z.string(), unit: z.string(), window: z.string() })),
  metrics: metricsSchema,
  baselines: z.array(z.object({ name: z.string(), description: z.string(), metrics: metricsSchema })),
  featureImportance: z.array(z.object({ feature: z.string(), importance: z.number() })),
  /** Mean |TreeSHAP| per feature over validation rows, largest first. */
  shapSummary: z.array(z.object({ feature: z.string(), meanAbs: z.number() })),
  /**
   * What the training data looked like, so the model card can warn when a scored week looks nothing like it: per
   * feature the
   * unknown share and decile bins (ages advanced to the training date), and the rows of each source table. Absent in
   * artifacts written before it existed.
   */
  trainingProfile: z
    .object({
      rows: z.number().int(),
      features: z.array(
        z.object({
          name: z.string(),
          unknownShare: z.number(),
          cuts: z.array(z.number()),
          shares: z.array(z.number()),
        }),
      ),
      sources: z.record(z.string(), z.number().int()).optional(),
    })
    .optional(),
});
export type ArtifactSummary = z.infer<typeof artifactSummarySchema>;
