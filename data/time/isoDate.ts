// Calendar arithmetic on ISO dates (YYYY-MM-DD) in UTC: the one place weekly dates are computed.
const DAY_MS = 86_400_000;

/** Adds (or with a negative count, subtracts) whole days. */
export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The `count` weekly dates ending at asOf, oldest first: asOf − 7(count−1), …, asOf − 7, asOf. */
export function weeksEnding(asOf: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(asOf, -7 * (count - 1 - i)));
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** "Monday" for 2026-11-02. */
export function weekdayName(isoDate: string): string {
  return WEEKDAYS[new Date(`${isoDate}T00:00:00Z`).getUTCDay()]!;
}
