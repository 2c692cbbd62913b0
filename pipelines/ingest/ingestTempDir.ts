// The folder a batch's mapping sandbox writes its results to: beside the warehouse (where DuckDB spills too), or the
// system's temp folder for an in-memory warehouse.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `<warehouse>.ingest-tmp/`: what a killed run leaves there is removed by the next run (cleanStaleOutputs). */
export function ingestTempRoot(warehouse: string): string {
  return warehouse === ':memory:' ? tmpdir() : `${warehouse}.ingest-tmp`;
}

/** A fresh folder for one batch; the caller removes it. */
export function ingestTempDir(warehouse: string): string {
  const root = ingestTempRoot(warehouse);
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, 'trustlens-ingest-'));
}
