// Loads the generator's ground truth (truth/buyers, truth/merchants) into temp tables for the quality bar.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../data/validation/errors.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';

const READERS = {
  parquet: 'read_parquet',
  csv: 'read_csv_auto',
  ndjson: 'read_json_auto',
  json: 'read_json_auto',
} as const;

export function findTruthFile(dir: string, table: string): { path: string; reader: string } {
  const base = existsSync(join(dir, 'truth')) ? join(dir, 'truth') : dir;
  for (const [ext, reader] of Object.entries(READERS)) {
    const path = join(base, `${table}.${ext}`);
    if (existsSync(path)) return { path, reader };
  }
  throw new UserError(
    `${base}: no ${table}.parquet, .csv or .ndjson truth file; pass the folder \`trustlens generate\` wrote (or its truth/ folder)`,
  );
}

/**
 * Creates temp tables eval_truth_buyers (buyer_id, archetype, is_abuser) and eval_truth_merchants (merchant_id,
 * archetype, is_problem).
 */
export async function loadTruth(wh: Warehouse, dir: string): Promise<void> {
  const buyers = findTruthFile(dir, 'buyers');
  const merchants = findTruthFile(dir, 'merchants');
  // The reader is one of the constants above; the path is bound.
  await wh.run(
    `create or replace temp table eval_truth_buyers as select cast(buyer_id as varchar) as buyer_id, cast(archetype as varchar) as archetype, ` +
      `cast(is_abuser as boolean) as is_abuser from ${buyers.reader}($path)`,
    { path: buyers.path },
  );
  await wh.run(
    `create or replace temp table eval_truth_merchants as select cast(merchant_id as varchar) as merchant_id, cast(archetype as varchar) as archetype, ` +
      `cast(is_problem as boolean) as is_problem from ${merchants.reader}($path)`,
    { path: merchants.path },
  );
}
