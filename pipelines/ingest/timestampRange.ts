// The plausible timestamps of a load: from config ingest.earliestTimestamp to ingest.yearsAhead years after the as-of
// date.
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { configSchema } from '../../data/config/configSchema.ts';
import type { TimestampRange } from './columnChecks.ts';
import { timestampRangeRule } from './ruleText.ts';

/** `asOf` is the run's date (YYYY-MM-DD); ingest on its own passes today's. */
export function timestampRange(config: Pick<TrustlensConfig, 'ingest'>, asOf: string): TimestampRange {
  const [y, m, d] = asOf.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + config.ingest.yearsAhead, m - 1, d)).toISOString().slice(0, 10);
  return {
    from: config.ingest.earliestTimestamp,
    to: end,
    rule: timestampRangeRule(config.ingest.earliestTimestamp, end),
  };
}

/** The default settings as of today: for callers with no config (tests, the bench). */
export function defaultTimestampRange(today = new Date().toISOString().slice(0, 10)): TimestampRange {
  return timestampRange(configSchema.parse({}), today);
}
