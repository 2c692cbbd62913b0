// Handler of `trustlens evaluate`: the quality bar against the generator's truth, on this warehouse or over generated seeds.
import { UserError } from '../../data/validation/errors.ts';
import type { CommandContext } from '../cli/defineCommand.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { ladderLines } from './ladderLines.ts';
import { evaluateSeeds, formatSeedTable, seedTargets, type EvalSize } from './multiSeed.ts';
import { policyLines } from './policyLines.ts';
import { qualityBar } from './qualityBar.ts';
import { formatQualityTable } from './qualityLine.ts';

export interface EvaluateOptions {
  asOf?: string;
  truth?: string;
  seeds?: number[];
  sizes?: EvalSize[];
  keep?: string;
  skipPolicies: boolean;
  strict: boolean;
}

export async function runEvaluate(options: EvaluateOptions, ctx: CommandContext): Promise<void> {
  const single = options.asOf !== undefined || options.truth !== undefined;
  if (
    single === (options.seeds !== undefined) ||
    (single && (options.asOf === undefined || options.truth === undefined))
  ) {
    throw new UserError(
      'evaluate: give --as-of DATE and --truth DIR (this warehouse), or --seeds LIST (generated marketplaces), not both',
    );
  }
  if (options.seeds) return runSeeds({ ...options, seeds: options.seeds }, ctx);
  const asOf = options.asOf!;
  const truth = options.truth!;
  const wh = await Warehouse.open({ path: ctx.warehouse });
  try {
    const lines = await ctx.log.step('quality bar', () => qualityBar(wh, asOf, truth, ctx.config));
    lines.push(...(await ctx.log.step('penalty ladder', () => ladderLines(wh, asOf, truth, ctx.config))));
    if (!options.skipPolicies)
      lines.push(
        ...(await ctx.log.step('policy truth check', () => policyLines(wh, asOf, truth, ctx.config, ctx.log))),
      );
    process.stdout.write(`quality bar as of ${asOf} against ${truth}\n${formatQualityTable(lines)}\n`);
    const failed = lines.filter((l) => l.pass === false);
    ctx.log.info(failed.length ? `${failed.length} check(s) failed` : 'all checks passed');
    if (options.strict && failed.length)
      throw new UserError(`quality bar: ${failed.map((l) => l.check).join('; ')} failed`);
  } finally {
    wh.close();
  }
}

async function runSeeds(options: EvaluateOptions & { seeds: number[] }, ctx: CommandContext): Promise<void> {
  const sizes = options.sizes ?? ['12k', '20k'];
  ctx.log.info(
    `quality bar over seeds ${options.seeds.join(', ')} at ${sizes.join(' and ')} (${options.seeds.length * sizes.length} marketplaces)`,
  );
  const results = await evaluateSeeds(
    {
      seeds: options.seeds,
      sizes,
      keep: options.keep,
      skipPolicies: options.skipPolicies,
      config: ctx.config,
      log: ctx.log,
    },
    (r) =>
      ctx.log.info(
        `seed ${r.seed} at ${r.size}: precision@capacity ${r.precisionAtK?.toFixed(3)}, trust ROC-AUC ${r.trustAuc?.toFixed(3)} (${r.minutes.toFixed(1)} min)`,
      ),
  );
  process.stdout.write(`${formatSeedTable(results)}\n`);
  const failed = seedTargets(results).filter((t) => t.pass === false);
  ctx.log.info(failed.length ? `${failed.length} target(s) missed` : 'every target met');
  if (options.strict && failed.length)
    throw new UserError(`quality bar over seeds: ${failed.map((t) => t.target).join('; ')} missed`);
}
