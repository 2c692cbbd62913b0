// Benchmark: contract-checked ingest vs a plain DuckDB `create table as select * from read_parquet(...)` of the same
// Parquet files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLE_NAMES } from '../../data/contracts/index.ts';
import { timed } from '../../data/log/timed.ts';
import { ingestInto } from '../ingest/runIngest.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../data/warehouse/quoteIdent.ts';

export interface IngestBenchResult {
  rows: number;
  plainSeconds: number;
  ingestSeconds: number;
  ratio: number;
}

/** Times both loads, each into a fresh warehouse file in a temp folder, on the `<table>.parquet` files in dir. */
export async function benchIngest(dir: string): Promise<IngestBenchResult> {
  const work = mkdtempSync(join(tmpdir(), 'trustlens-ingest-bench-'));
  let rows = 0;
  const plain = await Warehouse.open({ path: join(work, 'plain.duckdb') });
  const { seconds: plainSeconds } = await timed(async () => {
    for (const t of TABLE_NAMES) {
      await plain.run(`create table ${quoteIdent(t)} as select * from read_parquet($path)`, {
        path: join(dir, `${t}.parquet`),
      });
    }
  });
  for (const t of TABLE_NAMES) rows += Number(await plain.scalar(`select count(*) from ${quoteIdent(t)}`));
  plain.close();
  const wh = await Warehouse.open({ path: join(work, 'ingest.duckdb') });
  const { seconds: ingestSeconds } = await timed(async () => {
    await ingestInto(wh, { from: dir });
  });
  wh.close();
  rmSync(work, { recursive: true, force: true });
  return { rows, plainSeconds, ingestSeconds, ratio: ingestSeconds / plainSeconds };
}
