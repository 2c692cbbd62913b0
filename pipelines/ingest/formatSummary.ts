// The per-table summary table printed after a batch.
import { batchTotals, type BatchResult } from './ingestBatch.ts';

export function formatSummary(result: BatchResult): string {
  // read = inserted + updated + unchanged + quarantined, per table
  const head = ['table', 'files', 'read', 'inserted', 'updated', 'unchanged', 'quarantined'];
  const rows = result.tables.map((t) =>
    [t.table, t.files, t.read, t.inserted, t.updated, t.duplicate, t.quarantined].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const { quarantined } = batchTotals(result);
  return [
    `batch ${result.batchId}`,
    line(head),
    ...rows.map(line),
    ...(result.absent?.length
      ? [`declared absent (features from them are unknown, never 0): ${result.absent.join(', ')}`]
      : []),
    quarantined
      ? `${quarantined} rows quarantined: see table quarantine where batch_id = ${result.batchId}`
      : 'no rows quarantined',
  ].join('\n');
}
