// Runs a piece of work under a lower DuckDB memory limit than the warehouse's own, and puts the warehouse's back after.
import { isOutOfMemory } from '../validation/explainFailure.ts';
import { quoteLiteral } from './quoteIdent.ts';
import type { Warehouse } from './Warehouse.ts';

const UNITS: Record<string, number> = {
  bytes: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Bytes of a DuckDB size: '3GB', '512 MiB', '18.8 GiB' (KB, MB… are powers of 1000; KiB, MiB… of 1024). */
export function sizeBytes(size: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)\s*$/i.exec(size);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new Error(`"${size}" is not a size like 3GB or 512 MiB`);
  return Number(m[1]) * unit;
}

/**
 * Runs `fn` with DuckDB's memory limit at `limit` when that is below the limit in force (never above it), then restores
 * the warehouse's own limit, also when `fn` throws. DuckDB fills its buffer pool up to the limit with whatever a query
 * touches, and memory it frees goes back to the system only later: work that needs no large joins (a sorted write of a
 * million rows) spills under the lower limit rather than raising the run's peak.
 *
 * `fn` must be safe to run twice: if it runs out of memory under the lower limit, it runs again under the warehouse's
 * own (`onRetry` says so), so a marketplace too large for the lower limit is slower, never stopped by it.
 */
export async function withMemoryLimit<T>(
  wh: Warehouse,
  limit: string,
  fn: () => Promise<T>,
  onRetry: (message: string) => void = () => {},
): Promise<T> {
  const current = await wh.scalar<string>("select current_setting('memory_limit')");
  if (sizeBytes(limit) >= sizeBytes(current)) return fn();
  await wh.run(`set memory_limit = ${quoteLiteral(limit)}`);
  let failure: unknown;
  try {
    return await fn();
  } catch (err) {
    failure = err;
  } finally {
    await wh.run(wh.memoryLimit === null ? 'reset memory_limit' : `set memory_limit = ${quoteLiteral(wh.memoryLimit)}`);
  }
  // only a failure reaches here, and the warehouse's own limit is back
  const message = failure instanceof Error ? failure.message : String(failure);
  if (!isOutOfMemory(message)) throw failure;
  onRetry(`out of memory under ${limit} (${message.split('\n')[0]}); running again under the warehouse's own limit`);
  return fn();
}
