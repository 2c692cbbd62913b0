// The fingerprint of what shapes a scorecard week besides the data: the govern settings the scorecard SQL binds and
// that SQL itself. A week stored under another fingerprint is computed again (settings changed, or the code did).
import { createHash } from 'node:crypto';
import type { GovernConfig } from '../../data/config/governSchema.ts';
import { govSql } from './runGovSql.ts';
import { metricParams, scorecardParams } from './standards.ts';

/** The scorecard layers over the computed weeks, in build order: gov_flagged reads gov_weeks, and so on to the card. */
export const SCORECARD_LAYERS = [
  'gov_flagged',
  'gov_requests',
  'gov_tickets',
  'gov_reviews',
  'gov_orders',
  'gov_metrics',
  'gov_scorecard',
] as const;

/** The query files from the contract tables to gov_scorecard (both stand-ins included): all a week's rows come from. */
export const SCORECARD_SQL = [
  'gov_macro_week_indexes',
  'gov_weeks',
  'gov_buyer_scores',
  'gov_buyer_scores__empty',
  ...SCORECARD_LAYERS,
] as const;

/**
 * sha256 over the settings a week's scorecard depends on (window, standards, confidence, metric hours and bounds) and
 * the text of its SQL. The history length and the ladder are left out: neither changes a week's rows.
 */
export function scorecardFingerprint(govern: GovernConfig): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify({
      windowDays: govern.windowDays,
      scorecard: scorecardParams(govern),
      metrics: metricParams(govern),
    }),
  );
  for (const file of SCORECARD_SQL) hash.update(`\u0000${file}\u0000${govSql(file)}`);
  return hash.digest('hex');
}
