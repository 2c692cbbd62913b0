// A worst-standard reason names the standard behind it, worded by that standard's own template and value.
import { describe, expect, it } from 'vitest';
import { namedStandardReason } from '../../../pipelines/score/namedStandardReason.ts';

const entries = [
  { name: 'no_reason_7day_refusal_rate_adj_365d', description: 'd', unit: 'share' as const, window: '365d' as const },
  { name: 'worst_standard_pct_365d', description: 'd', unit: 'share' as const, window: '365d' as const },
];
const templates = {
  no_reason_7day_refusal_rate_adj_365d: 'about {value} of 7-day no-reason returns refused in 365 days',
  worst_standard_pct_365d: 'weakest service standard of the year worse than {value} of shops',
};
const sentence = 'weakest service standard of the year worse than 97% of shops';

describe('namedStandardReason', () => {
  it("appends the named standard's own reason at its value", () => {
    expect(namedStandardReason(sentence, 'no_reason_7day_refusal_rate_adj_365d', entries, templates, () => 0.38)).toBe(
      'weakest service standard of the year worse than 97% of shops: about 38% of 7-day no-reason returns refused in 365 days',
    );
  });

  it('keeps the sentence alone when the standard is unknown, not read by the model, or has no value', () => {
    expect(namedStandardReason(sentence, null, entries, templates, () => 0.38)).toBe(sentence);
    expect(namedStandardReason(sentence, 'late_shipment_rate_adj_365d', entries, templates, () => 0.38)).toBe(sentence);
    expect(namedStandardReason(sentence, 'no_reason_7day_refusal_rate_adj_365d', entries, templates, () => NaN)).toBe(
      sentence,
    );
  });
});
