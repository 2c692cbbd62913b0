// The full artifact file: the fixed summary (models/artifactSchema.ts) plus forest, calibration, spec and training
// details.
import { z } from 'zod';
import { artifactSummarySchema } from '../artifactSchema.ts';
import { calibratorSchema } from '../calibration/calibrator.ts';
import { modelSpecSchema } from '../specs/modelSpec.ts';
import { FEATURE_UNITS, FEATURE_WINDOWS, MERCHANT_COMPONENTS } from '../../data/catalog/catalogSchema.ts';

const rowCount = z.object({ rows: z.number().int(), positives: z.number().int() });

export const artifactFileSchema = artifactSummarySchema
  .extend({
    spec: modelSpecSchema,
    /** Catalogue entries of every column the model reads (features, then baseline-only columns), as at training. */
    catalogue: z.array(
      z.object({
        name: z.string(),
        description: z.string(),
        unit: z.enum(FEATURE_UNITS),
        window: z.enum(FEATURE_WINDOWS),
        component: z.enum(MERCHANT_COMPONENTS).optional(),
        componentFrom: z.string().optional(),
      }),
    ),
    calibration: calibratorSchema,
    training: z.object({
      seed: z.number().int(),
      nTrees: z.number().int(),
      /** Rows the shipped forest was fitted on (after negative sampling) and the snapshots they came from. */
      fitted: rowCount.extend({ snapshots: z.array(z.iso.date()) }),
      trainingSnapshots: rowCount,
      validationSnapshots: rowCount,
      perValidationSnapshot: z.array(rowCount.extend({ asOf: z.iso.date(), precisionAtK: z.number().nullable() })),
      oobRocAuc: z.number().nullable(),
      calibrationNote: z.string(),
    }),
    /**
     * Merchant tiers learned at training (config tiers.merchantBy = quantile): trust thresholds at the configured
     * shares
     * of the held-out merchants' calibrated trust. Absent in artifacts of other models or older versions.
     */
    tiers: z
      .object({
        by: z.literal('quantile'),
        shares: z.object({ atRisk: z.number(), watch: z.number(), standard: z.number() }),
        thresholds: z.object({ merchantTopRated: z.number(), merchantStandard: z.number(), merchantWatch: z.number() }),
        /** Trust at each percentile 0…100 of the held-out merchants. */
        percentiles: z.array(z.number()).length(101),
        rows: z.number().int(),
      })
      .optional(),
    /** Trained forest (models/forest JSON format), validated by Forest.fromJSON when loaded. */
    forest: z.record(z.string(), z.unknown()),
  })
  .passthrough();

export type ArtifactFile = z.output<typeof artifactFileSchema>;
