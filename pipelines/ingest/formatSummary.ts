// The per-table summary table printed after a batch.
import { batchTotals, type BatchResult } from './ingestBatch.ts';

export function formatSummary(result: BatchResult): string {
  // read = inserted + updated + unchanged + quarantined, per table; rows a mapping's query filtered out of its files
  // are shown only when a table counted them.
  const filtered = result.tables.some((t) => t.filtered !== undefined);
  const head = [
    'table',
    'files',
    'read',
    'inserted',
    'updated',
    'unchanged',
    'quarantined',
    ...(filtered ? ['filtered by mapping'] : []),
  ];
  const rows = result.tables.map((t) =>
    [
      t.table,
      t.files,
      t.read,
      t.inserted,
      t.updated,
      t.duplicate,
      t.quarantined,
      ...(filtered ? [t.filtered ?? ''] : []),
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const { quarantined } = batchTotals(result);
  return [
    `batch ${result.batchId}`,
    line(head),
    ...rows.map(line),
    ...result.tables
      .filter((t) => t.flagged)
      .map(
        (t) =>
          `${t.flagged} ${t.table} rows loaded with a flag (their parent predates the first delivered week): see table load_flags where batch_id = ${result.batchId}`,
      ),
    ...(result.absent?.length
      ? [`declared absent (features from them are unknown, never 0): ${result.absent.join(', ')}`]
      : []),
    quarantined
      ? `${quarantined} rows quarantined: see table quarantine where batch_id = ${result.batchId}`
      : 'no rows quarantined',
  ].join('\n');
}
