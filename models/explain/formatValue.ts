// Formats a feature value for a reason sentence by its catalogue unit (shares as percents, hours and days with units).
import type { CatalogueEntry } from '../specs/specCatalogue.ts';

// toLocaleString builds a formatter on every call; the decision service formats reasons per request.
const formatters = new Map<number, Intl.NumberFormat>();
function formatter(digits: number): Intl.NumberFormat {
  let f = formatters.get(digits);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    formatters.set(digits, f);
  }
  return f;
}

/**
 * Fixed decimals; a value that rounds to zero never keeps its sign ("-0.0" read as a fall in 110 of 200 queue rows).
 */
const num = (v: number, digits: number) => {
  const s = formatter(digits).format(v);
  return /[1-9]/.test(s) ? s : s.replace('-', '');
};

function percent(v: number): string {
  const p = v * 100;
  return `${num(p, Math.abs(p) >= 10 || Math.abs(p) < 0.05 ? 0 : 1)}%`;
}

function signed(s: string, v: number): string {
  return v > 0 && /[1-9]/.test(s) ? `+${s}` : s;
}

/** NaN (missing) formats as "none". */
export function formatValue(value: number, unit: CatalogueEntry['unit']): string {
  if (!Number.isFinite(value)) return 'none';
  // never print "-0.0": values that round to zero are zero
  if (Math.abs(value) < 5e-4) value = 0;
  switch (unit) {
    case 'count':
      return Number.isInteger(value) ? num(value, 0) : num(value, 1);
    case 'currency':
      return num(value, 2);
    case 'share':
      return percent(value);
    case 'share_change':
      return signed(`${num(value * 100, 1)} points`, value);
    case 'stars':
      return num(value, 1);
    case 'stars_change':
      return signed(num(value, 2), value);
    case 'days':
      return `${num(value, Math.abs(value) >= 10 ? 0 : 1)} day${Math.round(value) === 1 ? '' : 's'}`;
    case 'hours':
      return `${num(value, Math.abs(value) >= 10 ? 0 : 1)} hour${Math.round(value) === 1 ? '' : 's'}`;
    case 'per_1k_orders':
      return num(value, 1);
    default:
      return String(value);
  }
}
