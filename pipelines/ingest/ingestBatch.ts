// Runs one ingest batch in a single transaction: all tables in load order, bookkeeping, and all-or-nothing on failure.
import { LOAD_ORDER } from '../../data/contracts/index.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { ensureIngestTables } from './ensureIngestTables.ts';
import type { TimestampRange } from './columnChecks.ts';
import { loadTable, type TableCounts } from './loadTable.ts';
import type { IngestPlan, SkippedFile } from './planIngest.ts';
import { filesToRetry } from './orphanRetry.ts';
import { HeaderProblem } from './projectContract.ts';
import { UserError } from '../../data/validation/errors.ts';

export interface BatchResult {
  batchId: number;
  tables: TableCounts[];
  /** Tables this batch's mapping declared absent (newly). */
  absent?: string[];
  /** Files loaded before and read again: rows they had quarantined for an unknown parent could load (orphanRetry). */
  retried?: SkippedFile[];
}

/** Rows loaded and quarantined over every table of a batch. */
export function batchTotals(result: BatchResult): { loaded: number; quarantined: number } {
  return result.tables.reduce((s, t) => ({ loaded: s.loaded + t.loaded, quarantined: s.quarantined + t.quarantined }), {
    loaded: 0,
    quarantined: 0,
  });
}

/** Test hook: kill the process right after this table is loaded, mid-transaction, to prove nothing is left behind. */
const CRASH_AFTER = 'TRUSTLENS_TEST_CRASH_AFTER_TABLE';

export async function ingestBatch(
  wh: Warehouse,
  plan: IngestPlan & { timestamps: TimestampRange; latestKnownAt?: string },
  onTable: (counts: TableCounts) => void = () => {},
  onStep?: (label: string, seconds: number) => void,
  knownAt?: string,
): Promise<BatchResult | null> {
  if (plan.tables.size === 0 && plan.newlyAbsent.length === 0) {
    // nothing new but a file whose quarantined rows' parents have arrived since: that file alone is read again
    let retry = false;
    for (const table of LOAD_ORDER) retry ||= (await filesToRetry(wh, table, plan.skipped)).length > 0;
    if (!retry) return null;
  }
  return batchTransaction(wh, plan, onTable, onStep, knownAt);
}

function batchTransaction(
  wh: Warehouse,
  plan: IngestPlan & { timestamps: TimestampRange; latestKnownAt?: string },
  onTable: (counts: TableCounts) => void,
  onStep?: (label: string, seconds: number) => void,
  knownAt?: string,
): Promise<BatchResult> {
  return wh.transaction(async () => {
    await ensureIngestTables(wh);
    const startedAt = new Date();
    const batchId = Number(await wh.scalar(readSql(new URL('./sql/batch/next_batch_id.sql', import.meta.url))));
    const tables: TableCounts[] = [];
    const retried: SkippedFile[] = [];
    const headers: string[] = [];
    for (const table of LOAD_ORDER) {
      // read before this batch's own files of the table: theirs are the newer deliveries
      const again = await filesToRetry(wh, table, plan.skipped);
      retried.push(...again);
      const files = [...again.map((s) => s.file), ...(plan.tables.get(table) ?? [])];
      if (files.length === 0) continue;
      let counts: TableCounts;
      try {
        counts = await loadTable(
          wh,
          batchId,
          table,
          files,
          plan.mapping?.tables[table],
          onStep,
          { timestamps: plan.timestamps, sandbox: plan.sandbox, latestKnownAt: plan.latestKnownAt },
          knownAt,
        );
      } catch (err) {
        // every table's files are read for header problems before the batch is refused (and rolled back)
        if (!(err instanceof HeaderProblem)) throw err;
        headers.push(err.message);
        continue;
      }
      if (headers.length) continue;
      tables.push(counts);
      onTable(counts);
      for (const f of files) {
        await wh.run(readSql(new URL('./sql/batch/record_file.sql', import.meta.url)), {
          batch: batchId,
          table,
          path: f.path,
          fp: f.fingerprint,
          bytes: f.bytes,
        });
      }
      await wh.run(readSql(new URL('./sql/batch/record_table_counts.sql', import.meta.url)), {
        batch: batchId,
        table,
        files: counts.files,
        read: counts.read,
        loaded: counts.loaded,
        quarantined: counts.quarantined,
        inserted: counts.inserted,
        duplicate: counts.duplicate,
        updated: counts.updated,
        known_at: counts.knownAt,
        filtered: counts.filtered ?? null,
      });
      await wh.run(readSql(new URL('./sql/batch/record_source_status.sql', import.meta.url)), {
        table,
        absent: false,
        batch: batchId,
      });
      if (process.env[CRASH_AFTER] === table) process.kill(process.pid, 'SIGKILL');
    }
    if (headers.length) {
      throw new UserError(
        `${headers.join('\n')}\n(nothing of this delivery was loaded: fix the files named above and run ingest again)`,
      );
    }
    for (const table of plan.newlyAbsent) {
      await wh.run(readSql(new URL('./sql/batch/record_source_status.sql', import.meta.url)), {
        table,
        absent: true,
        batch: batchId,
      });
    }
    // now() is the transaction's start in DuckDB, before started_at; the clock is read here instead.
    await wh.run(readSql(new URL('./sql/batch/record_batch.sql', import.meta.url)), {
      batch: batchId,
      source: plan.from,
      mapping: plan.mappingFile ?? null,
      started: startedAt.toISOString(),
      finished: new Date().toISOString(),
    });
    return { batchId, tables, absent: [...plan.newlyAbsent], retried };
  });
}
