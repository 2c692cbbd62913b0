// One failed (or passed) scorecard line in plain words with its numbers, e.g. "Tickets answered late: 5 of 9 service
// tickets …".
import type { GovernConfig } from '../../../data/config/governSchema.ts';
import { fillStandardText, standardById } from '../../../data/vocabulary/governStandards.ts';

export interface ScorecardLine {
  standard: string;
  value: number;
  cases: number;
  /** Cases that failed (shares) or were over the limit (medians); null in rows stored before medians counted them. */
  failed: number | null;
  limit: number;
  categoryMedian: number | null;
}

const pct = (v: number | null) => (v === null ? '–' : `${Math.round(v * 100)}%`);
const hrs = (v: number | null) => (v === null ? '–' : `${v.toFixed(1)} h`);

export function violationText(line: ScorecardLine, config: GovernConfig): string {
  const info = standardById(line.standard);
  if (!info) return `${line.standard}: ${line.value} over ${line.cases} cases (limit ${line.limit})`;
  const cases = fillStandardText(info.cases, info.key, config);
  const cmp = info.direction === 'max' ? '≤' : '≥';
  if (info.unit === 'hours') {
    const over = line.failed === null ? '' : `, ${line.failed} of them over ${hrs(line.limit)}`;
    return `${info.label}: ${hrs(line.value)} over ${line.cases} ${cases}${over} (standard ${cmp} ${hrs(line.limit)}, category median ${hrs(line.categoryMedian)})`;
  }
  const failed = fillStandardText(info.failed ?? 'failed', info.key, config);
  const tail = `standard ${cmp} ${pct(line.limit)}, category median ${pct(line.categoryMedian)}`;
  if (info.direction === 'min')
    return `${info.label}: ${pct(line.value)} of ${line.cases} ${cases} (${line.failed ?? 0} ${failed}; ${tail})`;
  return `${info.label}: ${line.failed ?? 0} of ${line.cases} ${cases} ${failed} (${pct(line.value)}; ${tail})`;
}
