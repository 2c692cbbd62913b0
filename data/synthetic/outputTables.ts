// The generator's outputs: the eight contract tables and three ground-truth tables, with their files and queries.
import type { TableName } from '../contracts/index.ts';
import type { OutputFormat } from './generateOptions.ts';

export const TRUTH_TABLES = ['truth_buyers', 'truth_merchants', 'truth_refund_requests'] as const;
export type TruthTableName = (typeof TRUTH_TABLES)[number];
export type OutputTableName = TableName | TruthTableName;

export interface OutputTable {
  name: OutputTableName;
  /** Path under the output folder, without extension. */
  file: string;
  /** Query file under data/synthetic/sql/. */
  sql: string;
}

export const OUTPUT_TABLES: readonly OutputTable[] = [
  { name: 'buyers', file: 'buyers', sql: 'out_buyers' },
  { name: 'merchants', file: 'merchants', sql: 'out_merchants' },
  { name: 'orders', file: 'orders', sql: 'out_orders' },
  { name: 'refund_requests', file: 'refund_requests', sql: 'out_refund_requests' },
  { name: 'reviews', file: 'reviews', sql: 'out_reviews' },
  { name: 'service_tickets', file: 'service_tickets', sql: 'out_service_tickets' },
  { name: 'merchant_actions', file: 'merchant_actions', sql: 'out_merchant_actions' },
  { name: 'investigations', file: 'investigations', sql: 'out_investigations' },
  { name: 'truth_buyers', file: 'truth/buyers', sql: 'out_truth_buyers' },
  { name: 'truth_merchants', file: 'truth/merchants', sql: 'out_truth_merchants' },
  { name: 'truth_refund_requests', file: 'truth/refund_requests', sql: 'out_truth_refund_requests' },
];

export const FORMAT_EXTENSION: Record<OutputFormat, string> = { parquet: 'parquet', csv: 'csv', ndjson: 'ndjson' };

/** DuckDB COPY options per format: CSV with a header and RFC 4180 quoting, NDJSON one object per line. */
export const COPY_OPTIONS: Record<OutputFormat, string> = {
  parquet: 'FORMAT parquet, COMPRESSION zstd',
  csv: 'FORMAT csv, HEADER true',
  ndjson: 'FORMAT json',
};
