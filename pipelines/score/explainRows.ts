// TreeSHAP reasons for selected rows of a scored snapshot, in chunks across worker threads with progress (exact
// TreeSHAP costs milliseconds a row).
import type { Forest } from '../../models/forest/index.ts';
import { columnMedians, type Reason } from '../../models/explain/reasonSentences.ts';
import { ReasonWriter } from '../../models/explain/reasonWriter.ts';
import type { RuleCondition } from '../../models/specs/modelSpec.ts';
import type { CatalogueEntry } from '../../models/specs/specCatalogue.ts';
import type { Logger } from '../../data/log/Logger.ts';

export interface ExplainedRow {
  reasons: Reason[];
  contributions: Float64Array;
}

export function featureEntries(features: readonly string[], catalogue: readonly CatalogueEntry[]): CatalogueEntry[] {
  return features.map((f) => {
    const e = catalogue.find((c) => c.name === f);
    if (!e) throw new Error(`artifact catalogue has no entry for feature ${f}; retrain the model`);
    return e;
  });
}

/**
 * Each chunk starts its worker threads afresh (each starts, receives the trees and prepares TreeSHAP), so chunks are
 * sized for about ten progress steps
 * rather than fixed: 50,000 merchants become 10 chunks, not 50 start-ups. Below this many rows there is one chunk per
 * this many.
 */
const MIN_CHUNK_ROWS = 1_000;
const PROGRESS_STEPS = 10;

export async function explainRows(
  forest: Forest,
  columns: Float32Array[],
  rows: readonly number[],
  entries: readonly CatalogueEntry[],
  templates: Readonly<Record<string, string>>,
  exclude: readonly string[],
  onlyWhen: Readonly<Record<string, RuleCondition>>,
  log: Logger,
  label: string,
  threads: number,
  /** Reasons written per row (the writer's default, 4, when undefined). */
  max?: number,
): Promise<{ expected: number; byRow: Map<number, ExplainedRow> }> {
  const typical = columnMedians(columns);
  const writer = new ReasonWriter({ typical, entries, templates, exclude, onlyWhen, ...(max ? { max } : {}) });
  const F = columns.length;
  const byRow = new Map<number, ExplainedRow>();
  const chunk = Math.max(MIN_CHUNK_ROWS, Math.ceil(rows.length / PROGRESS_STEPS));
  let expected = forest.expected();
  for (let at = 0; at < rows.length; at += chunk) {
    const part = rows.slice(at, at + chunk);
    const ex = await forest.explainRowsAsync(columns, part, { threads });
    expected = ex.expected;
    part.forEach((row, j) => {
      const contributions = ex.contributions.slice(j * F, (j + 1) * F);
      const values = columns.map((c) => c[row]!);
      byRow.set(row, {
        contributions,
        reasons: writer.reasons(contributions, values),
      });
    });
    log.progress(label, Math.min(rows.length, at + chunk), rows.length);
  }
  return { expected, byRow };
}
