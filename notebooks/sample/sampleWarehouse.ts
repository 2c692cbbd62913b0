// Builds the small deterministic sample warehouse (sample_warehouse.sql) that the notebook sample build and the tests export.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { contractTablesDdl } from '../../pipelines/ingest/contractDdl.ts';
import { readSql } from '../../data/warehouse/readSql.ts';

export const SAMPLE_AS_OF = '2026-11-02';

const SAMPLE_SQL = fileURLToPath(new URL('./sample_warehouse.sql', import.meta.url));

/** Creates the contract, feature, score and simulation tables in `wh` and fills them with the sample marketplace. */
export async function buildSampleWarehouse(wh: Warehouse): Promise<void> {
  await wh.run(contractTablesDdl());
  await wh.run(readSql(new URL('../../data/warehouse/tables/score_tables.sql', import.meta.url)));
  await wh.run(readSql(new URL('../../data/warehouse/tables/sim_tables.sql', import.meta.url)));
  await wh.run(readFileSync(SAMPLE_SQL, 'utf8'));
}
