// Contract rows for tests: one builder per input table, each required column at a valid default, overrides checked
// against the contract.
import { columnNames, type TableName } from '../../data/contracts/index.ts';

export type Cell = string | number | boolean | null;
export type LiteralRow = Record<string, Cell>;
/** Rows per contract table; optional columns left out are NULL. */
export type Marketplace = Partial<Record<TableName, LiteralRow[]>>;

function row(table: TableName, defaults: LiteralRow, overrides: LiteralRow): LiteralRow {
  const names = columnNames(table);
  const unknown = Object.keys(overrides).filter((k) => !names.includes(k));
  if (unknown.length)
    throw new Error(
      `${table}: unknown column(s) ${unknown.join(', ')} in a test row; the contract has ${names.join(', ')}`,
    );
  return { ...defaults, ...overrides };
}

export const buyer = (buyer_id: string, overrides: LiteralRow = {}): LiteralRow =>
  row('buyers', { buyer_id, registered_at: '2025-01-01' }, overrides);

export const merchant = (merchant_id: string, overrides: LiteralRow = {}): LiteralRow =>
  row(
    'merchants',
    { merchant_id, name: `Shop ${merchant_id}`, main_category: 'apparel', opened_at: '2024-01-01' },
    overrides,
  );

export const order = (
  order_id: string,
  buyer_id: string | null, // null: a guest checkout
  merchant_id: string,
  overrides: LiteralRow = {},
): LiteralRow =>
  row(
    'orders',
    { order_id, buyer_id, merchant_id, category: 'apparel', amount: 10, created_at: '2026-01-01' },
    overrides,
  );

export const refundRequest = (request_id: string, order_id: string, overrides: LiteralRow = {}): LiteralRow =>
  row(
    'refund_requests',
    {
      request_id,
      order_id,
      requested_at: '2026-01-05',
      kind: 'refund_only',
      reason: 'quality',
      amount: 10,
      status: 'approved',
      escalated: false,
    },
    overrides,
  );

export const review = (review_id: string, order_id: string, overrides: LiteralRow = {}): LiteralRow =>
  row('reviews', { review_id, order_id, rating: 5, created_at: '2026-01-10' }, overrides);

export const serviceTicket = (ticket_id: string, merchant_id: string, overrides: LiteralRow = {}): LiteralRow =>
  row(
    'service_tickets',
    { ticket_id, merchant_id, opened_at: '2026-01-10', resolved: false, attitude_complaint: false },
    overrides,
  );

export const merchantAction = (action_id: string, merchant_id: string, overrides: LiteralRow = {}): LiteralRow =>
  row('merchant_actions', { action_id, merchant_id, taken_at: '2026-01-15', action: 'warning' }, overrides);

export const investigation = (case_id: string, buyer_id: string, overrides: LiteralRow = {}): LiteralRow =>
  row(
    'investigations',
    { case_id, buyer_id, opened_at: '2026-01-01', closed_at: '2026-01-20', verdict: 'confirmed_abuse' },
    overrides,
  );

/** Every contract column of `table`, absent ones as NULL: the shape of a row in an input file. */
export function fullRow(table: TableName, r: LiteralRow): LiteralRow {
  return Object.fromEntries(columnNames(table).map((c) => [c, r[c] ?? null]));
}
