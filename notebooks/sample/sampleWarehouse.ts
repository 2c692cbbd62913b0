// Builds the small deterministic sample warehouse (sample_warehouse.sql) that the notebook sample build and the tests
// export.
import { CONFIG_DEFAULTS } from '../../data/config/configSchema.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { contractTablesDdl } from '../../pipelines/ingest/contractDdl.ts';
import { readSql } from '../../data/warehouse/readSql.ts';

export const SAMPLE_AS_OF = '2026-11-02';

/** Creates the contract, feature, score and simulation tables in `wh` and fills them with the sample marketplace. */
export async function buildSampleWarehouse(wh: Warehouse): Promise<void> {
  await wh.run(contractTablesDdl());
  await wh.run(readSql(new URL('../../data/warehouse/tables/score_tables.sql', import.meta.url)));
  await wh.run(readSql(new URL('../../data/warehouse/tables/sim_tables.sql', import.meta.url)));
  // The sample's tiers follow the default config thresholds, as a default run's scores would.
  const { tiers } = CONFIG_DEFAULTS;
  await wh.run(
    'create or replace temp table sample_tiers as select $buyer_high::double as buyer_high, $buyer_elevated::double as buyer_elevated, ' +
      '$merchant_top_rated::double as merchant_top_rated, $merchant_standard::double as merchant_standard, $merchant_watch::double as merchant_watch',
    {
      buyer_high: tiers.buyerHigh,
      buyer_elevated: tiers.buyerElevated,
      merchant_top_rated: tiers.merchantTopRated,
      merchant_standard: tiers.merchantStandard,
      merchant_watch: tiers.merchantWatch,
    },
  );
  await wh.run(readSql(new URL('./sample_warehouse.sql', import.meta.url)));
}
