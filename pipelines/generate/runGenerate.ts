// Handler of `trustlens generate`: fills options from config, generates the marketplace into a folder and reports what
// it wrote.
import { generateMarketplace, type GenerateSummary } from '../../data/synthetic/generateMarketplace.ts';
import type { OutputFormat } from '../../data/synthetic/generateOptions.ts';
import { WORK_STEPS } from '../../data/synthetic/workSteps.ts';
import type { CommandContext } from '../cli/defineCommand.ts';

export interface GenerateCommandOptions {
  out: string;
  seed?: number;
  buyers?: number;
  merchants?: number;
  weeks?: number;
  end?: string;
  format: OutputFormat;
}

/** `print` receives the summary line (stdout by default; tests pass their own). */
export async function runGenerate(
  options: GenerateCommandOptions,
  ctx: CommandContext,
  print: (line: string) => void = (line) => void process.stdout.write(line + '\n'),
): Promise<void> {
  const defaults = ctx.config.generate;
  const settings = {
    seed: options.seed ?? defaults.seed,
    buyers: options.buyers ?? defaults.buyers,
    merchants: options.merchants ?? defaults.merchants,
    weeks: options.weeks ?? defaults.weeks,
    end: options.end ?? defaults.end,
    format: options.format,
  };
  ctx.log.info(
    `generating ${settings.buyers.toLocaleString('en')} buyers, ${settings.merchants.toLocaleString('en')} merchants, ` +
      `${settings.weeks} weeks before ${settings.end} (seed ${settings.seed}) into ${options.out}`,
  );
  let built = 0;
  const summary = await generateMarketplace({
    ...settings,
    out: options.out,
    onProgress: (p) => {
      const line = `${p.table}: ${p.rows.toLocaleString('en')} rows (${p.seconds.toFixed(1)} s)`;
      if (p.phase === 'build') {
        ctx.log.detail(`built ${line}`);
        ctx.log.progress('generate', ++built, WORK_STEPS.filter((s) => s.table).length);
      } else ctx.log.info(`  wrote ${line}${p.file ? ` → ${p.file}` : ''}`);
    },
  });
  print(summaryLine(summary, options.out));
}

/** One line: rows per table and where they went. */
export function summaryLine(summary: GenerateSummary, out: string): string {
  const counts = Object.entries(summary.rows)
    .map(([table, n]) => `${table} ${n.toLocaleString('en')}`)
    .join(', ');
  return `generated ${counts} → ${out} (${summary.format}, ${summary.seconds.toFixed(1)} s)`;
}
