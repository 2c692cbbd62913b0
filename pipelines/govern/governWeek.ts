// The govern stage: weekly scorecards for the history weeks, the penalty ladder over them, this week's spot checks and
// the compensation ledger.
import { TABLE_NAMES } from '../../data/contracts/index.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';
import { addDays, weeksEnding } from '../../data/time/isoDate.ts';
import { UserError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { feedWeekCounts } from '../../data/coverage/feedWeekCounts.ts';
import { describeFeedGaps, FEED_LOOKBACK_WEEKS, withoutLastWeeks } from '../../data/coverage/feedGap.ts';
import { weekGap } from '../../data/coverage/weekGap.ts';
import { orderSpan } from '../../data/coverage/orderSpan.ts';
import { applyLadder, type MerchantWeekViolations, type Recommendation } from './ladder/applyLadder.ts';
import { ACTIONS, type LadderAction } from '../../data/vocabulary/ladderActions.ts';
import { violationText } from './ladder/violationText.ts';
import { planScorecards } from './planScorecards.ts';
import { SCORECARD_LAYERS } from './scorecardFingerprint.ts';
import { ensureGovernTables, publishGovern, type SpotCheckRow } from './publishGovern.ts';
import { materializeGov, queryGov, runGovFile, type GovParams } from './runGovSql.ts';
import { drawSpotChecks } from './sample/drawSpotChecks.ts';
import { mixSeed, seededRandom } from './sample/seededRandom.ts';
import { spotRisk } from './sample/spotRisk.ts';
import { metricParams, scorecardParams } from './standards.ts';

export interface GovernSummary {
  asOf: string;
  /** The history weeks the ladder ran over (oldest first). */
  weeks: string[];
  /** The weeks whose scorecards this run computed (the last of `weeks`); the others were read back. */
  computed: string[];
  /** Merchants with a scorecard this week. */
  merchants: number;
  /** This week's recommendations by action (none excluded). */
  actions: Partial<Record<LadderAction, number>>;
  escalations: number;
  spotChecks: number;
  compensation: { confirmed: number; expected: number };
  seconds: number;
  /**
   * Why nothing was judged or published this week: no order, or no row of a feed that delivers every week, was
   * delivered for it, so every missing update (a shipment, an answer) would read as a failure. Last week's
   * recommendations stand.
   */
  skipped?: string;
  /** Earlier weeks computed this run and stored without a scorecard, their files still missing (why, by week). */
  unjudged?: { week: string; reason: string }[];
}

/** Temp tables in build order; the layered SQL reads the ones before it. */
const BUILD = [
  'gov_history_weeks',
  'gov_buyer_scores',
  'gov_buyer_score_digests',
  'gov_weeks',
  ...SCORECARD_LAYERS,
  'gov_merchant_trust',
  'gov_spot_population',
  'gov_compensation',
  'gov_computed_weeks',
] as const;

export async function dropGovernTemp(wh: Warehouse): Promise<void> {
  for (const t of BUILD) await wh.run(`drop table if exists temp.main.${quoteIdent(t)}`);
}

async function requireSources(wh: Warehouse): Promise<void> {
  const missing: string[] = [];
  for (const t of TABLE_NAMES) if (!(await wh.tableExists(t))) missing.push(t);
  if (missing.length) {
    throw new UserError(
      `govern: warehouse ${wh.path} has no table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; load the data first with \`trustlens ingest --from DIR\``,
    );
  }
}

/**
 * Why each of `weeks` (ascending, the last the run's date) has nothing to judge, by the report's rule
 * (data/coverage/weekGap.ts): no order delivered in it (or none since before it), its orders cut short, or a
 * refund-request, ticket or review feed missing or cut short. Its scorecard would count every update that never arrived
 * as a failure (a due shipment as late, an open ticket as unanswered) and publish made-up escalations. Weeks that can
 * be judged are absent, and so are weeks before the first order but the run's own. One set of counts serves every week.
 */
async function weeksWithoutData(wh: Warehouse, weeks: readonly string[]): Promise<Map<string, string>> {
  const asOf = weeks.at(-1)!;
  const { dataStart, dataEnd } = await orderSpan(wh);
  const found = new Map<string, string>();
  const counts = dataEnd === null ? null : await feedWeekCounts(wh, asOf, weeks.length + FEED_LOOKBACK_WEEKS);
  for (const [i, week] of weeks.entries()) {
    const weekStart = addDays(week, -7);
    const label = `the week ${weekStart} – ${addDays(week, -1)}`;
    const upTo = counts && withoutLastWeeks(counts, weeks.length - 1 - i);
    const gap = weekGap({ weekStart, weekEnd: week, orders: upTo?.orders ?? [], dataStart, dataEnd, feeds: upTo });
    if (gap === null) continue;
    switch (gap.status) {
      case 'future':
        found.set(
          week,
          gap.dataEnd === null
            ? 'the warehouse holds no orders'
            : `the warehouse's orders end on ${gap.dataEnd} UTC, before ${label} starts: load its files, then run again`,
        );
        break;
      case 'before':
        // before the marketplace's data: nothing to judge and nothing missing, named only for the run's own week
        if (week === asOf) found.set(week, `${label} ends before the first order (${gap.dataStart} UTC)`);
        break;
      case 'empty':
        found.set(
          week,
          `no orders in ${label} although the warehouse holds orders up to ${gap.dataEnd} UTC: that week's files are missing`,
        );
        break;
      case 'partial':
        found.set(
          week,
          'orders' in gap
            ? `in ${label}, ${gap.orders}`
            : `${describeFeedGaps(gap.feeds, label)}; every answer or resolution they would bring would read as a failure`,
        );
    }
  }
  return found;
}

interface FailureRow extends Record<string, unknown> {
  as_of: string;
  merchant_id: string;
  standard: string;
  value: number;
  cases: number;
  failed: number | null;
  limit_value: number;
  category_median: number | null;
  points: number;
}

async function ladderInput(wh: Warehouse, config: TrustlensConfig): Promise<MerchantWeekViolations[]> {
  const rows = await queryGov<FailureRow>(wh, 'gov_ladder_failures', {});
  const byKey = new Map<string, MerchantWeekViolations>();
  for (const r of rows) {
    const key = `${r.merchant_id}\u0000${r.as_of}`;
    let entry = byKey.get(key);
    if (!entry) byKey.set(key, (entry = { merchantId: r.merchant_id, asOf: r.as_of, violations: [] }));
    const line = {
      standard: r.standard,
      value: r.value,
      cases: r.cases,
      failed: r.failed,
      limit: r.limit_value,
      categoryMedian: r.category_median,
    };
    entry.violations.push({ standard: r.standard, points: r.points, text: violationText(line, config.govern) });
  }
  return [...byKey.values()];
}

interface PopulationRow extends Record<string, unknown> {
  merchant_id: string;
  trust: number | null;
  standards_failed: number;
  failed_standards: string[];
}

async function spotChecks(wh: Warehouse, asOf: string, config: TrustlensConfig) {
  const population = await queryGov<PopulationRow>(wh, 'gov_spot_population', { as_of: asOf });
  const s = config.govern.spotCheck;
  const draw = drawSpotChecks(
    population.map((p) => ({ merchantId: p.merchant_id, risk: spotRisk(p.trust, p.standards_failed) })),
    s.size,
    s.riskShare,
    seededRandom(mixSeed(s.seed, asOf)),
  );
  const byId = new Map(population.map((p) => [p.merchant_id, p]));
  const rows: SpotCheckRow[] = draw.sample.map((c) => {
    const p = byId.get(c.merchantId)!;
    return { ...c, trust: p.trust, standardsFailed: p.standards_failed, failedStandards: [...p.failed_standards] };
  });
  return { rows, design: draw.design };
}

function summarize(asOf: string, recs: readonly Recommendation[]): Pick<GovernSummary, 'actions' | 'escalations'> {
  const now = recs.filter((r) => r.asOf === asOf);
  const actions: Partial<Record<LadderAction, number>> = {};
  for (const a of ACTIONS.slice(1)) {
    const n = now.filter((r) => r.action === a).length;
    if (n) actions[a] = n;
  }
  return { actions, escalations: now.filter((r) => r.change === 'escalated').length };
}

function governParams(asOf: string, config: TrustlensConfig): GovParams {
  const g = config.govern;
  return {
    as_of: asOf,
    known_as_of: asOf,
    weeks: g.historyWeeks,
    window_days: g.windowDays,
    ...scorecardParams(g),
    ...metricParams(g),
  };
}

/**
 * Builds what every part of the run shares: the macro, gov_history_weeks (the `govern.historyWeeks` weeks ending at
 * asOf), gov_buyer_scores and the digest of the scores each week reads (gov_buyer_score_digests).
 */
async function buildHistory(wh: Warehouse, asOf: string, config: TrustlensConfig): Promise<void> {
  const params = governParams(asOf, config);
  await runGovFile(wh, 'gov_macro_week_indexes');
  const scored = await wh.tableExists('score_buyer_history');
  await materializeGov(wh, 'gov_history_weeks', params, 'gov_weeks');
  await materializeGov(wh, 'gov_buyer_scores', params, scored ? 'gov_buyer_scores' : 'gov_buyer_scores__empty');
  await materializeGov(wh, 'gov_buyer_score_digests', params);
}

/**
 * Builds gov_scorecard (and the layers under it) for the last `weeks` history weeks ending at asOf, in one set-based
 * pass. Each week's rows depend on that week alone, so computing fewer weeks gives the same rows for those.
 */
async function buildScorecardWeeks(wh: Warehouse, asOf: string, config: TrustlensConfig, weeks: number) {
  const params = { ...governParams(asOf, config), weeks };
  await materializeGov(wh, 'gov_weeks', params);
  for (const t of SCORECARD_LAYERS) await materializeGov(wh, t, params);
}

/**
 * Builds the temp table gov_scorecard (and the layers under it) for all `govern.historyWeeks` weeks ending at asOf,
 * the full recompute. The caller drops the temp tables (dropGovernTemp) when done with them.
 */
export async function buildScorecards(wh: Warehouse, asOf: string, config: TrustlensConfig): Promise<string[]> {
  await buildHistory(wh, asOf, config);
  await buildScorecardWeeks(wh, asOf, config, config.govern.historyWeeks);
  return weeksEnding(asOf, config.govern.historyWeeks);
}

export interface GovernOptions {
  /**
   * Compute every history week's scorecard and write every week's recommendations, reusing nothing stored: what a run
   * on a fresh warehouse does, and the reference the incremental run's scorecards must equal.
   */
  full?: boolean;
}

/**
 * Computes the scorecards of the history weeks that lack valid stored rows (planScorecards; all of them with `full`),
 * reads the others back, runs the ladder over all the history weeks from a clean slate, draws this week's spot checks
 * and restates the ledger, then publishes in one transaction: the computed scorecard weeks, the recommendations of the
 * weeks not published before (this week's at least), the spot checks and the ledger. Reruns of the same date give the
 * same rows; this week's rows equal the full recompute's.
 */
export async function governWeek(
  wh: Warehouse,
  asOf: string,
  config: TrustlensConfig,
  log?: Logger,
  opts: GovernOptions = {},
): Promise<GovernSummary> {
  const t0 = performance.now();
  await requireSources(wh);
  const g = config.govern;
  // every history week is looked at, as a later run computes the weeks before it that are not stored yet
  const withoutData = await weeksWithoutData(wh, weeksEnding(asOf, g.historyWeeks));
  const reason = withoutData.get(asOf);
  if (reason !== undefined) {
    const skipped = `${reason}; nothing judged or published for the week; last week's recommendations stand`;
    log?.warn(`govern: ${skipped}`);
    return {
      asOf,
      weeks: [],
      computed: [],
      merchants: 0,
      actions: {},
      escalations: 0,
      spotChecks: 0,
      compensation: { confirmed: 0, expected: 0 },
      seconds: (performance.now() - t0) / 1000,
      skipped,
    };
  }
  const params = governParams(asOf, config);
  const step = <T>(name: string, fn: () => Promise<T>) => (log ? log.step(name, fn) : fn());
  try {
    await ensureGovernTables(wh);
    const trusted = await wh.tableExists('score_merchant_history');
    const plan = await step('stored scorecard weeks', async () => {
      await buildHistory(wh, asOf, config);
      return planScorecards(wh, asOf, config, opts);
    });
    log?.info(
      `computing ${plan.compute.length} of ${plan.weeks.length} scorecard weeks from ${plan.compute[0]} (${plan.reason})`,
    );
    await step(`scorecards of ${plan.compute.length} week${plan.compute.length > 1 ? 's' : ''} (to ${asOf})`, () =>
      buildScorecardWeeks(wh, asOf, config, plan.compute.length),
    );
    // An earlier week computed now whose files are still missing is stored without a scorecard: not judged, and
    // computed again once rows delivered for it change it (planScorecards).
    const unjudged = plan.compute.filter((w) => withoutData.has(w));
    for (const week of unjudged) {
      log?.warn(`govern: ${withoutData.get(week)!}: that week is stored without a scorecard, not judged`);
      await wh.run('delete from gov_scorecard where as_of = $week::date', { week });
    }
    // the replay runs over every history week; only the weeks not yet published are written (README, Incremental)
    const published = new Set(plan.published);
    // a week held back for missing files is no week for the ladder: neither a clean one that lets points decay and
    // de-escalates, nor one with recommendations of its own
    const ladderWeeks = plan.weeks.filter((w) => !withoutData.has(w));
    const recommendations = await step('penalty ladder', async () =>
      applyLadder(ladderWeeks, await ladderInput(wh, config), g.ladder, (w) => !published.has(w)),
    );
    const spot = await step('spot-check sample', async () => {
      await materializeGov(
        wh,
        'gov_merchant_trust',
        params,
        trusted ? 'gov_merchant_trust' : 'gov_merchant_trust__empty',
      );
      return spotChecks(wh, asOf, config);
    });
    await step('compensation ledger', () => materializeGov(wh, 'gov_compensation', params));
    const merchants = Number(
      await wh.scalar<bigint>('select count(distinct merchant_id) from gov_scorecard where as_of = $as_of::date', {
        as_of: asOf,
      }),
    );
    const money = (
      await wh.all<{ confirmed: number | null; expected: number | null }>(
        'select sum(confirmed_amount) as confirmed, sum(expected_amount) as expected from gov_compensation where as_of = $as_of::date',
        { as_of: asOf },
      )
    )[0];
    await step('publish', async () => {
      await materializeGov(wh, 'gov_computed_weeks', { settings: plan.settings, batch_id: plan.batchId });
      await publishGovern(wh, {
        asOf,
        weeks: plan.weeks,
        computed: plan.compute,
        published: plan.published,
        recommendations,
        spotChecks: spot.rows,
        design: spot.design,
      });
    });
    return {
      asOf,
      weeks: plan.weeks,
      computed: plan.compute,
      merchants,
      ...summarize(asOf, recommendations),
      spotChecks: spot.rows.length,
      compensation: { confirmed: money?.confirmed ?? 0, expected: money?.expected ?? 0 },
      seconds: (performance.now() - t0) / 1000,
      ...(unjudged.length ? { unjudged: unjudged.map((week) => ({ week, reason: withoutData.get(week)! })) } : {}),
    };
  } finally {
    await dropGovernTemp(wh);
  }
}
