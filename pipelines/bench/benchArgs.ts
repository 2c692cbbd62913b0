// Options of `npm run bench`, parsed with commander: which marketplace sizes to run and which comparison sections to include.
import { Command, InvalidArgumentError, Option } from 'commander';

export interface BenchSize {
  label: string;
  buyers: number;
  merchants: number;
}

/** About 10 orders per buyer over the default 52 weeks: 100k, 1M and 10M orders. */
export const BENCH_SIZES: readonly BenchSize[] = [
  { label: '100k', buyers: 10_000, merchants: 500 },
  { label: '1M', buyers: 100_000, merchants: 5_000 },
  { label: '10M', buyers: 1_000_000, merchants: 50_000 },
];

export interface BenchArgs {
  sizes: BenchSize[];
  /** Row counts handed to `npm run bench:forest -- --sizes`. */
  forestSizes: string;
  skipForest: boolean;
  skipQuality: boolean;
  /** Work folder to keep; absent: a temp folder, removed at the end. */
  keep?: string;
}

const labels = BENCH_SIZES.map((b) => b.label).join(', ');

function parseSizes(list: string): BenchSize[] {
  return list.split(',').map((label) => {
    const size = BENCH_SIZES.find((b) => b.label === label.trim());
    if (!size) throw new InvalidArgumentError(`unknown size "${label}"; use ${labels}`);
    return size;
  });
}

function parseForestSizes(list: string): string {
  if (!/^\d+[kKmM]?(,\d+[kKmM]?)*$/.test(list)) throw new InvalidArgumentError('must be sizes like 10k,200k');
  return list;
}

function parseKeep(dir: string): string {
  if (dir === '') throw new InvalidArgumentError('must be a folder path');
  return dir;
}

/** Parses the bench's arguments (without node and the script); unknown options and stray arguments exit with the usage. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const program = new Command()
    .name('npm run bench --')
    .description(
      'Generates the synthetic marketplace at each size and times every stage of a first and a weekly run, then compares ingest, the forest engine and the quality bar.',
    )
    .addOption(
      new Option('--sizes <list>', `comma-separated marketplace sizes (${labels})`)
        .argParser(parseSizes)
        .default(parseSizes('100k,1M,10M'), '100k,1M,10M'),
    )
    .addOption(
      new Option('--forest-sizes <list>', 'row counts for the forest engine comparison, like 10k,200k')
        .argParser(parseForestSizes)
        .default('10k,200k'),
    )
    .option('--skip-forest', 'skip the forest engine comparison')
    .option('--skip-quality', 'skip the quality bar on the default marketplace')
    .addOption(
      new Option('--keep <dir>', 'work in this folder and keep it (data, warehouses, reports)').argParser(parseKeep),
    )
    .parse([...argv], { from: 'user' });
  const o = program.opts<{
    sizes: BenchSize[];
    forestSizes: string;
    skipForest?: true;
    skipQuality?: true;
    keep?: string;
  }>();
  return {
    sizes: o.sizes,
    forestSizes: o.forestSizes,
    skipForest: o.skipForest ?? false,
    skipQuality: o.skipQuality ?? false,
    keep: o.keep,
  };
}
