// The side-by-side table: scenarios as columns (status-quo first), value [lo, hi] and the change against status-quo.
import { describe, expect, it } from 'vitest';
import { formatSimTable } from '../../../pipelines/simulate/formatSimTable.ts';
import type { SimResultRow } from '../../../data/warehouse/tables/simResultRow.ts';

const row = (
  scenario: string,
  metric: string,
  value: number,
  lo: number | null = null,
  hi: number | null = null,
): SimResultRow => ({
  scenario,
  segment: 'overall',
  metric,
  value,
  lo,
  hi,
});

describe('formatSimTable', () => {
  it('puts status-quo first and shows intervals and deltas', () => {
    const text = formatSimTable([
      row('risk-gated', 'honest_burdened_rate', 0.031, 0.02, 0.04),
      row('status-quo', 'honest_burdened_rate', 0.01, 0.005, 0.015),
      row('risk-gated', 'merchant_loss', 12500.4, 11000, 14000),
      row('status-quo', 'merchant_loss', 20000, 18000, 22000),
      row('status-quo', 'review_capacity', 300),
    ]);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^metric\s+status-quo\s+risk-gated$/);
    expect(lines.find((l) => l.startsWith('honest_burdened_rate'))).toMatch(
      /1\.0% \[0\.5%, 1\.5%\]\s+3\.1% \[2\.0%, 4\.0%\] \(\+2\.1%\)$/,
    );
    expect(lines.find((l) => l.startsWith('merchant_loss'))).toMatch(
      /20,000 \[18,000, 22,000\]\s+12,500 \[11,000, 14,000\] \(-7,500\)$/,
    );
    expect(lines.find((l) => l.startsWith('review_capacity'))).toMatch(/300\s+—$/);
  });

  it('prints a count and its bootstrap bounds as whole requests', () => {
    const text = formatSimTable([row('status-quo', 'new_buyer_burdened', 12, 4, 20.03)]);
    expect(text.split('\n').find((l) => l.startsWith('new_buyer_burdened'))).toMatch(/12 \[4, 20\]$/);
  });
});
