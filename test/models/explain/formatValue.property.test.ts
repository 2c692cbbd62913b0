// The fast number formatting of reasons writes exactly what en-US Intl.NumberFormat writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixedGrouped } from '../../../models/explain/formatValue.ts';

const intl = (v: number, digits: number) =>
  new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

describe('fixedGrouped', () => {
  it('writes literal values as en-US does', () => {
    expect(fixedGrouped(1234567.891, 2)).toBe('1,234,567.89');
    expect(fixedGrouped(-1234.5, 0)).toBe('-1,235');
    expect(fixedGrouped(0.125, 2)).toBe('0.13');
    expect(fixedGrouped(1.95, 1)).toBe('2.0');
    expect(fixedGrouped(2.675, 2)).toBe('2.68');
    expect(fixedGrouped(999.96, 1)).toBe('1,000.0');
    expect(fixedGrouped(-0.04, 1)).toBe('-0.0');
  });

  it('equals Intl.NumberFormat for any double and 0 to 3 decimals', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.integer()),
        fc.integer({ min: 0, max: 3 }),
        (v, digits) => fixedGrouped(v, digits) === intl(v, digits),
      ),
      { numRuns: 20_000 },
    );
  });

  it('equals Intl.NumberFormat on exact ties and near-ties', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 2 }), (n, digits) => {
        const v = (n + 0.5) / 10 ** digits;
        return fixedGrouped(v, digits) === intl(v, digits);
      }),
      { numRuns: 20_000 },
    );
  });
});
