// Feature and score drift: PSI of every numeric column both weeks share, this week against the previous week in the
// table.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { psi } from '../psi.ts';
import type { DriftRow, DriftSection } from '../reportData.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { historyTableSlot, type HistoryTable } from './historyTables.ts';
import { daysBetween } from '../../data/time/isoDate.ts';
import { AGE_FEATURE } from '../../models/train/featureProfile.ts';

const KEY_COLUMNS = new Set(['as_of', 'buyer_id', 'merchant_id', 'model_date', 'group_id']);
const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|REAL|DOUBLE|DECIMAL.*|BOOLEAN)$/i;

export interface DriftSource {
  subject: string;
  table: HistoryTable;
  /** Preferred columns (e.g. the feature catalogue's model inputs); when absent, every numeric non-key column. */
  columns?: readonly string[];
}

async function weekColumns(wh: Warehouse, table: HistoryTable, asOf: string): Promise<Record<string, unknown[]>> {
  const reader = await wh.conn.runAndReadAll(
    readSql(new URL('../sql/report_history_week.sql', import.meta.url), historyTableSlot(table)),
    { as_of: asOf },
  );
  return reader.getColumnsObjectJS() as Record<string, unknown[]>;
}

function toNumbers(values: readonly unknown[]): (number | null)[] {
  return values.map((v) => (v === null || v === undefined ? null : typeof v === 'boolean' ? Number(v) : Number(v)));
}

function mean(values: readonly (number | null)[]): number | null {
  let s = 0;
  let n = 0;
  for (const v of values) {
    if (v === null || !Number.isFinite(v)) continue;
    s += v;
    n++;
  }
  return n ? s / n : null;
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
  const now = await weekColumns(wh, source.table, asOf);
  const before = await weekColumns(wh, source.table, previousAsOf);
  const rows: DriftRow[] = [];
  // Ages grow by construction (a week older every week): last week's are advanced by the days between the weeks, so
  // only a real change of the population (many new accounts, say) shows as drift.
  const gap = daysBetween(previousAsOf, asOf);
  for (const c of columns) {
    const cur = toNumbers(now[c] ?? []);
    const age = AGE_FEATURE.test(c);
    const prev = toNumbers(before[c] ?? []).map((v) => (v !== null && age ? v + gap : v));
    const result = psi(prev, cur);
    if (result)
      rows.push({
        feature: c,
        psi: result.psi,
        previousMean: mean(prev),
        currentMean: mean(cur),
        ...(age ? { adjusted: `last week's values advanced ${gap} days` } : {}),
      });
  }
  return { ...base, previousAsOf, rows };
}
