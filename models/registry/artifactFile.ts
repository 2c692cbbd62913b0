// The full artifact file: the fixed summary (models/artifactSchema.ts) plus forest, calibration, spec and training details.
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
    /** Trained forest (models/forest JSON format), validated by Forest.fromJSON when loaded. */
    forest: z.record(z.string(), z.unknown()),
  })
  .passthrough();

export type ArtifactFile = z.output<typeof artifactFileSchema>;
