// Component sub-scores split the trust shortfall over the components whose features raised the risk.
import { describe, expect, it } from 'vitest';
import { componentScores } from '../../../models/score/componentScores.ts';

const features = [
  {
    name: 'late_shipment_rate_90d',
    description: '',
    unit: 'share' as const,
    window: '90d' as const,
    component: 'fulfilment' as const,
  },
  {
    name: 'product_defect_rate_90d',
    description: '',
    unit: 'share' as const,
    window: '90d' as const,
    component: 'product_quality' as const,
  },
  {
    name: 'described_avg_90d',
    description: '',
    unit: 'stars' as const,
    window: '90d' as const,
    component: 'product_quality' as const,
  },
  {
    name: 'service_avg_90d',
    description: '',
    unit: 'stars' as const,
    window: '90d' as const,
    component: 'after_sales' as const,
  },
  { name: 'orders_90d', description: '', unit: 'count' as const, window: '90d' as const, component: 'volume' as const },
];

describe('componentScores', () => {
  it('charges the shortfall to the components that raised the risk, in proportion', () => {
    // product quality +0.3 (0.35 − 0.05 within the component), after-sales +0.1, volume ("other") +0.1, fulfilment −0.2
    const s = componentScores(40, [-0.2, 0.35, -0.05, 0.1, 0.1], features);
    expect(s.product_quality).toBeCloseTo(100 - 60 * 0.6);
    expect(s.after_sales).toBeCloseTo(100 - 60 * 0.2);
    expect(s.fulfilment).toBe(100);
    expect(s.satisfaction).toBe(100); // no satisfaction features in this model
  });

  it('never goes below trust nor above 100', () => {
    const s = componentScores(10, [0, 1, 0, 0, 0], features);
    expect(s.product_quality).toBeCloseTo(10);
    for (const v of Object.values(s)) {
      expect(v).toBeGreaterThanOrEqual(10);
      expect(v).toBeLessThanOrEqual(100);
    }
  });

  it('gives 100 everywhere when no feature raised the risk', () => {
    expect(componentScores(97, [-0.01, -0.01, 0, 0, 0], features)).toEqual({
      fulfilment: 100,
      product_quality: 100,
      after_sales: 100,
      satisfaction: 100,
    });
  });

  it("charges a per-row feature (the worst standard) to the component of this row's standard", () => {
    const worst = { name: 'worst_standard_pct_365d', description: '', unit: 'share' as const, window: '365d' as const };
    const withWorst = [...features, { ...worst, componentFrom: 'worst_standard_365d' }];
    const contributions = [0, 0, 0, 0.1, 0, 0.3];
    const lastIs = (c: string) => [...Array<undefined>(5).fill(undefined), c];
    // A late shipper's worst standard is fulfilment; a shop refusing returns has it in after-sales.
    const late = componentScores(60, contributions, withWorst, lastIs('fulfilment'));
    expect(late.fulfilment).toBeCloseTo(100 - 40 * 0.75);
    expect(late.after_sales).toBeCloseTo(100 - 40 * 0.25);
    const refusing = componentScores(60, contributions, withWorst, lastIs('after_sales'));
    expect(refusing.fulfilment).toBe(100);
    expect(refusing.after_sales).toBeCloseTo(60);
    // Without a row component (no standard has a value) it counts with the other group, as size does.
    expect(componentScores(60, contributions, withWorst).after_sales).toBeCloseTo(100 - 40 * 0.25);
  });
});
