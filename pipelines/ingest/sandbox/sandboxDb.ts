// The mapping sandbox's DuckDB: in memory, no warehouse attached, files readable only under --from (plus the files the
// mapping's globs matched and the sandbox's own output folder), its settings locked, every file it opens logged.
import { resolve } from 'node:path';
import { quoteLiteral } from '../../../data/warehouse/quoteIdent.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

const sql = (name: string, slots?: Record<string, string>) =>
  readSql(new URL(`./sql/${name}.sql`, import.meta.url), slots);

const list = (items: readonly string[]) => `[${items.map(quoteLiteral).join(', ')}]`;

/**
 * Opens the sandbox database. One thread, so a query's rows come in the same order every run (row numbers and "first
 * loaded" depend on it). Must run in a process whose working directory is `from`: DuckDB checks a relative path as
 * given.
 */
export async function openSandboxDb(from: string, outDir: string, files: readonly string[]): Promise<Warehouse> {
  const wh = await Warehouse.open({ path: ':memory:', threads: 1 });
  await wh.run(sql('create_quarantine'));
  await wh.run(sql('set_allowed_directories', { dirs: list([`${resolve(from)}/`, `${resolve(outDir)}/`]) }));
  if (files.length) await wh.run(sql('set_allowed_paths', { paths: list(files) }));
  await wh.run(sql('enable_file_logging'));
  await wh.run(sql('lock_down'));
  return wh;
}

/** The files DuckDB opened since the last call (absolute), and the log cleared. */
export async function filesOpened(wh: Warehouse, from: string): Promise<string[]> {
  const rows = await wh.all<{ path: string }>(sql('files_opened'));
  await wh.run(sql('clear_file_log'));
  return [...new Set(rows.map((r) => resolve(from, r.path)))].sort();
}
