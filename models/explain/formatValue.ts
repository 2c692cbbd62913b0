// Formats a feature value for a reason sentence by its catalogue unit (shares as percents, hours and days with units).
import type { CatalogueEntry } from '../specs/specCatalogue.ts';

/** A non-negative decimal digit string plus one unit in its last place ("0999" → "1000"). */
function increment(d: string): string {
  const c = d.split('');
  let i = c.length - 1;
  for (; i >= 0 && c[i] === '9'; i--) c[i] = '0';
  if (i < 0) return '1' + c.join('');
  c[i] = String.fromCharCode(c[i]!.charCodeAt(0) + 1);
  return c.join('');
}

/**
 * `v` with `digits` decimals and thousands separators, exactly as en-US `Intl.NumberFormat` writes it (which rounds the
 * shortest decimal that reads back as `v`, ties away from zero: 1.95 → "2.0", 2.675 → "2.68"), at a fraction of its
 * cost: the decision service formats reasons for every request.
 */
export function fixedGrouped(v: number, digits: number): string {
  const shortest = String(Math.abs(v));
  if (shortest.includes('e') || !Number.isFinite(v))
    return v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const dot = shortest.indexOf('.');
  const int = dot < 0 ? shortest : shortest.slice(0, dot);
  const frac = dot < 0 ? '' : shortest.slice(dot + 1);
  let kept = int + frac.slice(0, digits).padEnd(digits, '0');
  if (frac.length > digits && frac.charCodeAt(digits) >= 53) kept = increment(kept);
  const whole = kept.slice(0, kept.length - digits) || '0';
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  const sign = v < 0 || Object.is(v, -0) ? '-' : '';
  return sign + grouped + (digits > 0 ? '.' + kept.slice(kept.length - digits) : '');
}

/**
 * Fixed decimals; a value that rounds to zero never keeps its sign ("-0.0" read as a fall in 110 of 200 queue rows).
 */
const num = (v: number, digits: number) => {
  const s = fixedGrouped(v, digits);
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
    case 'ratio':
      return `${num(value, 1)}×`;
    case 'score':
      return num(value, 1);
    default:
      return String(value);
  }
}
