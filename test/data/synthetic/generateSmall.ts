// Test helper: generates a small marketplace into a fresh temp folder and opens DuckDB views over its files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { generateMarketplace, type GenerateSummary } from '../../../data/synthetic/generateMarketplace.ts';
import type { GenerateOptions, OutputFormat } from '../../../data/synthetic/generateOptions.ts';
import { FORMAT_EXTENSION, OUTPUT_TABLES } from '../../../data/synthetic/outputTables.ts';

export const SMALL = { seed: 42, buyers: 1500, merchants: 80, weeks: 26, end: '2026-11-02' } as const;

export interface Generated {
  dir: string;
  summary: GenerateSummary;
  cleanup(): void;
}

export async function generateSmall(overrides: Partial<GenerateOptions> = {}): Promise<Generated> {
  const dir = mkdtempSync(join(tmpdir(), 'trustlens-synth-test-'));
  const summary = await generateMarketplace({ ...SMALL, threads: 2, memoryLimit: '512MB', ...overrides, out: dir });
  return { dir, summary, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** An in-memory DuckDB with one view per output table (truth tables as truth_<name>). */
export async function openViews(dir: string, format: OutputFormat): Promise<{ conn: DuckDBConnection; close(): void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  for (const t of OUTPUT_TABLES) {
    const file = join(dir, `${t.file}.${FORMAT_EXTENSION[format]}`).replaceAll("'", "''");
    await conn.run(`create view ${t.name} as select * from '${file}'`);
  }
  return {
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}

/** Rows of a query as plain objects (BIGINT as number). */
export async function rows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  const reader = await conn.runAndReadAll(sql);
  return reader
    .getRowObjectsJS()
    .map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])));
}

export async function value<T = number>(conn: DuckDBConnection, sql: string): Promise<T> {
  const first = (await rows(conn, sql))[0];
  return Object.values(first ?? {})[0] as T;
}
