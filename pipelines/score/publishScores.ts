// Writes scores: appends JS rows to build tables, derives this week's tables, then swaps them in and upserts history in
// one transaction.
import { DOUBLE, INTEGER, LIST, VARCHAR, listValue } from '@duckdb/node-api';
import { appendColumns } from '../../data/warehouse/appendColumns.ts';
import { publishDated } from '../../data/warehouse/publishDated.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import type { QueueSummary } from './rankQueue.ts';
import type { BuyerScore } from './scoreBuyers.ts';
import type { MerchantScore, TierMove } from './scoreMerchants.ts';

/** The score stage's tables: this week's (replaced) and history (one as_of per week). */
export const SCORE_OUTPUTS = [
  { current: 'score_buyer', history: 'score_buyer_history', sql: 'score_buyer_rows.sql' },
  { current: 'score_merchant', history: 'score_merchant_history', sql: 'score_merchant_rows.sql' },
  { current: 'risk_queue', history: 'risk_queue_history', sql: 'risk_queue_rows.sql' },
  { current: 'risk_queue_handled', history: 'risk_queue_handled_history', sql: 'risk_queue_handled_rows.sql' },
  { current: 'risk_queue_summary', history: 'risk_queue_summary_history', sql: 'risk_queue_summary_rows.sql' },
  { current: 'score_merchant_moves', history: 'score_merchant_moves_history', sql: 'score_merchant_moves_rows.sql' },
] as const;

const BUILD_TABLES = [
  'score_buyer__build',
  'score_merchant__build',
  'score_merchant_moves__build',
  'score_model__new',
  ...SCORE_OUTPUTS.map((o) => `${o.current}__new`),
];

export interface PublishInput {
  asOf: string;
  buyers: BuyerScore[];
  /**
   * Null for a replay-only past week: only score_buyer_history, score_merchant_history and score_model_history get its
   * rows; the current tables and the queue tables are left as they are.
   */
  queue: QueueSummary | null;
  merchants: MerchantScore[];
  moves: TierMove[];
  buyerModelDate: string;
  merchantModelDate: string;
  /** Which artifacts scored (score_model_history): reports flag starter models. */
  models?: { model: string; source: string; modelDate: string; artifact: string }[];
}

async function dropBuildTables(wh: Warehouse): Promise<void> {
  for (const t of BUILD_TABLES) await wh.run(`drop table if exists ${quoteIdent(t)}`);
}

/** Most rows have no reasons: one shared empty list spares a million list objects. */
const NO_REASONS = listValue([]);
const reasonsValue = (reasons: readonly string[]) => (reasons.length ? listValue([...reasons]) : NO_REASONS);
const nullable = <T>(v: T | null | undefined): T | null => v ?? null;

/**
 * The scorer's rows go to temp tables (nothing of them is kept), a column at a time: a million buyers appended value
 * by value into a warehouse table took tens of seconds at 10M orders, every scored week.
 */
async function stageRows(wh: Warehouse, input: PublishInput): Promise<void> {
  await wh.run(
    'create temp table score_buyer__build (buyer_id varchar, risk double, tier varchar, reasons varchar[], refund_only_amount_30d double, ' +
      'expected_loss double, group_id varchar, queue_rank integer, handled_as varchar, handled_since varchar, handled_case_id varchar, handled_rank integer)',
  );
  const b = input.buyers;
  await appendColumns(
    wh,
    'score_buyer__build',
    [
      { type: VARCHAR, values: b.map((r) => r.buyer_id) },
      { type: DOUBLE, values: b.map((r) => r.risk) },
      { type: VARCHAR, values: b.map((r) => r.tier) },
      { type: LIST(VARCHAR), values: b.map((r) => reasonsValue(r.reasons)) },
      { type: DOUBLE, values: b.map((r) => r.refund_only_amount_30d) },
      { type: DOUBLE, values: b.map((r) => r.expected_loss) },
      { type: VARCHAR, values: b.map((r) => r.group_id) },
      { type: INTEGER, values: b.map((r) => r.queue_rank) },
      { type: VARCHAR, values: b.map((r) => nullable(r.handled?.handled_as)) },
      { type: VARCHAR, values: b.map((r) => nullable(r.handled?.since)) },
      { type: VARCHAR, values: b.map((r) => nullable(r.handled?.case_id)) },
      { type: INTEGER, values: b.map((r) => r.handled_rank) },
    ],
    'temp',
  );
  await wh.run(
    'create temp table score_merchant__build (merchant_id varchar, trust double, tier varchar, fulfilment double, product_quality double, ' +
      'after_sales double, satisfaction double, reasons varchar[])',
  );
  const m = input.merchants;
  await appendColumns(
    wh,
    'score_merchant__build',
    [
      { type: VARCHAR, values: m.map((r) => r.merchant_id) },
      { type: DOUBLE, values: m.map((r) => r.trust) },
      { type: VARCHAR, values: m.map((r) => r.tier) },
      { type: DOUBLE, values: m.map((r) => r.fulfilment) },
      { type: DOUBLE, values: m.map((r) => r.product_quality) },
      { type: DOUBLE, values: m.map((r) => r.after_sales) },
      { type: DOUBLE, values: m.map((r) => r.satisfaction) },
      { type: LIST(VARCHAR), values: m.map((r) => reasonsValue(r.reasons)) },
    ],
    'temp',
  );
  await wh.run(
    'create temp table score_merchant_moves__build (merchant_id varchar, previous_tier varchar, tier varchar, cause varchar, previous_model_date varchar)',
  );
  const mv = input.moves;
  await appendColumns(
    wh,
    'score_merchant_moves__build',
    (['merchant_id', 'previous_tier', 'tier', 'cause', 'previous_model_date'] as const).map((k) => ({
      type: VARCHAR,
      values: mv.map((r) => r[k]),
    })),
    'temp',
  );
}

/**
 * Everything is built beside the live tables first, then published in one transaction (publishDated), so a failure at
 * any point leaves last week's score_*, risk_queue and history untouched.
 */
export async function publishScores(wh: Warehouse, input: PublishInput): Promise<void> {
  await dropBuildTables(wh);
  try {
    await wh.run(readSql(new URL('../../data/warehouse/tables/score_tables.sql', import.meta.url)));
    await wh.run(readSql(new URL('../../data/warehouse/tables/score_model_tables.sql', import.meta.url)));
    await stageRows(wh, input);
    const queue = input.queue;
    const outputs = queue === null ? SCORE_OUTPUTS.filter((o) => !o.current.startsWith('risk_queue')) : SCORE_OUTPUTS;
    const params = {
      score_buyer: { as_of: input.asOf, model_date: input.buyerModelDate },
      score_merchant: { as_of: input.asOf, model_date: input.merchantModelDate },
      risk_queue: { as_of: input.asOf },
      risk_queue_handled: { as_of: input.asOf },
      score_merchant_moves: { as_of: input.asOf, model_date: input.merchantModelDate },
      risk_queue_summary: {
        as_of: input.asOf,
        capacity: queue?.capacity ?? null,
        queued: queue?.queued ?? null,
        handled: queue?.handled ?? null,
        below_risk_floor: queue?.belowRiskFloor ?? null,
        below_loss_floor: queue?.belowLossFloor ?? null,
        min_risk: queue?.minRisk ?? null,
        min_expected_loss: queue?.minExpectedLoss ?? null,
      },
    } as const;
    // A replay-only week adds history rows alone: its tables need not be written to the warehouse before they are
    // copied into history. The week people read builds warehouse tables that are renamed into place.
    const kind = queue === null ? 'temp table' : 'table';
    for (const o of outputs) {
      await wh.run(
        `create ${kind} ${quoteIdent(`${o.current}__new`)} as ${readSql(new URL(`./sql/${o.sql}`, import.meta.url))}`,
        params[o.current],
      );
    }
    await wh.run(readSql(new URL('./sql/create_score_model_build.sql', import.meta.url)));
    for (const m of input.models ?? []) {
      const row = {
        as_of: input.asOf,
        model: m.model,
        source: m.source,
        model_date: m.modelDate,
        artifact: m.artifact,
      };
      await wh.run(readSql(new URL('./sql/insert_score_model.sql', import.meta.url)), row);
    }
    await publishDated(wh, input.asOf, [
      ...outputs.map((o) => ({
        build: `${o.current}__new`,
        history: o.history,
        current: queue === null ? null : o.current,
      })),
      { build: 'score_model__new', history: 'score_model_history', current: null },
    ]);
  } finally {
    await dropBuildTables(wh);
  }
}
