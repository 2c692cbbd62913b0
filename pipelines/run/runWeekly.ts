// The weekly run: ingest new files, score history, features, train when stale, score, govern, simulate, report and
// export, each stage timed.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelName } from '../../models/artifactSchema.ts';
import { reportInto } from '../report/runReport.ts';
import type { CommandContext } from '../cli/defineCommand.ts';
import { UserError } from '../../data/validation/errors.ts';
import { EnvironmentError, explainFailure } from '../../data/validation/explainFailure.ts';
import { exportInto } from '../export/runExport.ts';
import { buildFeatures } from '../features/buildFeatures.ts';
import { refreshRequestFeatures } from '../features/buildRequestFeatures.ts';
import { governWeek, type GovernSummary } from '../govern/governWeek.ts';
import { ingestInto } from '../ingest/runIngest.ts';
import { timestampRange } from '../ingest/timestampRange.ts';
import { batchTotals, type BatchResult } from '../ingest/ingestBatch.ts';
import { scoreAll, scoreDates, type ScoreSummary } from '../score/scoreAll.ts';
import { loadPolicies } from '../simulate/policy/loadPolicy.ts';
import { simulatePolicies } from '../simulate/simulatePolicies.ts';
import { replayWeeks } from '../simulate/buildRequestContext.ts';
import { trainModels } from '../train/trainModels.ts';
import { timed, type Timed } from '../../data/log/timed.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { dropTempTables } from '../../data/warehouse/dropTempTables.ts';
import { collectGarbage } from './collectGarbage.ts';
import { missingScoreWeeks } from './missingScoreWeeks.ts';
import { replayProofNeeds } from './replayProofNeeds.ts';
import { addDays } from '../../data/time/isoDate.ts';
import { modelChoice } from '../../models/registry/resolveModel.ts';
import {
  historyCoverage,
  scorableWeeks,
  unreplayedWeeks,
  type HistoryCoverage,
  type SkippedWeek,
} from './historyCoverage.ts';
import type { NotEnoughLabels } from '../train/notEnoughLabels.ts';
import { STARTER_MODELS } from '../train/starter/starterSettings.ts';
import { requireTables } from '../cli/stageTables.ts';
import { describeFreshness, modelFreshness } from './modelFreshness.ts';
import { checkWeeklyWeekday } from '../cli/weeklyWeekday.ts';
import { refuseAsOfBeforeData } from '../cli/asOfBeforeData.ts';

export interface WeeklyRunOptions {
  asOf: string;
  /** Folder of new input files; absent: config dataDir when it exists, else the warehouse as it is. */
  from?: string;
  mapping?: string;
  retrain: boolean;
  /** Go ahead when asOf is on another weekday than the warehouse's scored weeks. */
  weekdayOk?: boolean;
}

export interface StageTiming {
  stage: string;
  seconds: number;
  /** CPU seconds of the process during the stage, every thread counted: steadier than wall time on a busy machine. */
  cpuSeconds: number;
  /** Peak resident memory of this process so far, in MB. */
  peakRssMb: number;
  /** What the stage did, in a few words. */
  note: string;
  /** Present on the stage that stopped the run. */
  failed?: true;
}

export interface WeeklyRunSummary {
  asOf: string;
  stages: StageTiming[];
  seconds: number;
  ingest: BatchResult | null;
  ingestFrom: string | null;
  orders: number;
  /** Orders without a buyer id (guest checkouts): they count for their merchants and are kept out of buyer scores. */
  guestOrders: number;
  trained: ModelName[];
  backfilledWeeks: string[];
  /**
   * History this week: its length, what the models and the replay need, the weeks that could not be scored or replayed.
   */
  history: HistoryCoverage & { unscoredWeeks: SkippedWeek[]; unreplayedWeeks: SkippedWeek[] };
  /** Models this marketplace's labels could not train yet, with what they need and found. */
  labelShortfalls: { model: ModelName; explanation: string }[];
  score: ScoreSummary;
  govern: GovernSummary;
  simulated: { policies: number; requests: number };
  reportsIndex: string;
}

/** A stage failure keeps its exit code (bad input stays 2) and says which stage stopped the run. */
function stageFailure(stage: string, raw: unknown, ctx: { warehouse: string; memoryLimit: string }): Error {
  const err = explainFailure(raw, ctx);
  const cause = err instanceof Error ? err.message : String(err);
  const message = `stage ${stage} failed: ${cause}\n(the run stopped here; this week's later stages did not run and the previous week's outputs are unchanged)`;
  if (err instanceof UserError) return new UserError(message);
  return err instanceof EnvironmentError
    ? new EnvironmentError(message, { cause: err })
    : new Error(message, { cause: err });
}

/**
 * Runs every stage on an open warehouse (the caller holds the run lock). Each finished stage is pushed onto `stages` as
 * it
 * ends, so a caller still has the timings of a run that failed.
 */
export async function runWeeklyOn(
  wh: Warehouse,
  options: WeeklyRunOptions,
  ctx: Pick<CommandContext, 'config' | 'log'>,
  stages: StageTiming[] = [],
): Promise<WeeklyRunSummary> {
  const { config, log } = ctx;
  const { asOf } = options;
  // Policies are checked before any stage runs, so a typo in a policy file costs nothing.
  const policies = loadPolicies(config.simulate.policies);
  await refuseAsOfBeforeData(wh, asOf, 'run');
  await checkWeeklyWeekday(wh, asOf, options.weekdayOk ?? false, log);
  const t0 = performance.now();
  const stage = async <T>(name: string, fn: () => Promise<T>, note: (out: T) => string): Promise<T> => {
    let run: Timed<T>;
    const started = performance.now();
    const cpu = process.cpuUsage();
    try {
      // a stage hands on only what it published: its scratch tables and dead objects would hold memory through every
      // later stage
      run = await timed(() =>
        log.step(name, async () => {
          const value = await fn();
          await dropTempTables(wh);
          collectGarbage();
          return value;
        }),
      );
    } catch (err) {
      // A failed stage is timed too, so --timings shows where a failing run spent its time.
      stages.push({
        stage: name,
        seconds: (performance.now() - started) / 1000,
        cpuSeconds: (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e6,
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        note: 'failed',
        failed: true,
      });
      throw stageFailure(name, err, { warehouse: wh.path, memoryLimit: config.memoryLimit });
    }
    stages.push({
      stage: name,
      seconds: run.seconds,
      cpuSeconds: run.cpuSeconds,
      peakRssMb: run.peakRssMb,
      note: note(run.value),
    });
    return run.value;
  };

  const from = options.from ?? (existsSync(config.dataDir) ? config.dataDir : null);
  const ingest = await stage(
    'ingest',
    async () => {
      if (from === null) {
        log.info(`no input folder (--from, or config dataDir ${config.dataDir}): using the warehouse as it is`);
        return null;
      }
      const result = await ingestInto(
        wh,
        { from, mapping: options.mapping, timestamps: timestampRange(config, asOf), knownAt: asOf },
        log,
      );
      if (result === null) log.info(`nothing new in ${from}`);
      return result;
    },
    (r) => {
      if (!r) return 'nothing new';
      const { loaded, quarantined } = batchTotals(r);
      return `${loaded} rows loaded, ${quarantined} quarantined`;
    },
  );
  await requireTables(wh, 'run');
  const [counts] = await wh.all<{ orders: bigint; guest_orders: bigint }>(
    readSql(new URL('./sql/order_counts.sql', import.meta.url)),
  );
  const orders = Number(counts?.orders ?? 0n);

  // The simulator judges each request with the score of the week before it, and trends need past weeks:
  // a warehouse without that history gets it scored once, oldest first, each week by a model trained no later than it.
  const coverage = await historyCoverage(wh, asOf, config);
  const labelShortfalls: WeeklyRunSummary['labelShortfalls'] = [];
  const noteShortfall = (s: NotEnoughLabels) => {
    if (!labelShortfalls.some((x) => x.model === s.model))
      labelShortfalls.push({ model: s.model, explanation: s.explanation });
    const starter = (STARTER_MODELS as readonly string[]).includes(s.model) && config.models.useStarter === 'auto';
    log.warn(
      `${s.message}; ${starter ? 'scoring with an older model of this warehouse, else the starter model' : 'using an older model of this warehouse, if any'}`,
    );
  };
  // Models configured to an artifact trained elsewhere are never trained here.
  const configured = new Set(Object.keys(modelChoice(config).configured));
  const missingAll = await missingScoreWeeks(wh, asOf, config.simulate.weeks);
  // Weeks before the first order have nothing to score: listed with the reason, not scored.
  const { scorable: missing, skipped: unscoredWeeks } = scorableWeeks(missingAll, coverage.start);
  const backfilled = await stage(
    'score history',
    async () => {
      if (missing.length === 0) return [];
      const first = missing[0]!;
      const warmup = modelFreshness(config.artifactsDir, first, Number.POSITIVE_INFINITY).filter(
        (f) => f.newest === null && !configured.has(f.model),
      );
      if (warmup.length) {
        log.info(`no model on or before ${first}: training one as of ${first} to score ${missing.length} past weeks`);
        // Short histories cannot train that early: those weeks are scored by the starter models (or stay unscored
        // without them).
        const models = warmup.map((f) => f.model);
        await trainModels(wh, first, config, log, {
          models,
          onShortfall: noteShortfall,
          alsoBuild: await replayProofNeeds(wh, models, first, asOf, config, options.retrain),
        });
      }
      try {
        // Past weeks serve the replay, trends and the next week's features (risk, tier, trust); only the week before
        // this one is scored in full, since this week's reports compare against it.
        const previous = addDays(asOf, -7);
        await scoreDates(
          wh,
          missing.filter((d) => d !== previous),
          config,
          log,
          { purpose: 'replay' },
        );
        if (missing.includes(previous)) await scoreDates(wh, [previous], config, log, { reasons: 'queue' });
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
        log.warn(`could not score the past weeks (${err.message.split('\n')[0]}); they stay unscored`);
        unscoredWeeks.push(...missing.map((week) => ({ week, reason: 'no model to score it' })));
        return [];
      }
      return missing;
    },
    (weeks) =>
      weeks.length ? `${weeks.length} past weeks scored (${weeks[0]} … ${weeks.at(-1)})` : 'history complete',
  );

  await stage(
    'features',
    async () => {
      const built = await buildFeatures(wh, asOf, { writeCurrent: true, log });
      // The replay window's request weeks are this week's features too, and read only snapshots published before
      // asOf: built here, simulate finds them stored instead of building the newest itself.
      const requestWeeks = await refreshRequestFeatures(wh, replayWeeks(asOf, config.simulate.weeks), log);
      return { ...built, requestWeeks: requestWeeks.length };
    },
    (r) =>
      `${r.buyers} buyers, ${r.merchants} merchants, ${r.groups} linked groups, ` +
      `${r.requestWeeks} request week${r.requestWeeks === 1 ? '' : 's'} built`,
  );

  const freshness = modelFreshness(config.artifactsDir, asOf, config.training.retrainIntervalDays);
  const toTrain = (
    options.retrain ? freshness.map((f) => f.model) : freshness.filter((f) => f.stale).map((f) => f.model)
  ).filter((m) => !configured.has(m));
  const trained = await stage(
    'train',
    async () => {
      for (const f of freshness) log.detail(describeFreshness(f));
      if (toTrain.length === 0) {
        log.info(
          `models are fresh (retrain every ${config.training.retrainIntervalDays} days): ${freshness.map(describeFreshness).join('; ')}`,
        );
        return [];
      }
      return trainModels(wh, asOf, config, log, { models: toTrain, onShortfall: noteShortfall });
    },
    (t) => (t.length ? `trained ${t.map((m) => m.artifact.model).join(', ')}` : 'models fresh, not retrained'),
  );

  const score = await stage(
    'score',
    () => scoreAll(wh, asOf, config, log, { features: 'reuse' }),
    (s) => `${s.buyers} buyers, ${s.merchants} merchants, queue ${s.queue}`,
  );

  // Governance reads this week's buyer tiers and merchant trust, so it runs after score.
  const govern = await stage(
    'govern',
    () => governWeek(wh, asOf, config, log),
    (gv) =>
      gv.skipped
        ? 'skipped: no orders delivered for the week'
        : `${gv.weeks.length} scorecard weeks, ${Object.values(gv.actions).reduce((a, b) => a + b, 0)} actions recommended, ${gv.spotChecks} spot checks`,
  );

  const sim = await stage(
    'simulate',
    () =>
      simulatePolicies(wh, {
        asOf,
        weeks: config.simulate.weeks,
        policies,
        bootstrap: config.simulate.bootstrap,
        seed: config.simulate.seed,
        log,
        artifactsDir: config.artifactsDir,
        threads: config.training.threads,
      }),
    (r) => `${policies.length} policies on ${r.context.requests} requests`,
  );
  if (sim.context.unscored > 0) log.warn(`${sim.context.unscored} replayed requests had no buyer score before them`);
  const unreplayed = await unreplayedWeeks(wh, asOf, config.simulate.weeks, coverage.start);

  const built = await stage(
    'report',
    () => reportInto(wh, asOf, ctx),
    (b) => `${b.files.length} files`,
  );
  await stage(
    'export',
    () => exportInto(wh, asOf, ctx),
    (m) => `${m.files.length} datasets`,
  );

  return {
    asOf,
    stages,
    seconds: (performance.now() - t0) / 1000,
    ingest,
    ingestFrom: from,
    orders,
    guestOrders: Number(counts?.guest_orders ?? 0n),
    trained: trained.map((t) => t.artifact.model),
    backfilledWeeks: backfilled,
    history: { ...coverage, unscoredWeeks, unreplayedWeeks: unreplayed },
    labelShortfalls,
    score,
    govern,
    simulated: { policies: policies.length, requests: sim.context.requests },
    reportsIndex: join(built.dir, 'index.html'),
  };
}
