// Feature and score drift: PSI of every numeric column both weeks share, this week against the previous week in the
// table.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { psiFromShares } from '../psi.ts';
import type { DriftRow, DriftSection } from '../reportData.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { historyTableSlot, type HistoryTable } from './historyTables.ts';
import { daysBetween } from '../../data/time/isoDate.ts';
import { AGE_FEATURE } from '../../models/train/featureProfile.ts';
import { binCounts } from './binCounts.ts';
import { num } from './values.ts';

const KEY_COLUMNS = new Set(['as_of', 'buyer_id', 'merchant_id', 'model_date', 'group_id']);
const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL.*|BOOLEAN)$/i;
/** Quantile bins of last week's values, as reports/psi.ts; report_drift_bins.sql holds BINS - 1 cuts per column. */
const BINS = 10;

export interface DriftSource {
  subject: string;
  table: HistoryTable;
  /** Preferred columns (e.g. the feature catalogue's model inputs); when absent, every numeric non-key column. */
  columns?: readonly string[];
}

/** One column's PSI bins from the warehouse: cut points, rows per bin (missing values last) and means of each week. */
export interface DriftBins {
  cuts: number[];
  previousCounts: number[];
  currentCounts: number[];
  previousRows: number;
  currentRows: number;
  previousMean: number | null;
  currentMean: number | null;
}

/** Quantile positions i / BINS nudged up so quantile_disc picks position floor(i * n / BINS) (see the .sql). */
const QUANTILES = `[${Array.from({ length: BINS - 1 }, (_, i) => `${(i + 1) / BINS} + 1e-10`).join(', ')}]`;

/** The per-column expressions of report_drift_bins.sql: column i named c{i}, its cut j k{i}_{j}. */
function driftSlots(columns: readonly string[], aged: ReadonlySet<string>): Record<string, string> {
  const each = (f: (c: string, i: number) => string) => columns.map(f).join(',\n    ');
  const cutIndexes = Array.from({ length: BINS - 1 }, (_, j) => j + 1);
  return {
    // Missing values (NaN and ±inf too) become null, so comparisons and sums pass them by.
    columns: each((c, i) => {
      const shift = ` + case when t.as_of = cast($current as date) then 0 else s.age_gap end`;
      const value = `cast(t.${quoteIdent(c)} as double)${aged.has(c) ? shift : ''}`;
      return `case when isfinite(${value}) then ${value} end as c${i}`;
    }),
    cut_lists: each(
      (_, i) => `coalesce(list_sort(list_distinct(quantile_disc(c${i}, ${QUANTILES}))), cast([] as double[])) as c${i}`,
    ),
    cuts: each((_, i) =>
      cutIndexes.map((j) => `coalesce(c${i}[${j}], cast('inf' as double)) as k${i}_${j}`).join(', '),
    ),
    sums: each(
      (_, i) =>
        `{'below': [${cutIndexes.map((j) => `count_if(w.c${i} < k.k${i}_${j})`).join(', ')}], ` +
        `'known': count(w.c${i}), 'total': fsum(w.c${i})} as c${i}`,
    ),
  };
}

/**
 * PSI bins of `columns` between two weeks of a history table, computed in the warehouse (reading every value of both
 * weeks into JavaScript cost most of the report's time at scale). Columns in `aged` have `gap` days added to last
 * week's values before binning.
 */
export async function driftBins(
  wh: Warehouse,
  table: HistoryTable,
  weeks: { previous: string; current: string },
  columns: readonly string[],
  aged: { columns: ReadonlySet<string>; gap: number },
): Promise<Map<string, DriftBins>> {
  const out = new Map<string, DriftBins>();
  if (!columns.length) return out;
  // Positional names keep any column name (one called "week", say) clear of the query's own columns.
  const rows = await wh.all(
    readSql(new URL('../sql/report_drift_bins.sql', import.meta.url), {
      ...historyTableSlot(table),
      ...driftSlots(columns, aged.columns),
    }),
    { previous: weeks.previous, current: weeks.current, gap: aged.gap },
  );
  for (const r of rows) {
    const column = columns[Number(String(r.feature).slice(1))];
    if (column === undefined) throw new Error(`report_drift_bins: unexpected column ${String(r.feature)}`);
    const cuts = (r.cuts as unknown[]).map(num);
    const b = out.get(column) ?? {
      cuts,
      previousCounts: [],
      currentCounts: [],
      previousRows: 0,
      currentRows: 0,
      previousMean: null,
      currentMean: null,
    };
    const known = num(r.known);
    const weekRows = num(r.week_rows);
    const counts = binCounts((r.below as unknown[]).slice(0, cuts.length).map(num), known, weekRows);
    const mean = known ? num(r.total) / known : null;
    if (r.week === 'current') {
      b.currentCounts = counts;
      b.currentRows = weekRows;
      b.currentMean = mean;
    } else {
      b.previousCounts = counts;
      b.previousRows = weekRows;
      b.previousMean = mean;
    }
    out.set(column, b);
  }
  return out;
}

/** PSI from warehouse bins: the shares and sum of reports/psi.ts, so the value is the one psi() gives on the rows. */
export function psiOfBins(b: DriftBins): number | null {
  if (b.previousRows === 0 || b.currentRows === 0) return null;
  return psiFromShares(
    b.previousCounts.map((c) => c / b.previousRows),
    b.currentCounts.map((c) => c / b.currentRows),
  );
}

export async function loadDrift(wh: Warehouse, asOf: string, source: DriftSource): Promise<DriftSection> {
  const base = { subject: source.subject, currentAsOf: asOf };
  if (!(await wh.tableExists(source.table))) return { ...base, previousAsOf: null, rows: null };
  const previousAsOf =
    (await wh.scalar<string | null>(
      readSql(new URL('../sql/report_previous_week.sql', import.meta.url), historyTableSlot(source.table)),
      { as_of: asOf },
    )) ?? null;
  if (!previousAsOf) return { ...base, previousAsOf: null, rows: [] };
  const types = await wh.all(readSql(new URL('../sql/report_column_types.sql', import.meta.url)), {
    table: source.table,
  });
  const numeric = types
    .filter((t) => NUMERIC.test(String(t.data_type)) && !KEY_COLUMNS.has(String(t.column_name)))
    .map((t) => String(t.column_name));
  const wanted = source.columns ? numeric.filter((c) => source.columns!.includes(c)) : numeric;
  const columns = wanted.length ? wanted : numeric;
  // Ages grow by construction (a week older every week): last week's are advanced by the days between the weeks, so
  // only a real change of the population (many new accounts, say) shows as drift.
  const gap = daysBetween(previousAsOf, asOf);
  const aged = new Set(columns.filter((c) => AGE_FEATURE.test(c)));
  const bins = await driftBins(wh, source.table, { previous: previousAsOf, current: asOf }, columns, {
    columns: aged,
    gap,
  });
  const rows: DriftRow[] = [];
  for (const c of columns) {
    const b = bins.get(c);
    const value = b ? psiOfBins(b) : null;
    if (b && value !== null)
      rows.push({
        feature: c,
        psi: value,
        previousMean: b.previousMean,
        currentMean: b.currentMean,
        ...(aged.has(c) ? { adjusted: `last week's values advanced ${gap} days` } : {}),
      });
  }
  return { ...base, previousAsOf, rows };
}
