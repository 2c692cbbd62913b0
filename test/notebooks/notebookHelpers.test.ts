// Helpers the notebooks compute with: feature summaries, percentiles and the keys that link a group.
import { describe, expect, it } from 'vitest';
import { numericColumns, percentile, quantile, summarizeFeatures } from '../../notebooks/lib/featureSummary.ts';
import { sharedKeys } from '../../notebooks/lib/linkedKeys.ts';

describe('featureSummary', () => {
  const rows = [
    { buyer_id: 'b1', orders_90d: 1, rate: null },
    { buyer_id: 'b2', orders_90d: 3, rate: 0.5 },
    { buyer_id: 'b3', orders_90d: 8, rate: 1 },
  ];

  it('finds numeric columns (nulls allowed) and leaves out keys', () => {
    expect(numericColumns(rows, ['buyer_id'])).toEqual(['orders_90d', 'rate']);
    expect(numericColumns([])).toEqual([]);
  });

  it('summarizes each column with catalogue descriptions', () => {
    const catalog = {
      feat_buyer: {
        description: '',
        columns: [
          { name: 'rate', description: 'A rate.', unit: 'share', window: '90d', role: 'feature', component: null },
        ],
      },
    };
    expect(summarizeFeatures(rows, ['orders_90d', 'rate'], catalog, 'feat_buyer')).toEqual([
      {
        feature: 'orders_90d',
        description: '',
        unit: '',
        window: '',
        present: 3,
        nulls: 0,
        min: 1,
        median: 3,
        mean: 4,
        max: 8,
      },
      {
        feature: 'rate',
        description: 'A rate.',
        unit: 'share',
        window: '90d',
        present: 2,
        nulls: 1,
        min: 0.5,
        median: 0.75,
        mean: 0.75,
        max: 1,
      },
    ]);
  });

  it('quantile interpolates; percentile is mid-rank (ties count half)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([], 0.5)).toBeNull();
    expect(percentile(rows, 'orders_90d', 3)).toBeCloseTo(1.5 / 3);
    expect(percentile(rows, 'orders_90d', 8)).toBeCloseTo(2.5 / 3);
    expect(percentile([{ x: 1 }, { x: 1 }], 'x', 1)).toBe(0.5);
    expect(percentile(rows, 'rate', null)).toBeNull();
  });
});

describe('sharedKeys', () => {
  it('lists keys used by two or more buyers, most shared first', () => {
    const requests = [
      { buyer_id: 'b1', device_key: 'dev-A', address_key: 'addr-1', payment_key: 'pay-1' },
      { buyer_id: 'b2', device_key: 'dev-A', address_key: 'addr-2', payment_key: 'pay-1' },
      { buyer_id: 'b3', device_key: 'dev-A', address_key: 'addr-3', payment_key: null },
      { buyer_id: 'b3', device_key: 'dev-A', address_key: 'addr-3', payment_key: null },
    ];
    expect(sharedKeys(requests)).toEqual([
      { kind: 'device', key: 'dev-A', buyers: ['b1', 'b2', 'b3'], requests: 4 },
      { kind: 'payment', key: 'pay-1', buyers: ['b1', 'b2'], requests: 2 },
    ]);
  });
});
