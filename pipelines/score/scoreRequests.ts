// Request risk for the refund requests of past weeks, each week scored with the request model available when its
// requests were made.
import { listValue } from '@duckdb/node-api';
import { Forest } from '../../models/forest/index.ts';
import { artifactDates, readArtifact } from '../../models/registry/artifactStore.ts';
import { predictCalibrated } from '../../models/score/predictCalibrated.ts';
import { addDays } from '../../data/time/isoDate.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { refreshRequestFeatures, REQUEST_HISTORY } from '../features/buildRequestFeatures.ts';
import { loadFeatureColumns } from '../features/loadFeatureColumns.ts';

export const REQUEST_SCORES_TABLE = 'request_scores';

export interface RequestScoreSummary {
  requests: number;
  /** Requests of weeks with no request-risk model trained on or before the week's start (request_risk unknown). */
  unscored: number;
}

/**
 * Makes feat_request_history hold every week end in `weeks` (requests of the 7 days before it, described with the
 * snapshot of the week's start; the weeks whose inputs changed since they were stored are built in one pass) and
 * scores each week with the newest request-risk artifact dated on or before the week's start: a request is never
 * scored by a model that saw later labels. Writes the temp table request_scores
 * (request_id, request_risk, model_date); requests of weeks without such a model are left out (their risk is unknown).
 */
export async function scoreRequestWeeks(
  wh: Warehouse,
  weeks: readonly string[],
  artifactsDir: string,
  log?: Logger,
): Promise<RequestScoreSummary> {
  await wh.run(
    `create or replace temp table ${REQUEST_SCORES_TABLE} (request_id varchar, request_risk double, model_date varchar)`,
  );
  const dates = artifactDates(artifactsDir, 'request-risk');
  await refreshRequestFeatures(wh, weeks, log);
  const perWeek = new Map(
    (
      await wh.all<{ as_of: string; n: bigint }>(
        `select strftime(as_of, '%Y-%m-%d') as as_of, count(*) as n from ${REQUEST_HISTORY}
         where list_contains($weeks::date[], as_of) group by all`,
        { weeks: listValue([...weeks]) },
      )
    ).map((r) => [r.as_of, Number(r.n)]),
  );
  // most weeks of a window share one model: each artifact is read and its forest rebuilt once
  const models = new Map<string, { artifact: ReturnType<typeof readArtifact>; forest: Forest }>();
  const loadModel = (modelDate: string) => {
    const artifact = readArtifact(artifactsDir, 'request-risk', modelDate);
    const model = { artifact, forest: Forest.fromJSON(artifact.forest) };
    models.set(modelDate, model);
    return model;
  };
  let requests = 0;
  let unscored = 0;
  for (const [i, week] of weeks.entries()) {
    const n = perWeek.get(week) ?? 0;
    requests += n;
    const modelDate = dates.filter((d) => d <= addDays(week, -7)).at(-1);
    if (modelDate === undefined) {
      unscored += n;
      continue;
    }
    const { artifact, forest } = models.get(modelDate) ?? loadModel(modelDate);
    const snap = await loadFeatureColumns(wh, artifact.spec, week);
    if (snap.ids.length === 0) continue;
    const { probability } = await predictCalibrated(
      forest,
      artifact,
      artifact.spec.features.map((f) => snap.columns.get(f)!),
    );
    const appender = await wh.conn.createAppender(REQUEST_SCORES_TABLE);
    snap.ids.forEach((id, r) => {
      appender.appendVarchar(id);
      appender.appendDouble(probability[r]!);
      appender.appendVarchar(modelDate);
      appender.endRow();
    });
    appender.closeSync();
    log?.progress('request risk weeks', i + 1, weeks.length);
  }
  return { requests, unscored };
}
