// The per-table summary table printed after a batch.
import { batchTotals, type BatchResult } from './ingestBatch.ts';

export function formatSummary(result: BatchResult): string {
  const head = ['table', 'files', 'read', 'loaded', 'quarantined', 'duplicates'];
  const rows = result.tables.map((t) => [t.table, t.files, t.read, t.loaded, t.quarantined, t.duplicate].map(String));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const { quarantined } = batchTotals(result);
  return [
    `batch ${result.batchId}`,
    line(head),
    ...rows.map(line),
    quarantined
      ? `${quarantined} rows quarantined: see table quarantine where batch_id = ${result.batchId}`
      : 'no rows quarantined',
  ].join('\n');
}
