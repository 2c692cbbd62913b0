// Builds feat_buyer, feat_merchant and buyer_groups as of a date from the warehouse, checks them, and publishes them atomically.
import { TABLE_NAMES } from '../../data/contracts/index.ts';
import { UserError, ValidationError } from '../../data/validation/errors.ts';
import type { Logger } from '../../data/log/Logger.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';
import { featureCatalog } from './featureCatalog.ts';
import { checkViolations, columnShapeProblems } from './featureChecks.ts';
import { FEATURE_MODELS, GROUPING_TABLES, INTERMEDIATE_MODELS, STAGING_MODELS } from './featureModels.ts';
import { groupLinkedAccounts } from './groupLinkedAccounts.ts';
import { materializeSql, type BuildParams } from './materializeSql.ts';
import { publishFeatures } from './publishFeatures.ts';

export interface BuildFeaturesOptions {
  /** Replace feat_buyer / feat_merchant (default). Training passes false to fill history for past dates only. */
  writeCurrent?: boolean;
  /** Keys shared by more accounts than this (lockers, office terminals) do not link accounts. */
  maxAccountsPerKey?: number;
  log?: Logger;
}

export interface BuildFeaturesResult {
  asOf: string;
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

function isCalendarDate(s: string): boolean {
  if (!DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function cpuSecondsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

async function requireSources(wh: Warehouse): Promise<void> {
  const missing: string[] = [];
  for (const t of TABLE_NAMES) if (!(await wh.tableExists(t))) missing.push(t);
  if (missing.length) {
    throw new UserError(
      `features: warehouse ${wh.path} has no table${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; ` +
        'load the data first with `trustlens ingest --from DIR`',
    );
  }
}

function tempTables(): string[] {
  return [...STAGING_MODELS, ...INTERMEDIATE_MODELS, ...FEATURE_MODELS].map((m) => m.name).concat(GROUPING_TABLES);
}

async function dropTempTables(wh: Warehouse): Promise<void> {
  for (const t of tempTables()) await wh.run(`drop table if exists temp.main.${quoteIdent(t)}`);
}

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
  const opts = { ...DEFAULTS, ...options };
  if (!isCalendarDate(asOf)) {
    throw new UserError(`features: as-of date "${asOf}" is not a date; use YYYY-MM-DD, e.g. 2026-11-02`);
  }
  if (!Number.isInteger(opts.maxAccountsPerKey) || opts.maxAccountsPerKey < 2) {
    throw new UserError(`features: maxAccountsPerKey ${opts.maxAccountsPerKey} must be a whole number of at least 2`);
  }
  await requireSources(wh);
  const params: BuildParams = { as_of: asOf, max_accounts_per_key: opts.maxAccountsPerKey };
  const steps: BuildFeaturesResult['steps'] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const s = performance.now();
    const cpu = process.cpuUsage();
    const out = await fn();
    steps.push({ step, seconds: (performance.now() - s) / 1000, cpuSeconds: cpuSecondsSince(cpu) });
    opts.log?.detail(`  ${step}: ${((performance.now() - s) / 1000).toFixed(2)} s`);
    return out;
  };
  const catalog = featureCatalog();
  try {
    for (const m of STAGING_MODELS) {
      const file =
        m.optionalSource && !(await wh.tableExists(m.optionalSource.table)) ? m.optionalSource.fallback : m.file;
      await timed(m.name, () => materializeSql(wh, m.name, file, params));
    }
    for (const m of INTERMEDIATE_MODELS) await timed(m.name, () => materializeSql(wh, m.name, m.file, params));
    const grouping = await timed('linked accounts', () => groupLinkedAccounts(wh, params));
    for (const m of FEATURE_MODELS) await timed(m.table, () => materializeSql(wh, m.name, m.file, params));
    await timed('checks', async () => {
      const shape: string[] = [];
      for (const m of FEATURE_MODELS) shape.push(...(await columnShapeProblems(wh, m.name, catalog[m.table])));
      if (shape.length) throw new Error(`features SQL and catalogue disagree:\n  - ${shape.join('\n  - ')}`);
      const problems: string[] = [];
      for (const m of FEATURE_MODELS) problems.push(...(await checkViolations(wh, m.name, catalog[m.table])));
      if (problems.length)
        throw new ValidationError(`features as of ${asOf}: column checks failed, previous outputs kept`, problems);
    });
    const counts = await wh.all<{ buyers: bigint; merchants: bigint; linked: bigint; groups: bigint }>(
      `select (select count(*) from build_feat_buyer) as buyers, (select count(*) from build_feat_merchant) as merchants,
              (select count(*) from build_buyer_groups) as linked, (select count(distinct group_id) from build_buyer_groups) as groups`,
    );
    await timed('publish', () => publishFeatures(wh, asOf, FEATURE_MODELS, opts.writeCurrent));
    const c = counts[0];
    return {
      asOf,
      buyers: Number(c?.buyers ?? 0),
      merchants: Number(c?.merchants ?? 0),
      linkedBuyers: Number(c?.linked ?? 0),
      groups: Number(c?.groups ?? 0),
      groupingIterations: grouping.iterations,
      seconds: (performance.now() - t0) / 1000,
      cpuSeconds: cpuSecondsSince(cpu0),
      steps,
    };
  } finally {
    await dropTempTables(wh);
  }
}
