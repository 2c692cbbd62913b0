// Handler of `trustlens evaluate`: the quality bar against the generator's truth, on this warehouse or over generated
// seeds.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../../data/validation/errors.ts';
import type { CommandContext } from '../cli/defineCommand.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { ladderLines } from './ladderLines.ts';
import { EVAL_SIZES, evaluateSeeds, formatSeedTable, seedTargets, type EvalSize } from './multiSeed.ts';
import { policyLines } from './policyLines.ts';
import { qualityBar } from './qualityBar.ts';
import { formatQualityTable, type QualityLine } from './qualityLine.ts';
import { evaluateAbsentSources, SCENARIO_ABSENT } from './absentSourcesScenario.ts';

export interface EvaluateOptions {
  asOf?: string;
  truth?: string;
  seeds?: number[];
  sizes?: EvalSize[];
  keep?: string;
  skipPolicies: boolean;
  absentSources?: boolean;
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
  if (options.absentSources && !options.seeds)
    throw new UserError(
      'evaluate: --absent-sources generates marketplaces, so it needs --seeds LIST; on this warehouse the merchant trust lines already compare with the single-feature rules',
    );
  if (options.seeds && options.absentSources) return runAbsentSources({ ...options, seeds: options.seeds }, ctx);
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

/** Each seed × size delivered with sources absent (starter models), merchant trust against the single-feature rules. */
async function runAbsentSources(options: EvaluateOptions & { seeds: number[] }, ctx: CommandContext): Promise<void> {
  const sizes = options.sizes ?? ['12k', '20k'];
  ctx.log.info(
    `merchant trust with ${SCENARIO_ABSENT.join(', ')} absent: seeds ${options.seeds.join(', ')} at ${sizes.join(' and ')}`,
  );
  const root = options.keep ?? mkdtempSync(join(tmpdir(), 'trustlens-absent-'));
  const lines: QualityLine[] = [];
  try {
    for (const size of sizes)
      for (const seed of options.seeds) {
        const got = await evaluateAbsentSources({
          seed,
          ...EVAL_SIZES[size],
          dir: join(root, `${size}-seed${seed}`),
          config: ctx.config,
          log: ctx.log,
        });
        lines.push(...got.map((l) => ({ ...l, section: `seed ${seed} at ${size}` })));
        const margin = got.find((l) => l.key === 'trust_auc_vs_rule');
        ctx.log.info(
          `seed ${seed} at ${size}: trust ROC-AUC − best rule ${margin?.value?.toFixed(3)} (${margin?.note})`,
        );
      }
  } finally {
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(`merchant trust, ${SCENARIO_ABSENT.join(' + ')} absent\n${formatQualityTable(lines)}\n`);
  const failed = lines.filter((l) => l.pass === false);
  ctx.log.info(failed.length ? `${failed.length} check(s) failed` : 'all checks passed');
  if (options.strict && failed.length)
    throw new UserError(
      `merchant trust with sources absent: ${failed.map((l) => `${l.section}: ${l.check}`).join('; ')} failed`,
    );
}
