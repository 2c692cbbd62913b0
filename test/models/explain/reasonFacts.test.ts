// Reasons state facts: no "-0", no value equal to the typical one, no unknown value, no estimate quoted as the buyer's
// own.
import { describe, expect, it } from 'vitest';
import { citable, topReasons } from '../../../models/explain/reasonSentences.ts';
import { formatValue } from '../../../models/explain/formatValue.ts';
import { ABUSE_RISK_SPEC } from '../../../models/specs/abuseRisk.ts';
import { featureCatalog } from '../../../pipelines/features/featureCatalog.ts';
import { specCatalogue } from '../../../models/specs/specCatalogue.ts';

const catalogue = specCatalogue(ABUSE_RISK_SPEC, featureCatalog()[ABUSE_RISK_SPEC.featureTable].columns);
const entries = ABUSE_RISK_SPEC.features.map((f) => catalogue.find((c) => c.name === f)!);
const at = (name: string) => ABUSE_RISK_SPEC.features.indexOf(name);

describe('reason values', () => {
  it('never print a negative zero in any unit', () => {
    expect(formatValue(-0.03, 'count')).toBe('0.0');
    expect(formatValue(-0.004, 'stars_change')).toBe('0.00');
    expect(formatValue(-0.0004, 'share_change')).toBe('0.0 points');
    expect(formatValue(0.0004, 'share_change')).toBe('0.0 points');
    expect(formatValue(-0.04, 'hours')).toBe('0.0 hours');
    expect(formatValue(-0.3, 'count')).toBe('-0.3');
  });

  it('cite only known values that differ from the typical one as shown', () => {
    const share = entries[at('fresh_food_request_share_90d')]!;
    expect(citable(share, 0, 0)).toBe(false);
    expect(citable(share, 0.0001, 0)).toBe(false); // both read "0%"
    expect(citable(share, 0.5, 0)).toBe(true);
    expect(citable(share, NaN, 0.2)).toBe(false);
    expect(citable(share, 0.5, NaN)).toBe(true);
  });

  it('skip such features and take the next strongest instead', () => {
    const contributions = new Float64Array(entries.length);
    contributions[at('fresh_food_request_share_90d')] = 0.4;
    contributions[at('hours_delivery_to_request_median_90d')] = 0.3;
    contributions[at('refund_only_90d')] = 0.1;
    const values = new Float64Array(entries.length);
    values[at('hours_delivery_to_request_median_90d')] = NaN;
    values[at('refund_only_90d')] = 6;
    const typical = new Float64Array(entries.length);
    const reasons = topReasons({
      contributions,
      values,
      typical,
      entries,
      templates: ABUSE_RISK_SPEC.reasonTemplates,
      exclude: ABUSE_RISK_SPEC.notReasons,
    });
    expect(reasons.map((r) => r.sentence)).toEqual(['6 refund-only requests in 90 days (typical: 0)']);
  });

  it("keep the model's estimates out of the reasons (expected and excess refund-only requests)", () => {
    const contributions = new Float64Array(entries.length);
    contributions[at('refund_only_excess_90d')] = 0.5;
    contributions[at('refund_only_expected_90d')] = 0.4;
    const values = new Float64Array(entries.length).fill(3);
    const reasons = topReasons({
      contributions,
      values,
      typical: new Float64Array(entries.length),
      entries,
      templates: ABUSE_RISK_SPEC.reasonTemplates,
      exclude: ABUSE_RISK_SPEC.notReasons,
    });
    expect(reasons).toEqual([]);
  });
});
