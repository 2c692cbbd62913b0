// Builds feat_buyer, feat_merchant and buyer_groups as of one date or several (one pass of the same SQL) from the
// warehouse, checks them, and publishes them atomically.
import { listValue } from '@duckdb/node-api';
import { DEFECT_REASONS, SERIOUS_ACTIONS } from '../../data/contracts/index.ts';
import { UserError, ValidationError } from '../../data/validation/errors.ts';
import type { Logger } from '../../data/log/Logger.ts';
import { timed } from '../../data/log/timed.ts';
import { publishDated } from '../../data/warehouse/publishDated.ts';
import { createKnownRowsDatedMacros } from '../../data/warehouse/knownRows.ts';
import { absentSources } from '../../data/warehouse/absentSources.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { columnsFromSources } from './featureSources.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { requireTables } from '../cli/stageTables.ts';
import { featureCatalog } from './featureCatalog.ts';
import { checkViolations, columnShapeProblems } from './featureChecks.ts';
import {
  featureBuildOrder,
  featureTempTables,
  PUBLISHED_FEATURES,
  releasedAfter,
  type BuildModel,
} from './featureModels.ts';
import { groupLinkedAccounts, type GroupingResult } from './groupLinkedAccounts.ts';
import { materializeSql, type BuildParams } from './materializeSql.ts';

export interface BuildFeaturesOptions {
  /** Replace feat_buyer / feat_merchant (default). Training passes false to fill history for past dates only. */
  writeCurrent?: boolean;
  /** Keys shared by more accounts than this (lockers, office terminals) do not link accounts. */
  maxAccountsPerKey?: number;
  log?: Logger;
}

export interface BuildFeaturesResult {
  /** The last date built (the only one for buildFeatures). */
  asOf: string;
  /** Every date built, ascending. */
  dates: string[];
  /** Rows over every date built. */
  buyers: number;
  merchants: number;
  /** Accounts in linked groups of two or more, and the number of such groups. */
  linkedBuyers: number;
  groups: number;
  groupingIterations: number;
  seconds: number;
  /** CPU time of the process (all DuckDB threads) during the build: less sensitive to a busy machine than wall time. */
  cpuSeconds: number;
  steps: { step: string; seconds: number; cpuSeconds: number }[];
}

const DEFAULTS = { writeCurrent: true, maxAccountsPerKey: 50 };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The dates a build computes, one row each. The staging models read the contract tables once per date through
 * known_<table>_dated() (rows as known at each date) and mask what each date did not know yet; every later model
 * carries as_of through its joins and groups, so one pass gives each date the values a build of that date alone gives.
 */
export const FEATURE_DATES = 'feature_dates';

function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

async function dropBuildTables(wh: Warehouse): Promise<void> {
  for (const t of [...featureTempTables(), FEATURE_DATES]) {
    await wh.run(`drop table if exists temp.main.${quoteIdent(t)}`);
  }
}

/** Step name in timings: features models by the table they build, the others by their own name. */
const stepName = (m: BuildModel) => (m.layer === 'features' ? m.name.replace(/^build_/, '') : m.name);

/**
 * Builds the features as of `asOf` (YYYY-MM-DD; only events strictly before it are read). Safe to call repeatedly on
 * one connection: each call works in its own temp tables and publishes in one transaction, so a failure (including a
 * broken column check) leaves the previous outputs as they were.
 */
export async function buildFeatures(
  wh: Warehouse,
  asOf: string,
  options: BuildFeaturesOptions = {},
): Promise<BuildFeaturesResult> {
  return buildFeatureDates(wh, [asOf], options);
}

/**
 * Builds several dates in one pass of every model (each row carries its as_of), with the values one build per date
 * gives. Only a single date can replace the current feat_buyer and feat_merchant (`writeCurrent`).
 */
export async function buildFeatureDates(
  wh: Warehouse,
  dates: readonly string[],
  options: BuildFeaturesOptions = {},
): Promise<BuildFeaturesResult> {
  const opts = { ...DEFAULTS, ...options };
  const bad = dates.find((d) => !isCalendarDate(d));
  if (bad !== undefined) {
    throw new UserError(`features: as-of date "${bad}" is not a date; use YYYY-MM-DD, e.g. 2026-11-02`);
  }
  const sorted = [...new Set(dates)].sort();
  const asOf = sorted.at(-1);
  if (asOf === undefined) throw new Error('features: no date to build');
  if (opts.writeCurrent && sorted.length > 1) {
    throw new Error('features: only a single date can replace feat_buyer and feat_merchant (writeCurrent)');
  }
  if (!Number.isInteger(opts.maxAccountsPerKey) || opts.maxAccountsPerKey < 2) {
    throw new UserError(`features: maxAccountsPerKey ${opts.maxAccountsPerKey} must be a whole number of at least 2`);
  }
  await requireTables(wh, 'features');
  const params: BuildParams = {
    max_accounts_per_key: opts.maxAccountsPerKey,
    defect_reasons: listValue([...DEFECT_REASONS]),
    serious_actions: listValue([...SERIOUS_ACTIONS]),
  };
  const steps: BuildFeaturesResult['steps'] = [];
  const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const { value, seconds, cpuSeconds } = await timed(fn);
    steps.push({ step: name, seconds, cpuSeconds });
    opts.log?.detail(`  ${name}: ${seconds.toFixed(2)} s`);
    return value;
  };
  const catalog = featureCatalog();
  const build = await timed(async () => {
    try {
      await wh.run(
        `create or replace temp table ${quoteIdent(FEATURE_DATES)} as select unnest($dates::date[]) as as_of`,
        { dates: listValue(sorted) },
      );
      await createKnownRowsDatedMacros(wh, FEATURE_DATES);
      let grouping: GroupingResult = { iterations: 0 };
      const order = featureBuildOrder();
      const released = releasedAfter(order);
      for (const m of order) {
        if (m.kind === 'components') {
          grouping = await step(stepName(m), () => groupLinkedAccounts(wh, params));
        } else {
          const file =
            m.optionalSource && !(await wh.tableExists(m.optionalSource.table)) ? m.optionalSource.fallback : m.file;
          await step(stepName(m), () => materializeSql(wh, m.name, file, params));
        }
        // a model no later model reads frees its memory now rather than at the end of the build
        for (const t of released.get(m.name) ?? []) await wh.run(`drop table if exists temp.main.${quoteIdent(t)}`);
      }
      await step('checks', async () => {
        const shape: string[] = [];
        for (const f of PUBLISHED_FEATURES) shape.push(...(await columnShapeProblems(wh, f.build, catalog[f.table])));
        if (shape.length) throw new Error(`features SQL and catalogue disagree:\n  - ${shape.join('\n  - ')}`);
        const problems: string[] = [];
        for (const f of PUBLISHED_FEATURES) problems.push(...(await checkViolations(wh, f.build, catalog[f.table])));
        if (problems.length)
          throw new ValidationError(
            `features as of ${sorted.join(', ')}: column checks failed, previous outputs kept`,
            problems,
          );
      });
      // Features from sources the marketplace declared absent are unknown: NULL, never the 0 an empty table gives.
      const absent = await absentSources(wh);
      for (const f of PUBLISHED_FEATURES) {
        const unknown = columnsFromSources(f.table, absent);
        if (unknown.length === 0) continue;
        const assignments = unknown.map((c) => `${quoteIdent(c)} = null`).join(', ');
        await wh.run(
          readSql(new URL('./sql/blank_absent_sources.sql', import.meta.url), {
            table: quoteIdent(f.build),
            assignments,
          }),
        );
      }
      const [counts] = await wh.all<{ buyers: bigint; merchants: bigint; linked: bigint; groups: bigint }>(
        `select (select count(*) from build_feat_buyer) as buyers, (select count(*) from build_feat_merchant) as merchants,
                (select count(*) from build_buyer_groups) as linked, (select count(distinct group_id) from build_buyer_groups) as groups`,
      );
      await step('publish', () =>
        publishDated(
          wh,
          sorted,
          PUBLISHED_FEATURES.map((f) => ({
            build: f.build,
            history: f.history,
            current: f.current && opts.writeCurrent ? f.table : null,
          })),
        ),
      );
      return { counts, grouping };
    } finally {
      await dropBuildTables(wh);
    }
  });
  const { counts, grouping } = build.value;
  return {
    asOf,
    dates: sorted,
    buyers: Number(counts?.buyers ?? 0),
    merchants: Number(counts?.merchants ?? 0),
    linkedBuyers: Number(counts?.linked ?? 0),
    groups: Number(counts?.groups ?? 0),
    groupingIterations: grouping.iterations,
    seconds: build.seconds,
    cpuSeconds: build.cpuSeconds,
    steps,
  };
}
