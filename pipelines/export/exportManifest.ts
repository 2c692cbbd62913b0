// The manifest.json of an export folder: what was written (files, row counts, column types) and what was skipped and
// why.
import { z } from 'zod';

export const EXPORT_FORMAT = 'trustlens-export/1';

export const exportColumnSchema = z.strictObject({
  name: z.string().min(1),
  /** DuckDB type as written to Parquet (BIGINT and DECIMAL become DOUBLE, DATE becomes a YYYY-MM-DD string). */
  type: z.string().min(1),
});

export const exportFileSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9_]*$/, 'must be snake_case'),
  file: z.string().regex(/^[a-z][a-z0-9_]*\.(parquet|json)$/, 'must be a bare <name>.parquet or <name>.json file name'),
  rows: z.number().int().min(0),
  description: z.string(),
  columns: z.array(exportColumnSchema),
});

export const exportManifestSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT, `must be "${EXPORT_FORMAT}"; re-run \`trustlens export\` with this version`),
  as_of: z.iso.date('must be a date like 2026-11-02'),
  files: z.array(exportFileSchema),
  skipped: z.array(z.strictObject({ name: z.string(), reason: z.string() })),
  /** Settings the export used, so notebooks start from the same policy the pipeline runs. */
  settings: z.strictObject({
    replay_weeks: z.number().int().positive(),
    lookback_days: z.number().int().positive(),
    review_capacity: z.number().int().positive(),
    buyer_high: z.number().min(0).max(1),
  }),
  /** Feature catalogue (descriptions, units, windows of every feature column), or null when it could not be read. */
  catalog: z
    .string()
    .regex(/^[a-z_]+\.json$/)
    .nullable(),
});

export type ExportColumn = z.output<typeof exportColumnSchema>;
export type ExportFile = z.output<typeof exportFileSchema>;
export type ExportManifest = z.output<typeof exportManifestSchema>;
