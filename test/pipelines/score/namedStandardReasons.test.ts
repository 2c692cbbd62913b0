// A worst-standard reason is worded by the standard it stands for, at its value, and each standard is cited once.
import { describe, expect, it } from 'vitest';
import { namedStandardReasons } from '../../../pipelines/score/namedStandardReasons.ts';

const share = { description: 'd', unit: 'share' as const, window: '365d' as const };
const entries = [
  { name: 'no_reason_7day_refusal_rate_adj_365d', ...share },
  { name: 'ticket_resolution_rate_adj_365d', ...share },
  { name: 'worst_standard_pct_365d', ...share },
  { name: 'second_worst_standard_pct_365d', ...share },
  { name: 'order_defect_rate_365d', ...share },
];
const templates = {
  no_reason_7day_refusal_rate_adj_365d: 'about {value} of 7-day no-reason returns refused in 365 days',
  ticket_resolution_rate_adj_365d: 'about {value} of service tickets resolved in 365 days',
  worst_standard_pct_365d: 'weakest service standard of the year worse than {value} of shops',
};
// This shop: 66% refused (its worst standard, 96th percentile), 72% of tickets resolved (second, 91st).
const values = [0.66, 0.72, 0.96, 0.91, 0.05];
// Per feature index: the worst standard names the refusal rate in this row, the second names nothing.
const standards: unknown[] = [undefined, undefined, 'no_reason_7day_refusal_rate_adj_365d', null, undefined];
const row = { standardOf: (i: number) => standards[i], valueOf: (j: number) => values[j] ?? NaN };
const sentences = namedStandardReasons(entries, templates);
const reason = (feature: string, sentence: string) => ({ feature, contribution: 0.1, sentence });

describe('namedStandardReasons', () => {
  it("words the worst standard by the standard's own reason and its percentile, and drops the repeat", () => {
    const reasons = [
      reason('worst_standard_pct_365d', 'weakest service standard of the year worse than 96% of shops (typical: 68%)'),
      reason('order_defect_rate_365d', 'order defect rate 5.0% in 365 days'),
      reason('no_reason_7day_refusal_rate_adj_365d', 'about 66% of 7-day no-reason returns refused in 365 days'),
    ];
    expect(sentences(reasons, row)).toEqual([
      'about 66% of 7-day no-reason returns refused in 365 days, worse than 96% of shops',
      'order defect rate 5.0% in 365 days',
    ]);
  });

  it('keeps the sentence as written when the standard is unknown or has no value', () => {
    const second = reason('second_worst_standard_pct_365d', 'second-weakest service standard worse than 91% of shops');
    expect(sentences([second], row)).toEqual([second.sentence]);
    const unknownValue = { ...row, valueOf: (j: number) => (j === 0 ? NaN : values[j]!) };
    const worst = reason('worst_standard_pct_365d', 'weakest service standard of the year worse than 96% of shops');
    expect(sentences([worst], unknownValue)).toEqual([worst.sentence]);
  });
});
