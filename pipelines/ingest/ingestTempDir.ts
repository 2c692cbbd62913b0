// The folder a batch's mapping sandbox writes its results to: beside the warehouse (where DuckDB spills too), or the
// system's temp folder for an in-memory warehouse.
import { mkdirSync, mkdtempSync, rmdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `<warehouse>.ingest-tmp/`: what a killed run leaves there is removed by the next run (cleanStaleOutputs). */
export function ingestTempRoot(warehouse: string): string {
  return warehouse === ':memory:' ? tmpdir() : `${warehouse}.ingest-tmp`;
}

/** A fresh folder for one batch; the caller removes it with removeIngestTempDir. */
export function ingestTempDir(warehouse: string): string {
  const root = ingestTempRoot(warehouse);
  mkdirSync(root, { recursive: true });
  return mkdtempSync(join(root, 'trustlens-ingest-'));
}

/**
 * Removes a batch's folder, and the root beside the warehouse when nothing else is in it: a root left behind made the
 * next command report it had "cleaned what an interrupted run left" after every mapped ingest.
 */
export function removeIngestTempDir(dir: string, warehouse: string): void {
  rmSync(dir, { recursive: true, force: true });
  if (warehouse === ':memory:') return;
  try {
    rmdirSync(ingestTempRoot(warehouse));
  } catch {
    // another batch's folder (a concurrent ingest cannot hold the run lock, but a killed one's can remain): kept
  }
}
