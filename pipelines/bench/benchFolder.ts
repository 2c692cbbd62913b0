// The config file of one bench folder: warehouse, data, artifacts and reports inside it, so sizes never share state.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes `<dir>/config.json` pointing every path into `dir` (input files in `dataDir`) and returns its path. */
export function writeBenchConfig(dir: string, dataDir: string): { config: string; warehouse: string } {
  mkdirSync(dir, { recursive: true });
  const warehouse = join(dir, 'warehouse.duckdb');
  const config = join(dir, 'config.json');
  const settings = { warehouse, dataDir, artifactsDir: join(dir, 'artifacts'), reportsDir: join(dir, 'reports') };
  writeFileSync(config, JSON.stringify(settings));
  return { config, warehouse };
}
