// The feature catalogue: validated YAML beside the SQL, complete for every column, printable as Markdown and JSON.
import { describe, expect, it } from 'vitest';
import { MERCHANT_COMPONENTS } from '../../../data/catalog/catalogSchema.ts';
import { catalogMarkdown } from '../../../pipelines/features/catalogMarkdown.ts';
import {
  catalogColumns,
  featureCatalog,
  featureNames,
  parseCatalogTable,
} from '../../../pipelines/features/featureCatalog.ts';

describe('featureCatalog', () => {
  it('describes every feature with unit and window, and every merchant feature with its trust component', () => {
    const cat = featureCatalog();
    expect(featureNames('feat_buyer')).toContain('refund_only_excess_90d');
    expect(catalogColumns('feat_merchant', { component: 'fulfilment' }).map((c) => c.name)).toEqual([
      'late_shipment_rate_90d',
      'cancellation_rate_90d',
      'delivery_days_median_90d',
      'logistics_avg_90d',
      'late_shipment_rate_365d',
      'late_shipment_rate_adj_365d',
      'late_shipment_vs_marketplace_365d',
    ]);
    const merchantFeatures = cat.feat_merchant.columns.filter((col) => col.role === 'feature');
    // Every merchant feature names a known component or the column it takes its component from, and every component
    // has features.
    expect(
      merchantFeatures
        .filter((c) => !MERCHANT_COMPONENTS.some((m) => m === c.component) && !c.component_from)
        .map((c) => c.name),
    ).toEqual([]);
    expect(merchantFeatures.filter((c) => c.component_from).map((c) => [c.name, c.component_from])).toEqual([
      ['worst_standard_pct_365d', 'worst_standard_365d'],
      ['second_worst_standard_pct_365d', 'second_worst_standard_365d'],
    ]);
    expect(new Set(merchantFeatures.flatMap((c) => (c.component ? [c.component] : [])))).toEqual(
      new Set(MERCHANT_COMPONENTS),
    );
    expect(cat.feat_buyer.key).toEqual(['as_of', 'buyer_id']);
  });

  it('rejects a malformed catalogue file with every problem listed', () => {
    const bad = `
table: feat_merchant
description: x
grain: y
key: [as_of, merchant]
components_required: true
columns:
  - {name: as_of, description: d, unit: date, window: none, role: key, checks: [not_null]}
  - {name: rate, description: r, unit: percent, window: 90d, role: feature, checks: [{range: {}}]}
`;
    expect(() => parseCatalogTable(bad, 'pipelines/features/sql/features/feat_merchant.yml')).toThrow(
      [
        'pipelines/features/sql/features/feat_merchant.yml: 2 problems',
        '  - key columns[1].unit: got "percent"; Invalid option: expected one of "date"|"id"|"category"|"days"|"hours"|"count"|"currency"|"share"|"share_change"|"stars"|"stars_change"|"per_1k_orders"|"ratio"|"score"',
        '  - key columns[1].checks[0].range: a range needs min, max or both',
      ].join('\n'),
    );
  });

  it('checks the rules across columns once each column is well formed', () => {
    const bad = `
table: feat_merchant
description: x
grain: y
key: [as_of, merchant_id]
components_required: true
columns:
  - {name: as_of, description: d, unit: date, window: none, role: key}
  - {name: rate, description: r, unit: share, window: 90d, role: feature}
  - {name: rate, description: r, unit: share, window: 90d, role: feature, component: volume, null_when: never, checks: [not_null]}
`;
    expect(() => parseCatalogTable(bad, 'feat_merchant.yml')).toThrow(
      [
        'feat_merchant.yml: 7 problems',
        '  - key columns[0].null_when: say when the value is NULL, or add the not_null check',
        '  - key columns[0].checks: key columns must carry the not_null check',
        '  - key columns[1].null_when: say when the value is NULL, or add the not_null check',
        '  - key columns[1].component: every feature needs a component (one of fulfilment, product_quality, after_sales, satisfaction, exposure, volume) or component_from',
        '  - key columns[2].name: column listed twice; keep one entry',
        '  - key columns[2].null_when: a not_null column is never NULL; drop null_when or the check',
        '  - key key: key column "merchant_id" must be listed in columns with role: key',
      ].join('\n'),
    );
    const good =
      'table: feat_merchant\ndescription: x\ngrain: y\nkey: [id]\ncolumns:\n  - {name: id, description: d, unit: id, window: none, role: key, checks: [not_null]}\n';
    expect(parseCatalogTable(good, 'feat_merchant.yml').columns).toHaveLength(1);
    expect(() => parseCatalogTable(good, 'feat_buyer.yml')).toThrow(
      'feat_buyer.yml: key table: got "feat_merchant"; must match the file name ("feat_buyer")',
    );
  });

  it('takes a component per row only from an info column of categories, and never from two places', () => {
    const bad = `
table: feat_merchant
description: x
grain: y
key: [merchant_id]
components_required: true
columns:
  - {name: merchant_id, description: d, unit: id, window: none, role: key, checks: [not_null]}
  - {name: worst, description: w, unit: category, window: 365d, role: info, null_when: never}
  - {name: worst_pct, description: p, unit: share, window: 365d, role: feature, component_from: worst, null_when: never}
  - {name: a, description: a, unit: share, window: 365d, role: feature, component_from: worst_pct, null_when: never}
  - {name: b, description: b, unit: share, window: 365d, role: feature, component: volume, component_from: worst, null_when: never}
`;
    expect(() => parseCatalogTable(bad, 'feat_merchant.yml')).toThrow(
      [
        'feat_merchant.yml: 2 problems',
        '  - key columns[3].component_from: "worst_pct" is not an info column of unit category in this table; name one holding a feature name per row',
        '  - key columns[4].component_from: component volume and component_from "worst" both given; a column takes its component from one place, drop one',
      ].join('\n'),
    );
  });

  it('renders Markdown with the NULL convention and one line per column', () => {
    const md = catalogMarkdown(featureCatalog());
    expect(md).toContain('is NULL; models read it as NaN');
    expect(md).toContain('| late_shipment_rate_90d | feature | share | 90d | fulfilment |');
    expect(md).toContain(
      '| worst_standard_pct_365d | feature | share | 365d | per row: that of `worst_standard_365d` |',
    );
    expect(md.split('\n').filter((l) => l.startsWith('| ')).length).toBeGreaterThan(80);
  });
});
