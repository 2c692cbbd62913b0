// Options of `npm run bench`, parsed with commander: which marketplace sizes to run and which comparison sections to
// include.
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
  /** Skip `npm start` on a fresh folder (the default marketplace generated and run). */
  skipStart: boolean;
  /** Skip the per-size stage timings (e.g. to run only the quality or decide/serve section). */
  skipSizes: boolean;
  /** Skip ingest against a plain DuckDB load at each size. */
  skipIngest: boolean;
  skipForest: boolean;
  skipQuality: boolean;
  /** Generator seeds and sizes of the quality section (issue 17: at least five seeds, two sizes). */
  qualitySeeds: number[];
  qualitySizes: QualitySize[];
  skipDecide: boolean;
  /** Warehouse and artifacts the decide/serve section runs over; absent: the quality section's default marketplace. */
  decideWarehouse?: string;
  decideArtifacts?: string;
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

function parsePath(dir: string): string {
  if (dir === '') throw new InvalidArgumentError('must be a path');
  return dir;
}

function parseSeeds(list: string): number[] {
  if (!/^-?\d+(,-?\d+)*$/.test(list))
    throw new InvalidArgumentError('must be whole numbers separated by commas, like 42,97');
  return list.split(',').map(Number);
}

const QUALITY_SIZES = ['12k', '20k'] as const;
export type QualitySize = (typeof QUALITY_SIZES)[number];

function parseQualitySizes(list: string): QualitySize[] {
  return list.split(',').map((s) => {
    const size = QUALITY_SIZES.find((q) => q === s.trim());
    if (!size) throw new InvalidArgumentError(`unknown size "${s}"; use ${QUALITY_SIZES.join(', ')}`);
    return size;
  });
}

/**
 * Parses the bench's arguments (without node and the script); unknown options and stray arguments exit with the usage.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const program = new Command()
    .name('npm run bench --')
    .description(
      'Times `npm start` on a fresh folder, generates the synthetic marketplace at each size and times every stage of a first and a weekly run against the targets of issue 19 (PASS/MISS), then compares ingest and the forest engine, runs the quality bar over generator seeds and sizes, and benches decide (batch) and serve (1,000 requests/s).',
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
    .option('--skip-start', 'skip `npm start` on a fresh folder (default marketplace, generation included)')
    .option('--skip-sizes', 'skip the stage timings at each size')
    .option('--skip-ingest', 'skip ingest against a plain DuckDB load at each size')
    .option('--skip-forest', 'skip the forest engine comparison')
    .option('--skip-quality', 'skip the quality bar over generator seeds and sizes')
    .addOption(
      new Option('--quality-seeds <list>', 'generator seeds of the quality bar, like 42,97')
        .argParser(parseSeeds)
        .default(parseSeeds('42,97,7,1234,2027'), '42,97,7,1234,2027'),
    )
    .addOption(
      new Option('--quality-sizes <list>', `marketplace sizes of the quality bar (${QUALITY_SIZES.join(', ')})`)
        .argParser(parseQualitySizes)
        .default(parseQualitySizes('12k,20k'), '12k,20k'),
    )
    .option('--skip-decide', 'skip the decide (batch) and serve (1,000 requests/s) section')
    .addOption(
      new Option('--decide-warehouse <file>', 'warehouse the decide/serve section runs over').argParser(parsePath),
    )
    .addOption(new Option('--decide-artifacts <dir>', 'model artifacts of that warehouse').argParser(parsePath))
    .addOption(
      new Option('--keep <dir>', 'work in this folder and keep it (data, warehouses, reports)').argParser(parsePath),
    )
    .parse([...argv], { from: 'user' });
  const o = program.opts<{
    sizes: BenchSize[];
    forestSizes: string;
    skipStart?: true;
    skipSizes?: true;
    skipIngest?: true;
    skipForest?: true;
    skipQuality?: true;
    qualitySeeds: number[];
    qualitySizes: QualitySize[];
    skipDecide?: true;
    decideWarehouse?: string;
    decideArtifacts?: string;
    keep?: string;
  }>();
  return {
    sizes: o.sizes,
    forestSizes: o.forestSizes,
    skipStart: o.skipStart ?? false,
    skipSizes: o.skipSizes ?? false,
    skipIngest: o.skipIngest ?? false,
    skipForest: o.skipForest ?? false,
    skipQuality: o.skipQuality ?? false,
    qualitySeeds: o.qualitySeeds,
    qualitySizes: o.qualitySizes,
    skipDecide: o.skipDecide ?? false,
    decideWarehouse: o.decideWarehouse,
    decideArtifacts: o.decideArtifacts,
    keep: o.keep,
  };
}
