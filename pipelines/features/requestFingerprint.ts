// The fingerprint of what shapes a stored request week besides the data: the request models' SQL, their stand-ins and
// look-back, and the bookkeeping SQL that decides a week still holds. A week stored under another one is built again.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { REQUEST_LOOKBACK_DAYS, REQUEST_MODELS, REQUEST_OPTIONAL_SOURCES } from './requestSources.ts';

const BOOKKEEPING_SQL = [
  'request_weeks/req_week_inputs.sql',
  'request_weeks/req_week_states.sql',
  'request_weeks/req_changed_since.sql',
] as const;

/** sha256 over the files (paths under pipelines/features/sql/), the stand-ins and the look-back. */
export function requestFingerprint(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ lookbackDays: REQUEST_LOOKBACK_DAYS, optional: REQUEST_OPTIONAL_SOURCES }));
  for (const file of [...REQUEST_MODELS.map((m) => m.file), ...BOOKKEEPING_SQL])
    // the text as written, slots unfilled
    hash.update(`\u0000${file}\u0000${readFileSync(new URL(`./sql/${file}`, import.meta.url), 'utf8')}`);
  return hash.digest('hex');
}
