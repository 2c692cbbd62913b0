// Which scorecard weeks a run computes: the history weeks from the oldest one that lacks valid stored rows to the as-of
// date; the weeks before it are read back from merchant_scorecard.
import { versionsTable, type TableName } from '../../data/contracts/index.ts';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { weeksEnding } from '../../data/time/isoDate.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { queryGov } from './runGovSql.ts';
import { scorecardFingerprint } from './scorecardFingerprint.ts';

export interface ScorecardPlan {
  /** The history weeks, oldest first, ending at the as-of date. */
  weeks: string[];
  /** The weeks to compute: the last ones of `weeks`, always the as-of date's at least. */
  compute: string[];
  /** Why the oldest computed week is computed, in words for the log. */
  reason: string;
  /**
   * The weeks before the as-of date whose recommendations an earlier run published (they have bookkeeping): kept as
   * published. None with `full`.
   */
  published: string[];
  /** Stored with each computed week (govern_weeks). */
  settings: string;
  batchId: number | null;
}

/** The contract tables the scorecard SQL reads, whose versions tables date every delivery. */
const SCORECARD_SOURCES = [
  'orders',
  'refund_requests',
  'reviews',
  'service_tickets',
  'investigations',
  'merchants',
] as const satisfies readonly TableName[];

interface WeekState extends Record<string, unknown> {
  as_of: string;
  settings: string | null;
  batch_id: number | null;
  stored_buyer_scores: string | null;
  buyer_scores: string;
  scorecard_rows: bigint | null;
  present_rows: bigint;
}

/** Why a stored week cannot be reused, or null when it can (deliveries since aside). */
function storedProblem(week: WeekState, settings: string): string | null {
  if (week.settings === null) return 'it has not been computed with bookkeeping yet';
  if (week.settings !== settings) return 'the scorecard settings (or code) changed since it was computed';
  if (week.batch_id === null) return 'it was computed without ingest bookkeeping';
  if (week.stored_buyer_scores !== week.buyer_scores) return 'the buyer scores before it changed since';
  if (week.scorecard_rows !== week.present_rows) return 'merchant_scorecard no longer holds all its rows';
  return null;
}

/**
 * Reads the bookkeeping of the stored weeks and returns the weeks to compute: from the oldest week that was never
 * computed, was computed under other settings or code, reads buyer scores that changed, lost rows, or may be changed
 * by rows delivered after it was computed (gov_changed_since.sql), to the as-of date. Expects the temp tables
 * gov_history_weeks and gov_buyer_score_digests. Anything doubtful computes every week (the full recompute). The
 * weeks with bookkeeping have had their recommendations published: those are kept (`published`).
 */
export async function planScorecards(
  wh: Warehouse,
  asOf: string,
  config: TrustlensConfig,
  opts: { full?: boolean } = {},
): Promise<ScorecardPlan> {
  const weeks = weeksEnding(asOf, config.govern.historyWeeks);
  const settings = scorecardFingerprint(config.govern);
  const dated = (await wh.tableExists('load_batches')) && (await allExist(wh, SCORECARD_SOURCES.map(versionsTable)));
  const batchId = dated
    ? ((await queryGov<{ batch_id: number | null }>(wh, 'gov_latest_batch', {}))[0]?.batch_id ?? null)
    : null;
  const states = await queryGov<WeekState>(wh, 'gov_week_states', {});
  const published = opts.full
    ? []
    : [...new Set(states.filter((s) => s.settings !== null && s.as_of !== asOf).map((s) => s.as_of))];
  const plan = (from: number, reason: string): ScorecardPlan => ({
    weeks,
    compute: weeks.slice(from),
    reason,
    published,
    settings,
    batchId,
  });
  if (opts.full) return plan(0, 'a full recompute was asked for');
  if (batchId === null) return plan(0, 'the warehouse has no ingest bookkeeping to date deliveries by');

  // one row per history week, oldest first, unless a week's bookkeeping is duplicated
  if (states.length !== weeks.length) return plan(0, 'the bookkeeping holds a week twice');
  // deliveries after a batch may change the weeks from a date on; weeks stored at the same batch share one query
  const firstStale = new Map<number, string | null>();
  for (const [i, week] of states.slice(0, -1).entries()) {
    const problem = storedProblem(week, settings);
    if (problem) return plan(i, `${week.as_of}: ${problem}`);
    const batch = week.batch_id!;
    if (!firstStale.has(batch)) firstStale.set(batch, await firstStaleWeek(wh, batch));
    const stale = firstStale.get(batch) ?? null;
    if (stale !== null && week.as_of >= stale)
      return plan(i, `${week.as_of}: rows delivered after it was computed may change it`);
  }
  return plan(weeks.length - 1, 'earlier weeks are stored and still valid');
}

async function allExist(wh: Warehouse, tables: readonly string[]): Promise<boolean> {
  for (const t of tables) if (!(await wh.tableExists(t))) return false;
  return true;
}

/** The first history week that rows delivered after `batch` may change, or null. */
async function firstStaleWeek(wh: Warehouse, batch: number): Promise<string | null> {
  const slots = Object.fromEntries(SCORECARD_SOURCES.map((t) => [t, quoteIdent(versionsTable(t))]));
  const rows = await queryGov<{ first_stale: string | null }>(wh, 'gov_changed_since', { batch }, slots);
  return rows[0]?.first_stale ?? null;
}
