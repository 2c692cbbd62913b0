// Feature and score drift: PSI of every numeric column both weeks share, this week against the previous week in the
// table.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { psiFromShares } from '../psi.ts';
import type { DriftRow, DriftSection } from '../reportData.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { belowCuts, cutParams, knownValue } from './binSlots.ts';
import { historyTableSlot, type HistoryTable } from './historyTables.ts';
import { daysBetween } from '../../data/time/isoDate.ts';
import { AGE_FEATURE } from '../../models/train/featureProfile.ts';
import { binCounts } from './binCounts.ts';
import { num } from './values.ts';

const KEY_COLUMNS = new Set(['as_of', 'buyer_id', 'merchant_id', 'model_date', 'group_id']);
const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL.*|BOOLEAN)$/i;
/**
 * Counts and flags: whole numbers, cut exactly from a histogram (report_drift_cuts.sql), which holds one entry a
 * distinct value: two for a flag, tens of thousands at most for a count like a shop's yearly orders.
 */
const COUNTED = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|BOOLEAN)$/i;
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

/** Column i of the drift queries, named c{i} (knownValue), aged columns moved by `shift`. */
function columnSlot(columns: readonly string[], aged: ReadonlySet<string>, shift: string): string {
  return columns.map((c, i) => knownValue(c, i, aged.has(c) ? shift : '')).join(',\n    ');
}

/**
 * The cuts psi() takes from last week's known values, from their histogram (value → rows): the value at 0-based
 * position floor(i * n / BINS) of the sorted values for i = 1 … BINS - 1, duplicates dropped, as quantile_disc gives
 * them.
 */
export function cutsOfHistogram(histogram: readonly { key: number; rows: number }[]): number[] {
  const sorted = [...histogram].sort((a, b) => a.key - b.key);
  const n = sorted.reduce((s, h) => s + h.rows, 0);
  const cuts: number[] = [];
  let k = 0;
  let before = 0;
  for (let i = 1; i < BINS && n > 0; i++) {
    const position = Math.floor((i * n) / BINS);
    while (before + sorted[k]!.rows <= position) before += sorted[k++]!.rows;
    if (cuts.at(-1) !== sorted[k]!.key) cuts.push(sorted[k]!.key);
  }
  return cuts;
}

/** Last week's cuts per column (report_drift_cuts.sql): histograms for `counted` columns, quantiles for the others. */
async function driftCuts(
  wh: Warehouse,
  table: HistoryTable,
  previous: string,
  columns: readonly string[],
  aged: { columns: ReadonlySet<string>; gap: number },
  counted: ReadonlySet<string>,
): Promise<number[][]> {
  const cutLists = columns
    .map((c, i) =>
      counted.has(c)
        ? `histogram(c${i}) as c${i}`
        : `coalesce(list_sort(list_distinct(quantile_disc(c${i}, ${QUANTILES}))), cast([] as double[])) as c${i}`,
    )
    .join(',\n    ');
  const [row] = await wh.all(
    readSql(new URL('../sql/report_drift_cuts.sql', import.meta.url), {
      ...historyTableSlot(table),
      columns: columnSlot(columns, aged.columns, ' + s.age_gap'),
      cut_lists: cutLists,
    }),
    { previous, gap: aged.gap },
  );
  return columns.map((c, i) => {
    const value = row?.[`c${i}`];
    if (!counted.has(c)) return ((value ?? []) as unknown[]).map(num);
    const entries = (value ?? []) as { key: unknown; value: unknown }[];
    return cutsOfHistogram(entries.map((e) => ({ key: num(e.key), rows: num(e.value) })));
  });
}

/**
 * PSI bins of `columns` between two weeks of a history table, computed in the warehouse (reading every value of both
 * weeks into JavaScript cost most of the report's time at scale). Columns in `aged` have `gap` days added to last
 * week's values before binning; `counted` columns (integers, booleans: a few distinct values) are cut from their
 * histogram.
 */
export async function driftBins(
  wh: Warehouse,
  table: HistoryTable,
  weeks: { previous: string; current: string },
  columns: readonly string[],
  aged: { columns: ReadonlySet<string>; gap: number },
  counted: ReadonlySet<string> = new Set(),
): Promise<Map<string, DriftBins>> {
  const out = new Map<string, DriftBins>();
  if (!columns.length) return out;
  const cuts = await driftCuts(wh, table, weeks.previous, columns, aged, counted);
  const sums = cuts
    .map((k, i) => `{'below': ${belowCuts(k, i)}, 'known': count(w.c${i}), 'total': fsum(w.c${i})} as c${i}`)
    .join(',\n    ');
  const params = { previous: weeks.previous, current: weeks.current, gap: aged.gap, ...cutParams(cuts) };
  const shift = ` + case when t.as_of = cast($current as date) then 0 else s.age_gap end`;
  const rows = await wh.all(
    readSql(new URL('../sql/report_drift_bins.sql', import.meta.url), {
      ...historyTableSlot(table),
      columns: columnSlot(columns, aged.columns, shift),
      sums,
    }),
    params,
  );
  for (const r of rows) {
    const i = Number(String(r.feature).slice(1));
    const column = columns[i];
    if (column === undefined) throw new Error(`report_drift_bins: unexpected column ${String(r.feature)}`);
    const b = out.get(column) ?? {
      cuts: cuts[i]!,
      previousCounts: [],
      currentCounts: [],
      previousRows: 0,
      currentRows: 0,
      previousMean: null,
      currentMean: null,
    };
    const known = num(r.known);
    const weekRows = num(r.week_rows);
    const counts = binCounts((r.below as unknown[]).map(num), known, weekRows);
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
  const counted = new Set(types.filter((t) => COUNTED.test(String(t.data_type))).map((t) => String(t.column_name)));
  const bins = await driftBins(
    wh,
    source.table,
    { previous: previousAsOf, current: asOf },
    columns,
    { columns: aged, gap },
    counted,
  );
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
