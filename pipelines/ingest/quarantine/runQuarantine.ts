// `trustlens quarantine`: what ingest set aside, counted by batch, table and reason, or the rows of one reason as a
// text
// table or CSV (file and line to find each in the source; fix them there and deliver them again, see the README).
import { CONTRACTS, TABLE_NAMES, versionsTable } from '../../../data/contracts/index.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { quoteIdent, quoteLiteral } from '../../../data/warehouse/quoteIdent.ts';
import type { CommandContext } from '../../cli/defineCommand.ts';
import { withWarehouse } from '../../cli/withWarehouse.ts';
import { UserError } from '../../../data/validation/errors.ts';
import { textTable } from '../../../data/log/textTable.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import { toCsv } from '../../../reports/csv/toCsv.ts';
import { existsSync } from 'node:fs';

export interface QuarantineOptions {
  batch?: number;
  table?: string;
  reason?: string;
  format: 'table' | 'csv';
}

interface CountRow {
  batch_id: number;
  table_name: string;
  column_name: string;
  rule: string;
  rows: bigint;
  loaded_since: bigint;
  /** The last row: every quarantined row once, however many reasons it broke. */
  is_total: boolean;
}

interface QuarantineRow {
  batch_id: number;
  table_name: string;
  source_file: string;
  line_number: bigint | null;
  row_number: bigint;
  row_key: string | null;
  column_name: string | null;
  value: string | null;
  rule: string;
  /** The first later batch that delivered a version of this row's key: the fixed row. */
  loaded_in: number | null;
}

/** A long value (a whole unreadable line) shortened for the terminal; CSV keeps it whole. */
const short = (v: string | null, n = 60) =>
  (v === null ? '' : v.length > n ? `${v.slice(0, n - 1)}…` : v).replace(/\s/g, ' ');

export function formatCounts(counts: CountRow[]): string {
  const rows = counts.filter((r) => !r.is_total);
  const totals = counts.find((r) => r.is_total);
  if (rows.length === 0) return 'no rows quarantined';
  const body = rows.map((r) => [
    String(r.batch_id),
    r.table_name,
    r.column_name,
    r.rule,
    String(r.rows),
    String(r.loaded_since),
  ]);
  const total = Number(totals?.rows ?? 0);
  const fixed = Number(totals?.loaded_since ?? 0);
  return (
    `${textTable(['batch', 'table', 'column', 'reason', 'rows', 'loaded since'], body, [0, 4, 5])}\n` +
    `${total} row${total === 1 ? '' : 's'} in all, ${fixed} of them loaded since by a later batch; the rows of one reason: trustlens quarantine --reason TEXT [--format csv]`
  );
}

export function formatRows(rows: QuarantineRow[], format: 'table' | 'csv'): string {
  if (format === 'csv') {
    return toCsv(
      [
        { header: 'batch', value: (r: QuarantineRow) => r.batch_id },
        { header: 'table', value: (r) => r.table_name },
        { header: 'file', value: (r) => r.source_file },
        { header: 'line', value: (r) => (r.line_number === null ? null : Number(r.line_number)) },
        { header: 'row', value: (r) => Number(r.row_number) },
        { header: 'key', value: (r) => r.row_key },
        { header: 'column', value: (r) => r.column_name },
        { header: 'value', value: (r) => r.value },
        { header: 'reason', value: (r) => r.rule },
        { header: 'loaded_in', value: (r) => r.loaded_in },
      ],
      rows,
      { bom: false },
    );
  }
  const body = rows.map((r) => [
    String(r.batch_id),
    r.table_name,
    r.source_file,
    r.line_number === null ? '' : String(r.line_number),
    String(r.row_number),
    r.row_key ?? '',
    r.column_name ?? '',
    short(r.value),
    r.rule,
    r.loaded_in === null ? '' : String(r.loaded_in),
  ]);
  const headers = ['batch', 'table', 'file', 'line', 'row', 'key', 'column', 'value', 'reason', 'loaded in'];
  return textTable(headers, body, [0, 3, 4, 9]) + '\n';
}

/** The keys every later batch delivered, per table: a quarantined row whose key came again was fixed and loaded. */
async function laterVersions(wh: Warehouse): Promise<string> {
  const parts: string[] = [];
  for (const t of TABLE_NAMES) {
    if (!(await wh.tableExists(versionsTable(t)))) continue;
    parts.push(
      readSql(new URL('./sql/table_versions.sql', import.meta.url), {
        table_name: quoteLiteral(t),
        key: quoteIdent(CONTRACTS[t].primaryKey),
        versions: quoteIdent(versionsTable(t)),
      }),
    );
  }
  return parts.length ? parts.join('\nunion all\n') : readSql(new URL('./sql/no_versions.sql', import.meta.url));
}

export async function runQuarantine(options: QuarantineOptions, ctx: CommandContext): Promise<void> {
  if (ctx.warehouse !== ':memory:' && !existsSync(ctx.warehouse)) {
    throw new UserError(
      `warehouse ${ctx.warehouse} does not exist; run \`trustlens ingest\` (or \`trustlens run\`) first, or pass --warehouse`,
    );
  }
  const params = { batch: options.batch ?? null, table: options.table ?? null };
  const out = await withWarehouse(ctx, null, async (wh) => {
    if (!(await wh.tableExists('quarantine'))) return 'no rows quarantined (nothing was ingested yet)\n';
    const slots = { later_versions: await laterVersions(wh) };
    if (options.reason === undefined) {
      const counts = await wh.all<CountRow & Record<string, unknown>>(
        readSql(new URL('./sql/quarantine_counts.sql', import.meta.url), slots),
        params,
      );
      return `${formatCounts(counts)}\n`;
    }
    const rows = await wh.all<QuarantineRow & Record<string, unknown>>(
      readSql(new URL('./sql/quarantine_rows.sql', import.meta.url), slots),
      {
        ...params,
        reason: options.reason,
      },
    );
    if (rows.length === 0)
      throw new UserError(
        `no quarantined row has a reason containing "${options.reason}"; run \`trustlens quarantine\` to list the reasons`,
      );
    return formatRows(rows, options.format);
  });
  process.stdout.write(out);
}
