// Writes scores: appends JS rows to build tables, derives this week's tables, then swaps them in and upserts history in
// one transaction.
import { LIST, VARCHAR, type DuckDBAppender } from '@duckdb/node-api';
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

function appendReasons(a: DuckDBAppender, reasons: string[]): void {
  a.appendList(reasons, LIST(VARCHAR));
}

async function stageRows(wh: Warehouse, input: PublishInput): Promise<void> {
  await wh.run(
    'create table score_buyer__build (buyer_id varchar, risk double, tier varchar, reasons varchar[], refund_only_amount_30d double, ' +
      'expected_loss double, group_id varchar, queue_rank integer, handled_as varchar, handled_since varchar, handled_case_id varchar, handled_rank integer)',
  );
  const b = await wh.conn.createAppender('score_buyer__build');
  for (const r of input.buyers) {
    b.appendVarchar(r.buyer_id);
    b.appendDouble(r.risk);
    b.appendVarchar(r.tier);
    appendReasons(b, r.reasons);
    b.appendDouble(r.refund_only_amount_30d);
    b.appendDouble(r.expected_loss);
    if (r.group_id === null) b.appendNull();
    else b.appendVarchar(r.group_id);
    if (r.queue_rank === null) b.appendNull();
    else b.appendInteger(r.queue_rank);
    for (const v of [r.handled?.handled_as, r.handled?.since, r.handled?.case_id]) {
      if (v === undefined) b.appendNull();
      else b.appendVarchar(v);
    }
    if (r.handled_rank === null) b.appendNull();
    else b.appendInteger(r.handled_rank);
    b.endRow();
  }
  b.closeSync();
  await wh.run(
    'create table score_merchant__build (merchant_id varchar, trust double, tier varchar, fulfilment double, product_quality double, ' +
      'after_sales double, satisfaction double, reasons varchar[])',
  );
  const m = await wh.conn.createAppender('score_merchant__build');
  for (const r of input.merchants) {
    m.appendVarchar(r.merchant_id);
    m.appendDouble(r.trust);
    m.appendVarchar(r.tier);
    for (const v of [r.fulfilment, r.product_quality, r.after_sales, r.satisfaction]) {
      if (v === null) m.appendNull();
      else m.appendDouble(v);
    }
    appendReasons(m, r.reasons);
    m.endRow();
  }
  m.closeSync();
  await wh.run(
    'create table score_merchant_moves__build (merchant_id varchar, previous_tier varchar, tier varchar, cause varchar, previous_model_date varchar)',
  );
  const mv = await wh.conn.createAppender('score_merchant_moves__build');
  for (const r of input.moves) {
    for (const v of [r.merchant_id, r.previous_tier, r.tier, r.cause, r.previous_model_date]) mv.appendVarchar(v);
    mv.endRow();
  }
  mv.closeSync();
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
    for (const o of outputs) {
      await wh.run(
        `create table ${quoteIdent(`${o.current}__new`)} as ${readSql(new URL(`./sql/${o.sql}`, import.meta.url))}`,
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
