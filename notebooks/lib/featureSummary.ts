// Per-column summaries of a feature mart (count, nulls, quantiles) joined to the catalogue's descriptions.
import type { Catalog, Row } from './exportData.ts';

export interface FeatureStats {
  feature: string;
  description: string;
  unit: string;
  window: string;
  present: number;
  nulls: number;
  min: number | null;
  median: number | null;
  mean: number | null;
  max: number | null;
}

/** Columns holding numbers (null allowed), in row order, minus keys. */
export function numericColumns(rows: readonly Row[], exclude: readonly string[] = []): string[] {
  const first = rows[0];
  if (!first) return [];
  return Object.keys(first).filter(
    (k) => !exclude.includes(k) && rows.every((r) => r[k] === null || r[k] === undefined || typeof r[k] === 'number'),
  );
}

export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (i - lo);
}

export function summarizeFeatures(
  rows: readonly Row[],
  columns: readonly string[],
  catalog: Catalog | null,
  table: string,
): FeatureStats[] {
  const described = new Map((catalog?.[table]?.columns ?? []).map((c) => [c.name, c]));
  return columns.map((feature) => {
    const values = rows.map((r) => r[feature]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    values.sort((a, b) => a - b);
    const c = described.get(feature);
    return {
      feature,
      description: c?.description ?? '',
      unit: c?.unit ?? '',
      window: c?.window ?? '',
      present: values.length,
      nulls: rows.length - values.length,
      min: values[0] ?? null,
      median: quantile(values, 0.5),
      mean: values.length ? values.reduce((s, v) => s + v, 0) / values.length : null,
      max: values.at(-1) ?? null,
    };
  });
}

/**
 * Mid-rank percentile of `value` among the rows (ties count half, so a value everyone shares sits at 50%); null when
 * missing.
 */
export function percentile(rows: readonly Row[], feature: string, value: unknown): number | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const values = rows.map((r) => r[feature]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (values.length === 0) return null;
  const below = values.filter((v) => v < value).length;
  const equal = values.filter((v) => v === value).length;
  return (below + equal / 2) / values.length;
}
