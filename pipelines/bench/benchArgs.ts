// Options of `npm run bench`, validated: which marketplace sizes to run and which comparison sections to include.
import { z } from 'zod';
import { UserError } from '../../data/validation/errors.ts';

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

export const BENCH_USAGE =
  'usage: npm run bench -- [--sizes 100k,1M,10M | --skip-sizes] [--forest-sizes 10k,200k] [--skip-forest] [--skip-quality] [--quality-seeds 42,97,7,1234,2027] ' +
  '[--quality-sizes 12k,20k] [--skip-decide] [--decide-warehouse FILE --decide-artifacts DIR] [--keep DIR]';

const argsSchema = z.strictObject({
  sizes: z
    .string()
    .default('100k,1M,10M')
    .transform((s, ctx) =>
      s.split(',').map((label) => {
        const size = BENCH_SIZES.find((b) => b.label === label.trim());
        if (!size)
          ctx.addIssue({
            code: 'custom',
            message: `unknown size "${label}"; use ${BENCH_SIZES.map((b) => b.label).join(', ')}`,
          });
        return size!;
      }),
    ),
  forestSizes: z
    .string()
    .regex(/^\d+[kKmM]?(,\d+[kKmM]?)*$/, 'must be sizes like 10k,200k')
    .default('10k,200k'),
  skipSizes: z.boolean().default(false),
  skipForest: z.boolean().default(false),
  skipQuality: z.boolean().default(false),
  qualitySeeds: z
    .string()
    .regex(/^-?\d+(,-?\d+)*$/, 'must be whole numbers separated by commas, e.g. 42,97')
    .default('42,97,7,1234,2027')
    .transform((s) => s.split(',').map(Number)),
  qualitySizes: z
    .string()
    .default('12k,20k')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(['12k', '20k'], { error: 'must be 12k or 20k' }))),
  skipDecide: z.boolean().default(false),
  decideWarehouse: z.string().min(1).optional(),
  decideArtifacts: z.string().min(1).optional(),
  keep: z.string().min(1).optional(),
});

export type BenchArgs = z.output<typeof argsSchema>;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--')) throw new UserError(`bench: unexpected argument "${a}"\n${BENCH_USAGE}`);
    const key = a.slice(2).replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (key === 'skipSizes' || key === 'skipForest' || key === 'skipQuality' || key === 'skipDecide') raw[key] = true;
    else raw[key] = argv[++i] ?? '';
  }
  const parsed = argsSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `--${i.path.join('.').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) || '?'}: ${i.message}`,
    );
    throw new UserError(`bench: ${problems.join('; ')}\n${BENCH_USAGE}`);
  }
  return parsed.data;
}
