// One line of the quality bar: what is measured, its value, the target and whether it passes; and the table printer.
import { textTable } from '../../data/log/textTable.ts';

export interface QualityLine {
  section: string;
  check: string;
  /** Measured value (null when it cannot be measured, e.g. no positives). */
  value: number | null;
  /** Target as text, e.g. "≥ 0.80"; empty for context lines. */
  target: string;
  /** null for context lines that have no target. */
  pass: boolean | null;
  note?: string;
  /** Stable name of a headline figure the multi-seed table collects (e.g. precision_at_k); absent for the others. */
  key?: string;
  /** The value counts things: printed whole ("2", not "2.000"). */
  count?: true;
}

export function formatQualityTable(lines: readonly QualityLine[]): string {
  const fmt = (v: number | null, count: boolean) =>
    v === null ? '–' : count || Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(3);
  const rows = lines.map((l) => [
    l.section,
    l.check,
    fmt(l.value, l.count === true),
    l.target,
    l.pass === null ? '' : l.pass ? 'PASS' : 'FAIL',
    l.note ?? '',
  ]);
  return textTable(['section', 'check', 'value', 'target', 'result', 'note'], rows, [2]);
}
