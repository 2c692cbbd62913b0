// The score stage: features as of the date, the newest models trained on or before it, scores and reasons, tables
// swapped in.
import { weeksEnding } from '../../data/time/isoDate.ts';
import { modelChoice, resolveModel, type ModelSource } from '../../models/registry/resolveModel.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { ensureFeatureSnapshots } from '../features/ensureFeatureSnapshots.ts';
import { historyTable } from '../features/loadFeatureColumns.ts';
import { withoutAbsentReasons } from '../features/featureSources.ts';
import { absentSources } from '../../data/warehouse/absentSources.ts';
import { publishScores } from './publishScores.ts';
import { shortQueueReason, type QueueSummary } from './rankQueue.ts';
import { scoreBuyers, type ReasonScope } from './scoreBuyers.ts';
import { previousMerchantTiers, scoreMerchants, tierMoves } from './scoreMerchants.ts';

export interface ScoreSummary {
  asOf: string;
  buyers: number;
  merchants: number;
  queue: number;
  /** The queue's counts and floors; `shortQueueReason` words a short week. Null for a replay-only week (no queue). */
  queueSummary: QueueSummary | null;
  buyerTiers: Record<string, number>;
  merchantTiers: Record<string, number>;
  buyerModelDate: string;
  merchantModelDate: string;
  /** Merchants whose tier changed since the previous score, by cause. */
  merchantMoves: { model: number; data: number };
  /** trained here, configured (trained elsewhere) or the shipped starter. */
  buyerModelSource: ModelSource;
  merchantModelSource: ModelSource;
}

function countBy<T>(rows: T[], key: (r: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[key(r)] = (out[key(r)] ?? 0) + 1;
  return out;
}

export interface ScoreOptions {
  /**
   * 'rebuild' (default) builds the features as of the date first: merchant quality rates leave out requests of buyers
   * flagged by earlier scores, so features built before last week's scoring are stale. 'reuse' keeps a snapshot already
   * in history (for `run`, which has just built it).
   */
  features?: 'rebuild' | 'reuse';
  /** Buyers explained with reasons (default 'flagged'); 'none' is a replay-only week (see `purpose`). */
  reasons?: ReasonScope;
  /**
   * 'week' (default): the week people read, with its queue, reasons and sub-scores, the current tables replaced.
   * 'replay': a past week scored only for the policy replay, trends and the next week's features, which read risk, tier
   * and trust alone: no queue, no TreeSHAP, history rows only (the current tables stay as they are).
   */
  purpose?: 'week' | 'replay';
}

export async function scoreAll(
  wh: Warehouse,
  asOf: string,
  config: TrustlensConfig,
  log: Logger,
  options: ScoreOptions = {},
): Promise<ScoreSummary> {
  const abuseModel = resolveModel(modelChoice(config), 'abuse-risk', asOf);
  const trustModel = resolveModel(modelChoice(config), 'merchant-trust', asOf);
  // features from sources the marketplace declared absent are unknown: never a reason
  const absent = await absentSources(wh);
  const abuse = withoutAbsentReasons(abuseModel.artifact, absent);
  const trust = withoutAbsentReasons(trustModel.artifact, absent);
  const needs = [abuse.spec, trust.spec].map((spec) => ({ table: historyTable(spec), dates: [asOf] }));
  const rebuild = (options.features ?? 'rebuild') === 'rebuild';
  await log.step(`features as of ${asOf}`, () => ensureFeatureSnapshots(wh, needs, log, rebuild));
  const replay = options.purpose === 'replay';
  const { rows: buyers, queue } = await log.step('score buyers', () =>
    scoreBuyers(wh, asOf, abuse, config, log, replay ? 'none' : options.reasons),
  );
  const previous = await previousMerchantTiers(wh, asOf);
  const merchants = await log.step('score merchants', () =>
    scoreMerchants(wh, asOf, trust, config, log, previous, !replay),
  );
  // Replay-only weeks feed the replay and trends; which moves a retrain caused matters on the week people read.
  const moves = replay ? [] : await tierMoves(wh, asOf, merchants, previous, trust, config);
  await log.step('write score tables', () =>
    publishScores(wh, {
      asOf,
      buyers,
      queue,
      merchants,
      moves,
      buyerModelDate: abuse.asOf,
      merchantModelDate: trust.asOf,
      models: [abuseModel, trustModel].map((m) => ({
        model: m.artifact.model,
        source: m.source,
        modelDate: m.artifact.asOf,
        artifact: m.path,
      })),
    }),
  );
  const summary: ScoreSummary = {
    asOf,
    buyers: buyers.length,
    merchants: merchants.length,
    queue: queue?.queued ?? 0,
    queueSummary: queue,
    buyerTiers: countBy(buyers, (b) => b.tier),
    merchantTiers: countBy(merchants, (m) => m.tier),
    buyerModelDate: abuse.asOf,
    merchantModelDate: trust.asOf,
    merchantMoves: {
      model: moves.filter((m) => m.cause === 'model').length,
      data: moves.filter((m) => m.cause === 'data').length,
    },
    buyerModelSource: abuseModel.source,
    merchantModelSource: trustModel.source,
  };
  const tiers = (t: Record<string, number>) =>
    Object.entries(t)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
  const which = (m: { source: ModelSource; artifact: { asOf: string } }) =>
    m.source === 'trained' ? m.artifact.asOf : `${m.artifact.asOf} (${m.source})`;
  log.info(
    `scored ${summary.buyers} buyers (${tiers(summary.buyerTiers)}) with abuse-risk ${which(abuseModel)}; ` +
      (queue === null
        ? 'replay only: no queue, no reasons'
        : (shortQueueReason(queue) ?? `queue ${summary.queue} of ${queue.capacity}`) +
          (queue.handled ? `; ${queue.handled} already handled, listed apart` : '')),
  );
  log.info(
    `scored ${summary.merchants} merchants (${tiers(summary.merchantTiers)}) with merchant-trust ${which(trustModel)}`,
  );
  if (summary.merchantMoves.model > 0) {
    log.info(
      `${summary.merchantMoves.model} merchants changed tier because merchant-trust was retrained (last week's model kept them); ${summary.merchantMoves.data} because of their own data`,
    );
  }
  return summary;
}

/**
 * Scores the `weeks` weekly dates ending at asOf, oldest first, each with the newest models trained on or before it
 * (no week is scored by a model that saw later labels). Each week's features see the previous week's scores, as a
 * weekly run would: a fresh warehouse reaches steady state this way.
 */
export async function scoreWeeks(
  wh: Warehouse,
  asOf: string,
  weeks: number,
  config: TrustlensConfig,
  log: Logger,
): Promise<ScoreSummary[]> {
  return scoreDates(wh, weeksEnding(asOf, weeks), config, log);
}

/** Scores the given dates in order (oldest first for the same reason as scoreWeeks), with progress over the dates. */
export async function scoreDates(
  wh: Warehouse,
  dates: readonly string[],
  config: TrustlensConfig,
  log: Logger,
  options: ScoreOptions = {},
): Promise<ScoreSummary[]> {
  const out: ScoreSummary[] = [];
  for (const [i, date] of dates.entries()) {
    out.push(await log.step(`score week ${date}`, () => scoreAll(wh, date, config, log, options)));
    log.progress('score weeks', i + 1, dates.length);
  }
  return out;
}
