// Handler of `trustlens features`: builds the buyer and merchant feature marts as of a date and logs row counts and
// time.
import type { CommandContext } from '../cli/defineCommand.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';
import { refuseAsOfBeforeData } from '../cli/asOfBeforeData.ts';
import { buildFeatures } from './buildFeatures.ts';

export interface FeaturesOptions {
  asOf: string;
}

export async function runFeatures(options: FeaturesOptions, ctx: CommandContext): Promise<void> {
  await withWarehouse(ctx, `trustlens features --as-of ${options.asOf}`, async (wh) => {
    await refuseAsOfBeforeData(wh, options.asOf, 'features');
    const r = await buildFeatures(wh, options.asOf, { log: ctx.log });
    ctx.log.info(
      `features as of ${r.asOf}: feat_buyer ${r.buyers} rows, feat_merchant ${r.merchants} rows, ` +
        `buyer_groups ${r.linkedBuyers} accounts in ${r.groups} groups (${r.seconds.toFixed(1)} s)`,
    );
  });
}
