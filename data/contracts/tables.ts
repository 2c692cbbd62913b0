// The eight input contracts (README, Input contracts), defined once: checks, DuckDB types and docs all derive from
// here.
import { z } from 'zod';
import { col, type Column } from './column.ts';
import {
  CATEGORIES,
  DECIDERS,
  MERCHANT_ACTIONS,
  REFUND_KINDS,
  REFUND_REASONS,
  REFUND_STATUSES,
  VERDICTS,
} from './categories.ts';

/** A column checked against its parent row's: `amount <= order amount`, `requested_at >= order created_at`. */
export interface ParentRule {
  column: string;
  op: '<=' | '>=';
  parentColumn: string;
}

export interface ForeignKey {
  column: string;
  table: TableName;
  references: string;
  /**
   * Checked when the parent is known (in the warehouse or this delivery): a row breaking one is quarantined. A refund
   * requested before its order was placed had loaded and counted.
   */
  parentRules?: ParentRule[];
  /**
   * A parent that is not (yet) loaded is normally a quarantined row. With `flagWithinDays`, a row dated (by
   * `dateColumn`)
   * within that many days of the warehouse's first `table` row loads anyway, flagged in load_flags: its parent predates
   * the first delivered week.
   */
  missing?: { flagWithinDays: number; dateColumn: string; parentDateColumn: string };
}

export interface TableContract {
  name: TableName;
  doc: string;
  columns: Record<string, Column>;
  primaryKey: string;
  /** The columns that identify a row, when the id alone does not (default: the primary key alone). */
  rowKey?: readonly string[];
  foreignKeys: ForeignKey[];
  /** What each rule is for, for a data team mapping a real export (README: Input contracts). */
  notes?: string[];
}

export const TABLE_NAMES = [
  'buyers',
  'merchants',
  'orders',
  'refund_requests',
  'reviews',
  'service_tickets',
  'merchant_actions',
  'investigations',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const o = col.optional;
/** Changes after delivery: updated in place, every version kept. */
const m = col.mutable;
const promise = (c: Column): Column => ({ schema: c.schema, meta: { ...c.meta, promise: true } });
/** A value outside the vocabulary loads as other, the delivered value kept in `sourceColumn`. */
const fallsBack = (c: Column, sourceColumn: string): Column => ({
  schema: c.schema,
  meta: { ...c.meta, fallback: { value: 'other', sourceColumn } },
});

export const CONTRACTS: Record<TableName, TableContract> = {
  buyers: {
    name: 'buyers',
    doc: 'Buyer accounts.',
    primaryKey: 'buyer_id',
    foreignKeys: [],
    notes: [
      'registered_at may be missing: many exports have no registration date. The first order then stands in for it, marked as derived (feat_buyer.account_age_basis = first order), and an age derived so is never given as a reason.',
      'region may change (accounts move); registered_at may not.',
    ],
    columns: {
      buyer_id: col.id('Buyer account id.'),
      registered_at: o(
        col.ts('When the account was registered; missing: the first order stands in, marked as derived.'),
      ),
      region: m(o(col.text('Region code.'))),
    },
  },
  merchants: {
    name: 'merchants',
    doc: 'Merchants (shops).',
    primaryKey: 'merchant_id',
    foreignKeys: [],
    notes: [
      'opened_at may be missing: the first order received then stands in for it, marked as derived (feat_merchant.merchant_age_basis); shop age is never a reason anyway.',
      'main_category outside the seven policy categories loads as other, the delivered code kept in main_category_source: policies and reports keep a closed vocabulary and nothing is lost.',
      'name, main_category and region may change; opened_at may not.',
    ],
    columns: {
      merchant_id: col.id('Merchant id.'),
      name: m(col.text('Shop name as shown to buyers (any script).')),
      main_category: m(fallsBack(col.enum(CATEGORIES, 'Main category of the shop.'), 'main_category_source')),
      main_category_source: m(
        o(col.text('The main category as delivered, when it is outside the seven (main_category is then other).')),
      ),
      opened_at: o(col.ts('When the shop opened; missing: the first order received stands in, marked as derived.')),
      region: m(o(col.text('Region code.'))),
    },
  },
  orders: {
    name: 'orders',
    doc: 'Orders, one row per order and merchant.',
    primaryKey: 'order_id',
    notes: [
      'buyer_id empty = a guest checkout: the order loads and counts for its merchant, is kept out of buyer features (there is no account to score), and the run summary counts them.',
      'One row per merchant: a checkout with items from several merchants is split by the mapping into one order per merchant (order_id e.g. checkout id and merchant id joined, one expression), parent_order_id keeping the checkout id; refunds and reviews then point at the split order.',
      'category outside the seven policy categories loads as other, the delivered code kept in category_source.',
      'Shipment, delivery, cancellation and the promised date may change after delivery; parties, category, amount and creation time may not (a change is a conflict).',
    ],
    foreignKeys: [
      { column: 'buyer_id', table: 'buyers', references: 'buyer_id' },
      { column: 'merchant_id', table: 'merchants', references: 'merchant_id' },
    ],
    columns: {
      order_id: col.id('Order id.'),
      buyer_id: o(col.id('Buyer who placed the order; empty for a guest checkout.')),
      merchant_id: col.id('Merchant who sold it.'),
      parent_order_id: o(
        col.id('The checkout this order came from, when one checkout was split into one order per merchant.'),
      ),
      category: fallsBack(col.enum(CATEGORIES, 'Product category.'), 'category_source'),
      category_source: o(col.text('The category as delivered, when it is outside the seven (category is then other).')),
      amount: col.money('Order amount in the platform currency.'),
      created_at: col.ts('When the order was placed.'),
      promised_ship_by: m(o(promise(col.ts('Promised shipping deadline.')))),
      shipped_at: m(o(col.ts('When the merchant shipped.'))),
      delivered_at: m(o(col.ts('When the carrier recorded delivery.'))),
      cancelled_at: m(o(col.ts('When the order was cancelled.'))),
      address_key: o(col.text('Opaque hash of the delivery address (links accounts).')),
      device_key: o(col.text('Opaque hash of the device (links accounts).')),
      payment_key: o(col.text('Opaque hash of the payment instrument (links accounts).')),
    },
  },
  refund_requests: {
    name: 'refund_requests',
    doc: 'After-sales refund requests.',
    primaryKey: 'request_id',
    foreignKeys: [
      {
        column: 'order_id',
        table: 'orders',
        references: 'order_id',
        missing: { flagWithinDays: 90, dateColumn: 'requested_at', parentDateColumn: 'created_at' },
        // amount is not checked against the order's: a refund may hold shipping or compensation beyond a merchant
        // order's amount (features count it up to the order's amount)
        parentRules: [{ column: 'requested_at', op: '>=', parentColumn: 'created_at' }],
      },
    ],
    notes: [
      "A refund of an order placed before the first delivered week (its order_id is unknown) loads, flagged in load_flags, when requested within 90 days of the warehouse's first order; later, an unknown order_id is quarantined (most likely a wrong id). Until its order arrives such a refund has no buyer or merchant, so no feature or replay uses it.",
      "status, the decision, the merchant's response, escalation and return may change after delivery; kind, reason, amount and request time may not.",
    ],
    columns: {
      request_id: col.id('Request id.'),
      order_id: col.id('Order the request is about.'),
      requested_at: col.ts('When the buyer asked.'),
      kind: col.enum(REFUND_KINDS, 'refund_only = refund without return.'),
      reason: col.enum(REFUND_REASONS, 'Reason the buyer gave.'),
      amount: col.money('Amount requested.'),
      status: m(col.enum(REFUND_STATUSES, 'Outcome so far.')),
      merchant_responded_at: m(o(col.ts('First merchant response.'))),
      decided_at: m(o(col.ts('When the request was decided.'))),
      decided_by: m(o(col.enum(DECIDERS, 'Who decided: merchant, platform or auto (no merchant answer in time).'))),
      escalated: m(col.bool('Escalated to the platform.')),
      returned_at: m(o(col.ts('When the goods came back (return_and_refund).'))),
    },
  },
  reviews: {
    name: 'reviews',
    doc: 'Buyer reviews with Taobao-style DSR sub-ratings.',
    primaryKey: 'review_id',
    rowKey: ['review_id', 'order_id'],
    foreignKeys: [
      {
        column: 'order_id',
        table: 'orders',
        references: 'order_id',
        parentRules: [{ column: 'created_at', op: '>=', parentColumn: 'created_at' }],
      },
    ],
    notes: [
      'A review is identified by review_id and order_id together: some systems number reviews per item and reuse an id across orders.',
      'Ratings and text may change (a buyer may revise a review); the order and creation time may not.',
    ],
    columns: {
      review_id: col.id('Review id.'),
      order_id: col.id('Reviewed order.'),
      rating: m(col.int(1, 5, 'Overall stars.')),
      described: m(o(col.int(1, 5, 'Item as described (DSR).'))),
      service: m(o(col.int(1, 5, 'Service attitude (DSR).'))),
      logistics: m(o(col.int(1, 5, 'Logistics speed (DSR).'))),
      text: m(o(col.text('Review text (any script, may hold HTML).'))),
      created_at: col.ts('When the review was left.'),
    },
  },
  service_tickets: {
    name: 'service_tickets',
    doc: 'Customer-service tickets handled by merchants.',
    notes: [
      'Response, resolution, satisfaction and the attitude complaint may change after delivery; merchant, parties and opening time may not.',
    ],
    primaryKey: 'ticket_id',
    foreignKeys: [{ column: 'merchant_id', table: 'merchants', references: 'merchant_id' }],
    columns: {
      ticket_id: col.id('Ticket id.'),
      merchant_id: col.id('Merchant handling the ticket.'),
      order_id: o(col.id('Order concerned, if any.')),
      buyer_id: o(col.id('Buyer who opened it, if known.')),
      opened_at: col.ts('When the ticket was opened.'),
      first_response_at: m(o(col.ts('First merchant response.'))),
      resolved_at: m(o(col.ts('When it was resolved.'))),
      resolved: m(col.bool('Whether it was resolved.')),
      satisfaction: m(o(col.int(1, 5, 'Buyer satisfaction.'))),
      attitude_complaint: m(col.bool('Buyer complained about service attitude.')),
    },
  },
  merchant_actions: {
    name: 'merchant_actions',
    doc: 'Platform governance actions on merchants (Tmall-style).',
    notes: [
      'Only the free-text reason may change: a revoked penalty is a new action, so the history stays what the merchant was told.',
    ],
    primaryKey: 'action_id',
    foreignKeys: [{ column: 'merchant_id', table: 'merchants', references: 'merchant_id' }],
    columns: {
      action_id: col.id('Action id.'),
      merchant_id: col.id('Merchant acted on.'),
      taken_at: col.ts('When the action was taken.'),
      action: col.enum(MERCHANT_ACTIONS, 'Spot-check result or penalty.'),
      reason: m(o(col.text('Free-text reason.'))),
    },
  },
  investigations: {
    name: 'investigations',
    doc: 'Abuse investigations into buyers; the abuse labels.',
    notes: [
      'closed_at and verdict may change (an appeal reverses a verdict); features, labels and replays as of a date read the verdict known then.',
    ],
    primaryKey: 'case_id',
    foreignKeys: [{ column: 'buyer_id', table: 'buyers', references: 'buyer_id' }],
    columns: {
      case_id: col.id('Case id.'),
      buyer_id: col.id('Buyer investigated.'),
      request_id: o(col.id('Refund request that triggered it, if any.')),
      opened_at: col.ts('When the case was opened.'),
      closed_at: m(col.ts('When the case closed; the label is known from then.')),
      verdict: m(col.enum(VERDICTS, 'confirmed_abuse or cleared.')),
    },
  },
};

/**
 * Tables a marketplace may not have at all (a mapping declares them `absent`): features computed from them are then
 * unknown, never zero. Buyers, merchants and orders are the minimum trustlens works from.
 */
export const OPTIONAL_TABLES = [
  'refund_requests',
  'reviews',
  'service_tickets',
  'merchant_actions',
  'investigations',
] as const satisfies readonly TableName[];
export type OptionalTable = (typeof OPTIONAL_TABLES)[number];

/** Tables in an order where every foreign key points to an earlier table. */
export const LOAD_ORDER: readonly TableName[] = TABLE_NAMES;

/** The zod object schema of one row of a contract table (values as parsed from JSON-like input). */
export function rowSchema(table: TableName): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, c] of Object.entries(CONTRACTS[table].columns)) shape[name] = c.schema;
  return z.object(shape).strict();
}

/** The columns that identify one row of a table: a later delivery with the same values is a new version of that row. */
/** A row of a table named in words, from its primary key: orders → "order", refund_requests → "request". */
export function rowNoun(table: TableName): string {
  return CONTRACTS[table].primaryKey.replace(/_id$/, '');
}

export function rowKeyColumns(table: TableName): readonly string[] {
  return CONTRACTS[table].rowKey ?? [CONTRACTS[table].primaryKey];
}

/** Columns that may change after delivery (see ColumnMeta.mutable). */
export function mutableColumns(table: TableName): string[] {
  return Object.entries(CONTRACTS[table].columns)
    .filter(([, c]) => c.meta.mutable)
    .map(([k]) => k);
}

/** The name of the table keeping every version of a contract table's rows. */
export function versionsTable(table: TableName): string {
  return `${table}_versions`;
}

export function columnNames(table: TableName): string[] {
  return Object.keys(CONTRACTS[table].columns);
}
