// Number and date formatting for reports: thousands separators, fixed decimals, true minus signs, em dash for missing.
import { addDays } from '../../data/time/isoDate.ts';
const MINUS = '\u2212';
export const MISSING = '—';

const cache = new Map<number, Intl.NumberFormat>();
function nf(decimals: number): Intl.NumberFormat {
  let f = cache.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    cache.set(decimals, f);
  }
  return f;
}

function finite(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/** 1234.5 → "1,234.50" (decimals fixed); negatives use a true minus sign. */
export function fmtNumber(v: number | null | undefined, decimals = 0): string {
  if (!finite(v)) return MISSING;
  const s = nf(decimals).format(Math.abs(v));
  const isZero = Number(s.replace(/,/g, '')) === 0;
  return v < 0 && !isZero ? MINUS + s : s;
}

export const fmtInt = (v: number | null | undefined): string => fmtNumber(v, 0);

// The currency shown with money while one set of pages renders (config report.currency); rendering is synchronous, so
// withCurrency scopes it to exactly that render.
let currency: string | null = null;

/** Renders with `code` (e.g. "CNY") shown with every amount; null shows plain numbers. */
export function withCurrency<T>(code: string | null, render: () => T): T {
  const before = currency;
  currency = code;
  try {
    return render();
  } finally {
    currency = before;
  }
}

/** The currency code in force, null when none is configured. */
export function currencyCode(): string | null {
  return currency;
}

/** "GMV (CNY)" for labels and axis titles; unchanged without a currency. */
export function withUnit(label: string): string {
  return currency ? `${label} (${currency})` : label;
}

function money(v: number | null | undefined, decimals: number): string {
  const body = fmtNumber(v, decimals);
  return currency && body !== MISSING ? `${currency} ${body}` : body;
}

/** Aggregate money in the platform currency, whole units (totals, losses, GMV). */
export function fmtMoney(v: number | null | undefined): string {
  return money(v, 0);
}

/** Money of one account or order, with cents. */
export function fmtAmount(v: number | null | undefined): string {
  return money(v, 2);
}

/** A share 0–1 as a percentage: 0.1234 → "12.3%". */
export function fmtPct(v: number | null | undefined, decimals = 1): string {
  return finite(v) ? fmtNumber(v * 100, decimals) + '%' : MISSING;
}

/** Probability 0–1 to three decimals. */
export const fmtProb = (v: number | null | undefined): string => fmtNumber(v, 3);

/** Prefixes a sign: "+1.2" / "−1.2" / "0.0". */
export function fmtSigned(v: number | null | undefined, decimals = 1, suffix = ''): string {
  if (!finite(v)) return MISSING;
  const body = fmtNumber(v, decimals);
  return (v > 0 && body !== fmtNumber(0, decimals) ? '+' : '') + body + suffix;
}

/** "2026-10-26 – 2026-11-01" for the week [start, end) — the end date shown is the last day inside the week. */
export function fmtWeek(start: string, endExclusive: string): string {
  return `${start} – ${addDays(endExclusive, -1)}`;
}
