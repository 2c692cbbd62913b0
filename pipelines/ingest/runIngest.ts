// `trustlens ingest` handler: plans the batch, loads it in one transaction, prints per-table counts and the batch id.
import type { CommandContext } from '../cli/defineCommand.ts';
import { UserError } from '../../data/validation/errors.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { formatSummary } from './formatSummary.ts';
import { ingestBatch, type BatchResult } from './ingestBatch.ts';
import { readMapping } from './mapping/loadMapping.ts';
import { planIngest, type IngestPlan } from './planIngest.ts';
import { ingestTempDir, removeIngestTempDir } from './ingestTempDir.ts';
import type { TimestampRange } from './columnChecks.ts';
import { defaultTimestampRange, timestampRange } from './timestampRange.ts';

export interface IngestOptions {
  from: string;
  mapping?: string;
  /**
   * The date the delivered versions became known (the weekly run's --as-of); default: the day after each table's newest
   * event.
   */
  knownAt?: string;
  /** Plausible timestamps (default: the default settings as of today). */
  timestamps?: TimestampRange;
  /** Without knownAt, the latest date a table's delivery is taken as known (`ingest`: its --as-of, default today). */
  latestKnownAt?: string;
}

/** The `trustlens ingest` command's options. */
export interface IngestCommandOptions {
  from: string;
  mapping?: string;
  asOf?: string;
  knownAt?: string;
}

/** Ingests into an open warehouse; returns null when every file was already loaded ("nothing new"). */
export async function ingestInto(
  wh: Warehouse,
  options: IngestOptions,
  log?: CommandContext['log'],
): Promise<BatchResult | null> {
  if (!options.mapping) return ingestPlanned(wh, await planIngest(wh, options.from), options, log);
  const read = await readMapping(options.mapping);
  const outDir = ingestTempDir(wh.path);
  try {
    const plan = await planIngest(wh, options.from, read, options.mapping, outDir);
    try {
      return await ingestPlanned(wh, plan, options, log);
    } finally {
      await plan.sandbox?.close();
    }
  } finally {
    removeIngestTempDir(outDir, wh.path);
  }
}

async function ingestPlanned(
  wh: Warehouse,
  plan: IngestPlan,
  options: IngestOptions,
  log?: CommandContext['log'],
): Promise<BatchResult | null> {
  for (const f of plan.ignored) log?.warn(`${f}: not named after a contract table, ignored`);
  for (const f of plan.empty) log?.warn(`${f}: empty file (0 bytes), skipped`);
  // A folder of misnamed files only is a delivery trustlens could not read, not "nothing new".
  if (plan.tables.size === 0 && plan.skipped.length === 0 && plan.empty.length === 0 && plan.ignored.length) {
    const n = plan.ignored.length;
    throw new UserError(
      `${options.from}: nothing loaded: ${n} file${n === 1 ? ' is' : 's are'} not named after a contract table (${plan.ignored.join(', ')}); name them <table>.csv, <table>_<anything>.csv (or .parquet, .ndjson) or map them with --mapping`,
    );
  }
  let tablesDone = 0;
  const result = await ingestBatch(
    wh,
    { ...plan, timestamps: options.timestamps ?? defaultTimestampRange(), latestKnownAt: options.latestKnownAt },
    (c) => {
      log?.detail(
        `${c.table}: ${c.read} read = ${c.inserted} inserted + ${c.updated} updated + ${c.duplicate} unchanged + ${c.quarantined} quarantined`,
      );
      log?.progress('ingest tables', ++tablesDone, plan.tables.size);
    },
    (label, s) => log?.detail(`  ${label} ${s.toFixed(2)} s`),
    options.knownAt,
  );
  const retried = result?.retried ?? [];
  for (const s of plan.skipped) {
    if (retried.includes(s))
      log?.info(
        `${s.file.display}: loaded in batch ${s.batchId} and read again: rows it had quarantined for an unknown parent now have it`,
      );
    else log?.detail(`${s.file.display}: already loaded in batch ${s.batchId} (same content), skipped`);
  }
  return result;
}

export async function runIngest(options: IngestCommandOptions, ctx: CommandContext): Promise<void> {
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const timestamps = timestampRange(ctx.config, asOf);
  // A delivery as of a date is known then (as `run` takes it); without --as-of, no later than today.
  const knownAt = options.knownAt ?? options.asOf;
  const result = await withWarehouse(ctx, `trustlens ingest --from ${options.from}`, (wh) =>
    ctx.log.step('ingest', () =>
      ingestInto(
        wh,
        { from: options.from, mapping: options.mapping, timestamps, knownAt, latestKnownAt: asOf },
        ctx.log,
      ),
    ),
  );
  ctx.log.info(result ? formatSummary(result) : `nothing new: no file in ${options.from} holds rows not loaded before`);
}
