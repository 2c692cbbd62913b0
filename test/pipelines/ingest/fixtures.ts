// Small literal marketplaces for the ingest tests, written as CSV, NDJSON or Parquet into a temp folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { columnNames, TABLE_NAMES, type TableName } from '../../../data/contracts/index.ts';
import {
  buyer,
  fullRow,
  investigation,
  merchant,
  merchantAction,
  order,
  refundRequest,
  review,
  serviceTicket,
  type Cell,
  type LiteralRow,
} from '../../support/contractRows.ts';

export type { Cell };
export type Rows = Partial<Record<TableName, Record<string, Cell>[]>>;

/**
 * A small valid delivery as it arrives in files (test/support builders, every column present, values as text), linked
 * by
 * keys; tests copy and break it. The values exercise parsing: zoned and unzoned timestamps, Chinese, emoji, quotes,
 * HTML.
 */
export function goodRows(): Record<TableName, Record<string, Cell>[]> {
  const rows: Record<TableName, LiteralRow[]> = {
    buyers: [
      buyer('b1', { registered_at: '2025-01-02T03:04:05Z', region: 'CN-31' }),
      buyer('b2', { registered_at: '2025-02-01 08:00:00+08:00' }),
    ],
    merchants: [
      merchant('m1', {
        name: '小王的店 😀 <b>"best"</b>',
        main_category: 'fresh_food',
        opened_at: '2024-06-01',
        region: 'CN-11',
      }),
    ],
    orders: [
      order('o1', 'b1', 'm1', {
        category: 'fresh_food',
        amount: '19.90',
        created_at: '2026-03-01T10:00:00Z',
        promised_ship_by: '2026-03-02T10:00:00Z',
        shipped_at: '2026-03-01T18:00:00Z',
        delivered_at: '2026-03-03T09:00:00Z',
        address_key: 'a1',
        device_key: 'd1',
        payment_key: 'p1',
      }),
      order('o2', 'b2', 'm1', {
        category: 'electronics',
        amount: '0',
        created_at: '2026-03-05T10:00:00Z',
        cancelled_at: '2026-03-05T11:00:00Z',
      }),
    ],
    refund_requests: [
      refundRequest('r1', 'o1', {
        requested_at: '2026-03-04T08:00:00Z',
        reason: 'not_received',
        amount: '19.90',
        decided_at: '2026-03-05T08:00:00Z',
        decided_by: 'auto',
        escalated: 'false',
      }),
    ],
    reviews: [
      review('v1', 'o1', {
        rating: '1',
        described: '2',
        logistics: '5',
        text: '没收到\n"差评" <script>x</script>',
        created_at: '2026-03-04T09:00:00Z',
      }),
    ],
    service_tickets: [
      serviceTicket('t1', 'm1', {
        order_id: 'o1',
        buyer_id: 'b1',
        opened_at: '2026-03-04T08:30:00Z',
        resolved: 'false',
        attitude_complaint: 'true',
      }),
    ],
    merchant_actions: [
      merchantAction('x1', 'm1', {
        taken_at: '2026-04-01T00:00:00Z',
        action: 'warning',
        reason: 'late, "slow" shipping',
      }),
    ],
    investigations: [
      investigation('c1', 'b1', {
        request_id: 'r1',
        opened_at: '2026-03-10T00:00:00Z',
        closed_at: '2026-04-10T00:00:00Z',
        verdict: 'confirmed_abuse',
      }),
    ],
  };
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, rows[t].map((r) => fullRow(t, r))])) as Record<
    TableName,
    Record<string, Cell>[]
  >;
}

/** A fresh folder under /tmp/trustlens-tests, removed when the current test finishes. */
export function tempDir(prefix = 'ingest'): string {
  mkdirSync('/tmp/trustlens-tests', { recursive: true });
  const dir = mkdtempSync(join('/tmp/trustlens-tests', `${prefix}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function csvCell(v: Cell): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) || s === '' ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(table: TableName, rows: Record<string, Cell>[], columns = columnNames(table)): string {
  return [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)).join(','))].join('\n') + '\n';
}

/** Writes every table given as <table>.csv (or .ndjson) into dir; returns dir. */
export function writeTables(dir: string, rows: Rows, format: 'csv' | 'ndjson' = 'csv', suffix = ''): string {
  for (const t of TABLE_NAMES) {
    const r = rows[t];
    if (!r) continue;
    const text = format === 'csv' ? toCsv(t, r) : r.map((x) => JSON.stringify(x)).join('\n') + (r.length ? '\n' : '');
    writeFileSync(join(dir, `${t}${suffix}.${format}`), text);
  }
  return dir;
}
