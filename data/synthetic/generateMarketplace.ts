// Generates the seeded synthetic marketplace inside DuckDB (set-based SQL) and writes it as files and/or tables in a
// connection.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { timed } from '../log/timed.ts';
import { parseOrThrow } from '../validation/parseOrThrow.ts';
import { quoteIdent, quoteLiteral } from '../warehouse/quoteIdent.ts';
import { archetypesJson } from './archetypes.ts';
import {
  generateOptionsSchema,
  type GenerateOptions,
  type OutputFormat,
  type ResolvedGenerateOptions,
} from './generateOptions.ts';
import { COPY_OPTIONS, FORMAT_EXTENSION, OUTPUT_TABLES, type OutputTableName } from './outputTables.ts';
import { readSql } from '../warehouse/readSql.ts';
import { WORK_STEPS, type WorkStep } from './workSteps.ts';

export interface GenerateSummary {
  seed: number;
  buyers: number;
  merchants: number;
  weeks: number;
  /** First instant of the history (UTC, ISO). */
  start: string;
  /** History ends just before this instant; nothing is on or after it. */
  end: string;
  format: OutputFormat;
  rows: Record<OutputTableName, number>;
  /** File per output table when written to a folder. */
  files: Partial<Record<OutputTableName, string>>;
  seconds: number;
}

const DAY_S = 86_400;

export async function generateMarketplace(options: GenerateOptions): Promise<GenerateSummary> {
  const { connection, onProgress, ...rest } = options;
  const opts = parseOrThrow(generateOptionsSchema, rest, 'generate options');
  if (!connection && !opts.out) throw new Error('generateMarketplace needs an output folder (out) or a connection');
  const t0 = performance.now();
  const endS = Date.parse(`${opts.end}T00:00:00Z`) / 1000;
  const startS = endS - opts.weeks * 7 * DAY_S;

  const own = connection ? undefined : await openScratch(opts);
  const conn = connection ?? own!.conn;
  const previousSchema = connection ? await scalar<string>(conn, 'select current_schema()') : undefined;
  try {
    if (connection) {
      await conn.run(`create schema if not exists ${quoteIdent(opts.schema)}`);
      await conn.run(`set schema = ${quoteLiteral(opts.schema)}`);
    }
    const runParams = {
      seed: opts.seed,
      n_buyers: opts.buyers,
      n_merchants: opts.merchants,
      start_s: startS,
      end_s: endS,
    };
    for (const step of WORK_STEPS) {
      const built = await timed(async () => {
        await conn.run(readSql(new URL(`./sql/${step.sql}.sql`, import.meta.url)), paramsFor(step, runParams));
        return step.table ? Number(await scalar<bigint>(conn, `select count(*) from ${quoteIdent(step.table)}`)) : null;
      });
      if (step.table && built.value !== null)
        onProgress?.({ phase: 'build', table: step.table, rows: built.value, seconds: built.seconds });
    }
    const rows = {} as Record<OutputTableName, number>;
    const files: Partial<Record<OutputTableName, string>> = {};
    if (opts.out) removeStaleFiles(opts.out);
    for (const table of OUTPUT_TABLES) {
      const { value: file, seconds } = await timed(async () => {
        const query = readSql(new URL(`./sql/${table.sql}.sql`, import.meta.url));
        let source = `(${query}\n)`;
        if (connection) {
          rows[table.name] = await countOf(conn, `create or replace table ${quoteIdent(table.name)} as ${query}`);
          source = `(select * from ${quoteIdent(table.name)})`;
        }
        if (!opts.out) return undefined;
        const path = join(opts.out, `${table.file}.${FORMAT_EXTENSION[opts.format]}`);
        mkdirSync(dirname(path), { recursive: true });
        rows[table.name] = await countOf(
          conn,
          `copy ${source} to ${quoteLiteral(path)} (${COPY_OPTIONS[opts.format]})`,
        );
        files[table.name] = path;
        return path;
      });
      onProgress?.({ phase: 'write', table: table.name, rows: rows[table.name], seconds, ...(file ? { file } : {}) });
    }
    return {
      seed: opts.seed,
      buyers: opts.buyers,
      merchants: opts.merchants,
      weeks: opts.weeks,
      start: new Date(startS * 1000).toISOString(),
      end: new Date(endS * 1000).toISOString(),
      format: opts.format,
      rows,
      files,
      seconds: (performance.now() - t0) / 1000,
    };
  } finally {
    if (connection) {
      for (const step of WORK_STEPS) if (step.table) await conn.run(`drop table if exists ${quoteIdent(step.table)}`);
      await conn.run(`set schema = ${quoteLiteral(previousSchema ?? 'main')}`);
    }
    own?.close();
  }
}

interface Scratch {
  conn: DuckDBConnection;
  close(): void;
}

/**
 * A private in-memory DuckDB with a memory cap and a temp folder to spill to, so large sizes stay within bounded
 * memory.
 */
async function openScratch(opts: ResolvedGenerateOptions): Promise<Scratch> {
  const tempRoot = opts.tempDirectory ?? mkdtempSync(join(tmpdir(), 'trustlens-generate-'));
  const config: Record<string, string> = {
    memory_limit: opts.memoryLimit,
    temp_directory: tempRoot,
    preserve_insertion_order: 'true',
  };
  if (opts.threads) config.threads = String(opts.threads);
  const instance = await DuckDBInstance.create(':memory:', config);
  const conn = await instance.connect();
  return {
    conn,
    close() {
      conn.closeSync();
      instance.closeSync();
      if (!opts.tempDirectory) rmSync(tempRoot, { recursive: true, force: true });
    },
  };
}

function paramsFor(step: WorkStep, runParams: Record<string, DuckDBValue>): Record<string, DuckDBValue> | undefined {
  if (step.params === 'run') return runParams;
  if (step.params === 'archetypes') return { archetypes: archetypesJson() };
  return undefined;
}

/**
 * Removes earlier outputs in any format, so a folder never mixes a fresh parquet with a stale csv of the same table.
 */
function removeStaleFiles(out: string): void {
  for (const table of OUTPUT_TABLES) {
    for (const ext of Object.values(FORMAT_EXTENSION)) rmSync(join(out, `${table.file}.${ext}`), { force: true });
  }
}

async function scalar<T>(conn: DuckDBConnection, sql: string): Promise<T> {
  const reader = await conn.runAndReadAll(sql);
  return reader.getRows()[0]?.[0] as T;
}

/** Rows affected by COPY or CREATE TABLE AS (DuckDB returns them as a single Count value). */
async function countOf(conn: DuckDBConnection, sql: string): Promise<number> {
  return Number(await scalar<bigint>(conn, sql));
}
