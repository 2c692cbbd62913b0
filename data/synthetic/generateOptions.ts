// Options of the synthetic marketplace generator, validated with zod so a bad size or date fails with every problem
// listed.
import { z } from 'zod';
import type { DuckDBConnection } from '@duckdb/node-api';

export const OUTPUT_FORMATS = ['parquet', 'csv', 'ndjson'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const count = (what: string, max: number) =>
  z
    .number()
    .int(`${what} must be a whole number`)
    .min(1, `${what} must be at least 1`)
    .max(max, `${what} must be at most ${max}`);

export const generateOptionsSchema = z.object({
  seed: z.number().int('seed must be a whole number'),
  buyers: count('buyers', 50_000_000),
  merchants: count('merchants', 5_000_000),
  weeks: count('weeks', 520),
  end: z.iso.date('end must be a date like 2026-11-02 (YYYY-MM-DD)'),
  format: z.enum(OUTPUT_FORMATS).default('parquet'),
  out: z.string().min(1, 'out must be a folder path').optional(),
  schema: z.string().min(1).default('synthetic'),
  threads: z.number().int().positive().optional(),
  memoryLimit: z.string().min(1).default('1GB'),
  tempDirectory: z.string().min(1).optional(),
});

export interface GenerateProgress {
  phase: 'build' | 'write';
  /** Work step (build) or output table (write). */
  table: string;
  rows: number;
  seconds: number;
  /** File written, for the write phase with an output folder. */
  file?: string;
}

export type GenerateOptions = z.input<typeof generateOptionsSchema> & {
  /**
   * Generate inside this open connection: the contract tables land in `schema` (default "synthetic") as
   * <schema>.<table> plus <schema>.truth_buyers, truth_merchants, truth_refund_requests. Without it the generator
   * opens its own in-memory DuckDB with memoryLimit and a temp directory to spill to.
   */
  connection?: DuckDBConnection;
  onProgress?: (progress: GenerateProgress) => void;
};

export type ResolvedGenerateOptions = z.output<typeof generateOptionsSchema>;
