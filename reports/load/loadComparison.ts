// Last week's scores made comparable with this week's: when a model changed, last week is rescored with this week's
// model.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { buyerTier } from '../../data/vocabulary/tiers.ts';
import { merchantTierOf } from '../../models/score/merchantTierOf.ts';
import type { ModelName } from '../../models/artifactSchema.ts';
import type { ModelChange, ReportSettings, WeekComparison } from '../reportData.ts';
import { historyTableSlot, type HistoryTable } from './historyTables.ts';
import { loadModel, scoreSnapshot, type LoadedModel, type ScoringAccess } from './scoringAccess.ts';
import { num } from './values.ts';

export interface ComparableScore {
  score: number;
  tier: string;
}

/** Last week's scores on the same footing as this week's, and this week's merchant model for explaining movers. */
export interface PreviousScores {
  comparison: WeekComparison;
  /**
   * Buyer risk per id last week rescored with this week's abuse-risk model; null when that model did not change or
   * could not rescore. The published week is not read into a map: its only use, the high-tier count, is counted in the
   * warehouse (report_flagged.sql), and a million buyers cost seconds at scale.
   */
  buyers: Map<string, ComparableScore> | null;
  /**
   * Merchant trust per id last week under this week's merchant-trust model; null without a previous merchant score
   * week.
   */
  merchants: Map<string, ComparableScore> | null;
  /** Published tiers per merchant last week (old model), to tell the model's part of a tier move from the data's. */
  merchantsPublished: Map<string, ComparableScore> | null;
  /** This week's merchant-trust model, when its artifact is readable. */
  merchantModel: LoadedModel | null;
}

/**
 * The models whose weekly scores the report compares week over week (request risk scores requests, not a weekly
 * population).
 */
const TABLES: Partial<Record<ModelName, HistoryTable>> = {
  'abuse-risk': 'score_buyer_history',
  'merchant-trust': 'score_merchant_history',
};

async function previousWeek(wh: Warehouse, asOf: string): Promise<string | null> {
  for (const table of ['score_buyer_history', 'score_merchant_history'] as const) {
    if (!(await wh.tableExists(table))) continue;
    const d = await wh.scalar<string | null>(
      readSql(new URL('../sql/report_previous_week.sql', import.meta.url), historyTableSlot(table)),
      { as_of: asOf },
    );
    if (d) return d;
  }
  return null;
}

async function modelDates(wh: Warehouse, model: ModelName, asOf: string, previous: string): Promise<ModelChange> {
  const table = TABLES[model];
  if (!table || !(await wh.tableExists(table))) return { model, before: null, now: null };
  const rows = await wh.all(
    readSql(new URL('../sql/report_model_dates.sql', import.meta.url), historyTableSlot(table)),
    { as_of: asOf, previous },
  );
  const at = (d: string) => (rows.find((r) => r.as_of === d)?.model_date as string | undefined) ?? null;
  return { model, before: at(previous), now: at(asOf) };
}

/** Published merchant trust and tiers of a week; null when the week has none. */
async function publishedMerchants(wh: Warehouse, asOf: string): Promise<Map<string, ComparableScore> | null> {
  if (!(await wh.tableExists('score_merchant_history'))) return null;
  const rows = await wh.all(readSql(new URL('../sql/report_merchant_scores.sql', import.meta.url)), { as_of: asOf });
  if (rows.length === 0) return null;
  return new Map(rows.map((r) => [String(r.merchant_id), { score: num(r.trust), tier: String(r.tier) }]));
}

/**
 * Last week's merchants under this week's trust model, tiered as scoring tiers them with that model (quantile and
 * sticky to the published tier, as this week's are), so the model's part of a move is not mixed with a change of tier
 * rule (fixed thresholds put 922 of the default marketplace's 1,000 shops in top-rated). Activity does not depend on
 * the model: a merchant published as inactive stays inactive.
 */
export function rescoredMerchants(
  probabilities: ReadonlyMap<string, number>,
  published: ReadonlyMap<string, ComparableScore> | null,
  tierOf: (trust: number, previous: string | null) => string,
): Map<string, ComparableScore> {
  return new Map(
    [...probabilities].map(([id, p]) => {
      const trust = 100 * (1 - p);
      const was = published?.get(id)?.tier ?? null;
      return [id, { score: trust, tier: was === 'inactive' ? was : tierOf(trust, was) }];
    }),
  );
}

/**
 * Compares like with like: when this week's scores come from a model other than last week's, last week's feature
 * snapshot
 * is scored again with this week's model and every week-over-week comparison uses those scores. Without scoring access
 * (or without the artifact) the published scores are used and `rescoreProblem` says why.
 */
export async function loadPreviousScores(
  wh: Warehouse,
  asOf: string,
  settings: ReportSettings,
  access: ScoringAccess | null,
): Promise<PreviousScores> {
  const previousAsOf = await previousWeek(wh, asOf);
  const empty: WeekComparison = { previousAsOf, changed: [], rescored: false, rescoreProblem: null };
  if (previousAsOf === null)
    return { comparison: empty, buyers: null, merchants: null, merchantsPublished: null, merchantModel: null };
  const dates = [
    await modelDates(wh, 'abuse-risk', asOf, previousAsOf),
    await modelDates(wh, 'merchant-trust', asOf, previousAsOf),
  ];
  const changed = dates.filter((d) => d.before !== null && d.now !== null && d.before !== d.now);
  let buyers: Map<string, ComparableScore> | null = null;
  const merchantsPublished = await publishedMerchants(wh, previousAsOf);
  let merchants = merchantsPublished;
  const problems: string[] = [];
  const models = new Map<ModelName, LoadedModel>();
  if (access) {
    for (const d of dates) {
      if (d.now === null) continue;
      const m = loadModel(access, d.model, d.now);
      if ('problem' in m) {
        if (changed.includes(d)) problems.push(`${d.model}: ${m.problem}`);
      } else models.set(d.model, m);
    }
  } else if (changed.length) {
    problems.push('this report was built without access to the model artifacts');
  }
  for (const d of changed) {
    const m = models.get(d.model);
    if (!m) continue;
    const scores = await scoreSnapshot(access!, m, previousAsOf);
    if (scores.size === 0) {
      problems.push(`${d.model}: no feature snapshot for ${previousAsOf} to rescore`);
      continue;
    }
    if (d.model === 'abuse-risk') {
      buyers = new Map([...scores].map(([id, p]) => [id, { score: p, tier: buyerTier(p, settings.tiers) }]));
    } else {
      merchants = rescoredMerchants(scores, merchantsPublished, merchantTierOf(settings.tiers, m.artifact));
    }
  }
  const rescored = changed.length > 0 && problems.length === 0;
  return {
    comparison: { previousAsOf, changed, rescored, rescoreProblem: problems.length ? problems.join('; ') : null },
    buyers,
    merchants,
    merchantsPublished,
    merchantModel: models.get('merchant-trust') ?? null,
  };
}
