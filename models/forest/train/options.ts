// Forest options: defaults, zod validation collecting every error, and resolution against the data shape.
import { availableParallelism } from 'node:os';
import { z } from 'zod';
import { FOREST_LIMITS } from '../../../data/config/limits.ts';
import type { ForestParams } from '../serialize.ts';

/**
 * Defaults, chosen on the bench task (30 features, ~5 % positives): good AUC while keeping trees shallow enough to
 * predict fast.
 */
export const FOREST_DEFAULTS = {
  nTrees: 100,
  maxDepth: 14,
  minSamplesLeaf: 5,
  maxFeatures: 'sqrt',
  maxBins: 255,
  classWeight: null,
  sampleFraction: 1,
  seed: 42,
  oob: true,
} as const;

const int = (min: number, max: number, why: string) =>
  z
    .number({ error: `must be a number (${why})` })
    .int({ error: `must be an integer from ${min} to ${max} (${why})` })
    .min(min, { error: `must be an integer from ${min} to ${max} (${why})` })
    .max(max, { error: `must be an integer from ${min} to ${max} (${why})` });

/** A bound of FOREST_LIMITS, which the config checks too (training.nTrees, training.threads, training.seed). */
const limited = (l: { min: number; max: number; why: string }) => int(l.min, l.max, l.why);

const maxFeaturesSchema = z.union([z.enum(['sqrt', 'log2', 'all']), z.number().gt(0).lt(1), z.number().int().min(1)], {
  error: "must be 'sqrt', 'log2', 'all', a fraction in (0, 1) or an integer count ≥ 1",
});

const classWeightSchema = z.union(
  [z.literal('balanced'), z.null(), z.tuple([z.number().positive(), z.number().positive()])],
  { error: "must be 'balanced', null, or [weightOf0, weightOf1] with both weights > 0" },
);

export const forestOptionsSchema = z
  .object({
    nTrees: limited(FOREST_LIMITS.nTrees).optional(),
    maxDepth: int(1, 60, 'root has depth 0').optional(),
    minSamplesLeaf: int(1, 1e9, 'distinct in-bag rows per leaf').optional(),
    maxFeatures: maxFeaturesSchema.optional(),
    maxBins: int(2, 255, 'codes are Uint8 and code 255 is reserved for missing').optional(),
    classWeight: classWeightSchema.optional(),
    sampleFraction: z.number().gt(0, { error: 'must be in (0, 1]' }).max(1, { error: 'must be in (0, 1]' }).optional(),
    seed: limited(FOREST_LIMITS.seed).optional(),
    threads: limited(FOREST_LIMITS.threads).optional(),
    oob: z.boolean({ error: 'must be true or false' }).optional(),
    featureNames: z.array(z.string()).optional(),
  })
  .strict();

/** What callers may pass to trainForest; every key optional. */
export type ForestOptions = z.input<typeof forestOptionsSchema>;

/** Options after defaults and data-dependent resolution (maxFeatures as a count, class weights as numbers). */
export interface ResolvedForestOptions extends ForestParams {
  threads: number;
  oob: boolean;
  featureNames: string[];
}

/** Thrown with every problem listed, each naming the key, the value received, the rule and the fix. */
export class ForestOptionsError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `Invalid forest options (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
    this.name = 'ForestOptionsError';
  }
}

export function parseForestOptions(input: unknown): ForestOptions {
  const result = forestOptionsSchema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const key = issue.path.join('.') || '(options)';
    if (issue.code === 'unrecognized_keys') {
      return `unknown option(s) ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; allowed: ${Object.keys(forestOptionsSchema.shape).join(', ')}`;
    }
    const received = valueAt(input, issue.path);
    return `${key}: received ${describe(received)}; ${issue.message}`;
  });
  throw new ForestOptionsError(problems);
}

/** Applies defaults and data shape; labels are needed for 'balanced' class weights. */
export function resolveForestOptions(
  input: ForestOptions | undefined,
  nFeatures: number,
  labels: Uint8Array,
  names: string[] | undefined,
): ResolvedForestOptions {
  const o = parseForestOptions(input);
  const problems: string[] = [];
  const nTrees = o.nTrees ?? FOREST_DEFAULTS.nTrees;
  const mf = o.maxFeatures ?? FOREST_DEFAULTS.maxFeatures;
  let maxFeatures: number;
  if (mf === 'sqrt') maxFeatures = Math.max(1, Math.floor(Math.sqrt(nFeatures)));
  else if (mf === 'log2') maxFeatures = Math.max(1, Math.floor(Math.log2(nFeatures)));
  else if (mf === 'all') maxFeatures = nFeatures;
  else if (mf < 1) maxFeatures = Math.max(1, Math.floor(mf * nFeatures));
  else {
    maxFeatures = mf;
    if (mf > nFeatures)
      problems.push(
        `maxFeatures: received ${mf}; must not exceed the ${nFeatures} features given. Fix: pass at most ${nFeatures} or a fraction.`,
      );
  }
  let classWeight: [number, number] = [1, 1];
  const cw = o.classWeight ?? FOREST_DEFAULTS.classWeight;
  if (cw === 'balanced') {
    let pos = 0;
    for (let i = 0; i < labels.length; i++) pos += labels[i]!;
    const neg = labels.length - pos;
    if (pos === 0 || neg === 0)
      problems.push(
        `classWeight: received 'balanced' but labels hold only class ${pos === 0 ? 0 : 1}. Fix: train on both classes.`,
      );
    else classWeight = [labels.length / (2 * neg), labels.length / (2 * pos)];
  } else if (cw !== null) classWeight = [cw[0], cw[1]];
  const featureNames = o.featureNames ?? names ?? Array.from({ length: nFeatures }, (_, i) => `f${i}`);
  if (featureNames.length !== nFeatures) {
    problems.push(`featureNames: received ${featureNames.length} names; must name each of the ${nFeatures} columns.`);
  }
  if (problems.length > 0) throw new ForestOptionsError(problems);
  return {
    nTrees,
    maxDepth: o.maxDepth ?? FOREST_DEFAULTS.maxDepth,
    minSamplesLeaf: o.minSamplesLeaf ?? FOREST_DEFAULTS.minSamplesLeaf,
    maxFeatures,
    maxBins: o.maxBins ?? FOREST_DEFAULTS.maxBins,
    classWeight,
    sampleFraction: o.sampleFraction ?? FOREST_DEFAULTS.sampleFraction,
    seed: o.seed ?? FOREST_DEFAULTS.seed,
    threads: Math.min(o.threads ?? availableParallelism(), nTrees),
    oob: o.oob ?? FOREST_DEFAULTS.oob,
    featureNames,
  };
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v === undefined) return 'undefined';
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}
