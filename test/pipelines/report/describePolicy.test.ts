// A policy file in words for the policy page: every rule in order, the settings and costs, amounts with the currency.
import { describe, expect, it } from 'vitest';
import { describePolicy } from '../../../pipelines/report/describePolicy.ts';
import { loadPolicies } from '../../../pipelines/simulate/policy/loadPolicy.ts';

const [hybrid] = loadPolicies(['data/policies/hybrid.yaml']);

describe('describePolicy', () => {
  it('states each rule in words, in the order they are tried, then the default', () => {
    const info = describePolicy(hybrid!, 'data/policies/hybrid.yaml');
    expect(info.rules).toEqual([
      'when the request is not refund-only: as recorded.',
      'when the linked group holds a confirmed abuser: manual review.',
      'when buyer risk is at least 50%: manual review.',
      'when the merchant tier is watch or at risk: refund at once, goods kept.',
      'when the category is fresh food and the amount is at most 100: refund at once, goods kept.',
      'when buyer risk is at least 20%: refund after the goods come back.',
      'when the request comes within 2 hours of delivery and the merchant tier is top-rated: refund after the goods come back.',
      'Any other request: refund at once, goods kept.',
    ]);
    expect(info.description).toContain('Review high-risk or linked buyers');
    expect(info.settings).toContain(
      'Manual reviews: at most 300 a week, riskiest first; the rest: refund after the goods come back.',
    );
  });

  it('writes amounts and costs with the configured currency, and as plain numbers without one', () => {
    const cny = describePolicy(hybrid!, 'data/policies/hybrid.yaml', 'CNY');
    expect(cny.rules[4]).toBe(
      'when the category is fresh food and the amount is at most CNY 100: refund at once, goods kept.',
    );
    expect(cny.settings.at(-1)).toMatch(
      /^Costs assumed: return shipping CNY \d+, a manual review CNY \d+, a day’s wait CNY \d+ per honest buyer\.$/,
    );
    expect(describePolicy(hybrid!, 'data/policies/hybrid.yaml').settings.at(-1)).toMatch(/return shipping \d+,/);
  });
});
