// Handler of `trustlens train`: trains one model or all of them as of a date and writes their artifacts.
import type { ModelName } from '../../models/artifactSchema.ts';
import type { CommandContext } from '../cli/defineCommand.ts';
import { withWarehouse } from '../cli/withWarehouse.ts';
import { trainModels } from './trainModels.ts';

export interface TrainCommandOptions {
  asOf: string;
  model?: ModelName;
  rebuildFeatures: boolean;
}

export async function runTrain(options: TrainCommandOptions, ctx: CommandContext): Promise<void> {
  const trained = await withWarehouse(ctx, `trustlens train --as-of ${options.asOf}`, (wh) =>
    trainModels(wh, options.asOf, ctx.config, ctx.log, {
      models: options.model ? [options.model] : undefined,
      rebuildFeatures: options.rebuildFeatures,
    }),
  );
  for (const t of trained) ctx.log.info(`wrote ${t.path}`);
}
