// `trustlens ingest` handler: plans the batch, loads it in one transaction, prints per-table counts and the batch id.
import type { CommandContext } from '../cli/defineCommand.ts';
import { withWarehouse } from '../run/withWarehouse.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { formatSummary } from './formatSummary.ts';
import { ingestBatch, type BatchResult } from './ingestBatch.ts';
import { loadMapping } from './mapping/loadMapping.ts';
import { planIngest } from './planIngest.ts';

export interface IngestOptions {
  from: string;
  mapping?: string;
}

/** Ingests into an open warehouse; returns null when every file was already loaded ("nothing new"). */
export async function ingestInto(
  wh: Warehouse,
  options: IngestOptions,
  log?: CommandContext['log'],
): Promise<BatchResult | null> {
  const mapping = options.mapping ? loadMapping(options.mapping) : undefined;
  const plan = await planIngest(wh, options.from, mapping, options.mapping);
  for (const f of plan.ignored) log?.warn(`${f}: not named after a contract table, ignored`);
  for (const s of plan.skipped)
    log?.detail(`${s.file.display}: already loaded in batch ${s.batchId} (same content), skipped`);
  let tablesDone = 0;
  return ingestBatch(
    wh,
    plan,
    (c) => {
      log?.detail(`${c.table}: ${c.read} read, ${c.loaded} loaded, ${c.quarantined} quarantined`);
      log?.progress('ingest tables', ++tablesDone, plan.tables.size);
    },
    (label, s) => log?.detail(`  ${label} ${s.toFixed(2)} s`),
  );
}

export async function runIngest(options: IngestOptions, ctx: CommandContext): Promise<void> {
  const result = await withWarehouse(ctx, `trustlens ingest --from ${options.from}`, (wh) =>
    ctx.log.step('ingest', () => ingestInto(wh, options, ctx.log)),
  );
  ctx.log.info(result ? formatSummary(result) : `nothing new: every file in ${options.from} was already loaded`);
}
