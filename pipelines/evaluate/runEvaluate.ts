// Handler of `trustlens evaluate`: prints the quality bar (models and policies against the generator's truth) with pass/fail.
import { UserError } from '../../data/validation/errors.ts';
import type { CommandContext } from '../cli/defineCommand.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { ladderLines } from './ladderLines.ts';
import { policyLines } from './policyLines.ts';
import { qualityBar } from './qualityBar.ts';
import { formatQualityTable } from './qualityLine.ts';

export interface EvaluateOptions {
  asOf: string;
  truth: string;
  skipPolicies: boolean;
  strict: boolean;
}

export async function runEvaluate(options: EvaluateOptions, ctx: CommandContext): Promise<void> {
  const wh = await Warehouse.open({ path: ctx.warehouse });
  try {
    const lines = await ctx.log.step('quality bar', () => qualityBar(wh, options.asOf, options.truth, ctx.config));
    lines.push(...(await ctx.log.step('penalty ladder', () => ladderLines(wh, options.asOf, options.truth, ctx.config))));
    if (!options.skipPolicies) lines.push(...(await ctx.log.step('policy truth check', () => policyLines(wh, options.asOf, options.truth, ctx.config, ctx.log))));
    process.stdout.write(`quality bar as of ${options.asOf} against ${options.truth}\n${formatQualityTable(lines)}\n`);
    const failed = lines.filter((l) => l.pass === false);
    ctx.log.info(failed.length ? `${failed.length} check(s) failed` : 'all checks passed');
    if (options.strict && failed.length) throw new UserError(`quality bar: ${failed.map((l) => l.check).join('; ')} failed`);
  } finally {
    wh.close();
  }
}
