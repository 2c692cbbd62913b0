// Builds feat_request for a week: the refund requests made in the 7 days before a date, each described as when it was
// made.
import { listValue } from '@duckdb/node-api';
import type { Logger } from '../../data/log/Logger.ts';
import { UserError, ValidationError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { featureCatalog } from './featureCatalog.ts';
import { checkViolations, columnShapeProblems } from './featureChecks.ts';
import { materializeSql } from './materializeSql.ts';
import { planRequestWeeks } from './planRequestWeeks.ts';
import { requestFingerprint } from './requestFingerprint.ts';
import {
  createRequestSourceViews,
  createRequestWeeks,
  REQUEST_LOOKBACK_DAYS,
  REQUEST_MODELS,
  REQUEST_REQUIRED,
  REQUEST_WEEKS,
} from './requestSources.ts';
import { recordRequestWeeks } from './requestWeeksBook.ts';

export const REQUEST_HISTORY = 'feat_request_history';

/**
 * Builds the requests made in [d − 7 days, d) for each date d of `asOf` into feat_request_history, all dates in one
 * pass of the SQL (replacing those dates' rows, in one transaction after the catalogue checks pass); each date gets
 * the rows a build of that date alone gives. The weekly buyer and merchant snapshots the requests refer to must be in
 * history already (ensureFeatureSnapshots builds them). Returns the number of request rows over all dates.
 */
export async function buildRequestFeatures(
  wh: Warehouse,
  asOf: string | readonly string[],
  log?: Logger,
): Promise<number> {
  const dates = [...new Set(typeof asOf === 'string' ? [asOf] : asOf)].sort();
  if (dates.length === 0) return 0;
  const missing: string[] = [];
  for (const t of REQUEST_REQUIRED) if (!(await wh.tableExists(t))) missing.push(t);
  if (missing.length) {
    throw new UserError(
      `request features: warehouse ${wh.path} has no ${missing.join(', ')}; run \`trustlens ingest\` and \`trustlens features\` first`,
    );
  }
  await createRequestSourceViews(wh);
  const catalog = featureCatalog().feat_request;
  const label = dates.length === 1 ? dates[0]! : `${dates[0]} … ${dates.at(-1)} (${dates.length} weeks)`;
  try {
    await createRequestWeeks(wh, dates);
    for (const m of REQUEST_MODELS) await materializeSql(wh, m.name, m.file, { lookback_days: REQUEST_LOOKBACK_DAYS });
    const shape = await columnShapeProblems(wh, 'build_feat_request', catalog);
    if (shape.length) throw new Error(`request features SQL and catalogue disagree:\n  - ${shape.join('\n  - ')}`);
    const problems = await checkViolations(wh, 'build_feat_request', catalog);
    if (problems.length)
      throw new ValidationError(
        `request features as of ${label}: column checks failed, previous outputs kept`,
        problems,
      );
    const n = Number(await wh.scalar<bigint>('select count(*) from build_feat_request'));
    await wh.transaction(async () => {
      if (!(await wh.tableExists(REQUEST_HISTORY))) {
        await wh.run(`create table ${REQUEST_HISTORY} as select * from build_feat_request limit 0`);
      }
      await wh.run(`delete from ${REQUEST_HISTORY} where list_contains($dates::date[], as_of)`, {
        dates: listValue(dates),
      });
      await wh.run(`insert into ${REQUEST_HISTORY} by name select * from build_feat_request`);
      await recordRequestWeeks(wh, requestFingerprint());
    });
    log?.detail(`request features as of ${label}: ${n} requests`);
    return n;
  } finally {
    for (const t of [...REQUEST_MODELS.map((m) => m.name), REQUEST_WEEKS])
      await wh.run(`drop table if exists temp.main.${quoteIdent(t)}`);
  }
}

/**
 * Makes feat_request_history hold every week of `weeks` as a build would give it, building only the weeks its
 * bookkeeping cannot show to still hold (planRequestWeeks); the others are read as stored. Returns the weeks built.
 */
export async function refreshRequestFeatures(wh: Warehouse, weeks: readonly string[], log?: Logger): Promise<string[]> {
  if (weeks.length === 0) return [];
  const plan = await planRequestWeeks(wh, weeks, requestFingerprint());
  const first = plan.build[0];
  if (first !== undefined && plan.kept.length > 0)
    log?.detail(
      `request features: ${plan.kept.length} weeks kept as stored, ${plan.build.length} built (${first}: ${plan.reasons.get(first)})`,
    );
  else if (first !== undefined)
    log?.detail(`request features: every week built (${first}: ${plan.reasons.get(first)})`);
  else log?.detail(`request features: all ${plan.kept.length} weeks kept as stored`);
  await buildRequestFeatures(wh, plan.build, log);
  return plan.build;
}
