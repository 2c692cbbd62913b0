// The trustlens.config.json schema: every setting, its default and its meaning, in one place.
import { z } from 'zod';
import { governSchema } from './governSchema.ts';
import { FOREST_LIMITS, MAX_BOOTSTRAP } from './limits.ts';

const positiveInt = (what: string) =>
  z.number().int(`${what} must be a whole number`).positive(`${what} must be at least 1`);
/**
 * A whole number from min to max; `why` says whose limit the maximum is. Out of range says only that (1e300 is past
 * the safe integers too, and "must be a whole number" beside it read wrong).
 */
const boundedInt = (what: string, min: number, max: number, why: string) =>
  z
    .number()
    .min(min, { error: `${what} must be at least ${min.toLocaleString('en')}`, abort: true })
    .max(max, { error: `${what} must be at most ${max.toLocaleString('en')} (${why})`, abort: true })
    .int(`${what} must be a whole number`);
const probability = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');

/**
 * A refinement's `when`: run it when these keys of the object parsed as numbers, whatever else failed (zod skips a
 * refinement after any problem otherwise, and the tier order then showed only on the next run).
 */
function numbersAt(...keys: string[]): (payload: { value: unknown }) => boolean {
  return ({ value }) =>
    typeof value === 'object' &&
    value !== null &&
    keys.every((k) => Number.isFinite((value as Record<string, unknown>)[k]));
}

export const configSchema = z
  .strictObject({
    warehouse: z
      .string()
      .min(1)
      .default('data/warehouse.duckdb')
      .describe('DuckDB warehouse file every stage reads and writes.'),
    memoryLimit: z
      .string()
      .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/, 'must be a size like 4GB or 512MB')
      .default('2.5GB')
      .describe(
        "DuckDB's memory limit for the warehouse; larger sorts and joins spill to disk beside the warehouse. 2.5GB keeps a 10M-order weekly run near 3.1 GB of RAM, no slower than under 3GB, which took it to 3.4–4.0 GB (the same week rerun: 3,123 MiB in 103.9 s under 2.5GB, 4,001 MiB in 106.9 s under 3GB); more makes large builds spill less. The export writes under 1GB, or under this when lower.",
      ),
    dataDir: z
      .string()
      .min(1)
      .default('data/generated/default')
      .describe('Folder `npm start` generates the synthetic marketplace into and ingests from.'),
    reportsDir: z.string().min(1).default('reports/out').describe('Reports are written to <reportsDir>/<as-of date>/.'),
    artifactsDir: z
      .string()
      .min(1)
      .default('models/artifacts')
      .describe('Model artifacts are written to <artifactsDir>/<model>/<date>.json.'),
    models: z
      .strictObject({
        useStarter: z
          .enum(['auto', 'never'])
          .default('auto')
          .describe(
            "auto: while no model could be trained on this marketplace's own labels, score with the shipped starter models (trained on the synthetic marketplace; every report page says so); never: fail instead.",
          ),
        starterDir: z
          .string()
          .min(1)
          .optional()
          .describe(
            'Folder of starter models: <starterDir>/<model>/artifact.json with its MODEL_CARD.md. Default: the ones shipped in the trustlens package (models/starter, rebuilt by `npm run starter-models`), wherever trustlens runs from.',
          ),
        abuseRisk: z
          .string()
          .min(1)
          .optional()
          .describe(
            'An abuse-risk artifact file trained elsewhere (a <date>.json `trustlens train` wrote): scores with it, and `run` does not train abuse-risk. Default: none.',
          ),
        merchantTrust: z
          .string()
          .min(1)
          .optional()
          .describe('A merchant-trust artifact file trained elsewhere, used the same way. Default: none.'),
      })
      .prefault({}),
    generate: z
      .strictObject({
        seed: z.number().int().default(42).describe('Seed of the synthetic marketplace.'),
        buyers: positiveInt('generate.buyers').default(20_000).describe('Buyers in the default marketplace.'),
        merchants: positiveInt('generate.merchants').default(1_000).describe('Merchants in the default marketplace.'),
        weeks: positiveInt('generate.weeks').default(52).describe('Weeks of history.'),
        end: z.iso
          .date('generate.end must be a date like 2026-11-02')
          .default('2026-11-02')
          .describe('History ends just before this date (a Monday); the default weekly run is as of it.'),
      })
      .prefault({}),
    labels: z
      .strictObject({
        abuseLabelDelayDays: z
          .number()
          .int()
          .min(0)
          .default(28)
          .describe(
            'Days an investigation typically takes to close; abuse labels count only once closed before the as-of date, and training snapshots younger than this are not used as labelled rows.',
          ),
        merchantHorizonDays: positiveInt('labels.merchantHorizonDays')
          .default(90)
          .describe('A merchant is a positive if a serious action follows within this many days of the snapshot.'),
      })
      .prefault({}),
    training: z
      .strictObject({
        retrainIntervalDays: positiveInt('training.retrainIntervalDays')
          .default(28)
          .describe('`run` retrains when the newest model is this many days old or older.'),
        snapshotWeeks: positiveInt('training.snapshotWeeks')
          .default(16)
          .describe('Weekly feature snapshots used for training and validation.'),
        validationWeeks: positiveInt('training.validationWeeks')
          .default(4)
          .describe('Most recent matured snapshots held out for out-of-time validation and calibration.'),
        // seed, nTrees and threads go to the forest as they are: the forest's own bounds, checked here up front
        seed: boundedInt('training.seed', FOREST_LIMITS.seed.min, FOREST_LIMITS.seed.max, "the forest's seed is 32-bit")
          .default(7)
          .describe(`Seed of the forests (0 to ${FOREST_LIMITS.seed.max.toLocaleString('en')}).`),
        nTrees: boundedInt(
          'training.nTrees',
          FOREST_LIMITS.nTrees.min,
          FOREST_LIMITS.nTrees.max,
          'the most trees the forest grows',
        )
          .default(100)
          .describe(`Trees per forest (at most ${FOREST_LIMITS.nTrees.max.toLocaleString('en')}).`),
        threads: boundedInt(
          'training.threads',
          FOREST_LIMITS.threads.min,
          FOREST_LIMITS.threads.max,
          'the most worker threads the forest runs',
        )
          .default(2)
          .describe(
            `Threads for training forests, for scoring large batches, for TreeSHAP reasons when scoring and for the simulator's bootstrap sums (at most ${FOREST_LIMITS.threads.max}).`,
          ),
        maxRows: positiveInt('training.maxRows')
          .default(300_000)
          .describe(
            'Cap on the rows a forest is fitted on: every positive is kept and negatives are sampled (seeded) down to the cap. Calibration and metrics still use every held-out row.',
          ),
      })
      .prefault({}),
    ingest: z
      .strictObject({
        earliestTimestamp: z.iso
          .date('ingest.earliestTimestamp must be a date like 2000-01-01')
          .default('2000-01-01')
          .describe(
            'Timestamps before this date are implausible: ingest quarantines them (as it does infinity, epoch and other special words).',
          ),
        yearsAhead: positiveInt('ingest.yearsAhead')
          .default(10)
          .describe(
            'Timestamps this many years or more after the as-of date (ingest --as-of, the run date, or today) are implausible and quarantined.',
          ),
      })
      .prefault({}),
    review: z
      .strictObject({
        capacity: positiveInt('review.capacity')
          .default(200)
          .describe('Accounts the risk team reviews per week; the queue and precision@k use it.'),
        minRisk: probability
          .default(0.2)
          .describe(
            'Risk floor of the review queue: buyers below it never enter, even when the queue is short (a short week gives a short queue).',
          ),
        minExpectedLoss: z
          .number()
          .min(0, 'must be 0 or more')
          .default(5)
          .describe(
            'Expected-loss floor of the review queue (risk × refund-only money a month, platform currency): buyers below it never enter.',
          ),
      })
      .prefault({}),
    tiers: z
      .strictObject({
        buyerHigh: probability.default(0.5).describe('Calibrated risk at or above which a buyer is in the high tier.'),
        buyerElevated: probability.default(0.2).describe('Calibrated risk at or above which a buyer is elevated.'),
        // Trust is 100 × (1 − calibrated probability of a serious action within the horizon); serious actions are rare,
        // so fixed trust thresholds crowd shops into one tier (97 / 93 / 85 put ~92% of the default marketplace in
        // top-rated) and every retrain that shifts the calibration moves shops across them. Quantile tiers are learned
        // when the model is trained, from its held-out predictions, and kept in the artifact: a tier means the same
        // share of shops across retrains, and a shop moves only when its rank does.
        merchantBy: z
          .enum(['quantile', 'trust'])
          .default('quantile')
          .describe(
            "How merchant tiers are drawn: quantile (shares of the trust model's held-out merchants, learned at training and stored in the artifact) or trust (the fixed thresholds below).",
          ),
        merchantAtRiskShare: probability
          .default(0.05)
          .describe('quantile tiers: share of merchants (lowest trust) in at-risk.'),
        merchantWatchShare: probability
          .default(0.1)
          .describe('quantile tiers: share of merchants in watch, above at-risk.'),
        merchantStandardShare: probability
          .default(0.2)
          .describe('quantile tiers: share of merchants in standard; the rest are top-rated.'),
        merchantStickiness: probability
          .default(0.05)
          .describe(
            "quantile tiers: a merchant keeps last week's tier until its trust percentile leaves that tier's band by more than this (0.05 = 5 points) or passes the middle of the next band, so retrains and noise do not flip shops near an edge.",
          ),
        merchantTopRated: z
          .number()
          .min(0)
          .max(100)
          .default(97)
          .describe(
            'trust tiers: trust at or above which a merchant is top-rated (trust = 100 × (1 − calibrated chance of a serious action within labels.merchantHorizonDays)).',
          ),
        merchantStandard: z
          .number()
          .min(0)
          .max(100)
          .default(93)
          .describe('trust tiers: trust at or above which a merchant is standard.'),
        merchantWatch: z
          .number()
          .min(0)
          .max(100)
          .default(85)
          .describe('trust tiers: trust at or above which a merchant is on watch; below it, at-risk.'),
      })
      .prefault({})
      // each runs when its own keys parsed, even beside other keys' problems, so one run lists every problem
      .refine((t) => t.buyerHigh >= t.buyerElevated, {
        message: 'must be at least tiers.buyerElevated: raise it or lower buyerElevated',
        path: ['buyerHigh'],
        when: numbersAt('buyerHigh', 'buyerElevated'),
      })
      .refine((t) => t.merchantTopRated >= t.merchantStandard && t.merchantStandard >= t.merchantWatch, {
        message: 'merchant tiers must satisfy merchantTopRated >= merchantStandard >= merchantWatch: reorder them',
        path: ['merchantStandard'],
        when: numbersAt('merchantTopRated', 'merchantStandard', 'merchantWatch'),
      })
      .refine((t) => t.merchantAtRiskShare + t.merchantWatchShare + t.merchantStandardShare < 1, {
        message:
          'merchantAtRiskShare + merchantWatchShare + merchantStandardShare must be below 1 (the rest is top-rated): lower them',
        path: ['merchantStandardShare'],
        when: numbersAt('merchantAtRiskShare', 'merchantWatchShare', 'merchantStandardShare'),
      }),
    simulate: z
      .strictObject({
        policies: z
          .array(z.string().min(1))
          .default([
            'data/policies/status-quo.yaml',
            'data/policies/no-refund-only.yaml',
            'data/policies/risk-gated.yaml',
            'data/policies/trust-aware.yaml',
            'data/policies/hybrid.yaml',
            'data/policies/request-gated.yaml',
          ])
          .describe('Policy files the weekly run replays.'),
        weeks: positiveInt('simulate.weeks')
          .default(12)
          .describe('Weeks of refund requests replayed, ending at the as-of date.'),
        // the simulator holds bootstrap × buyers weights: MAX_BOOTSTRAP says why 10,000 is plenty
        bootstrap: boundedInt(
          'simulate.bootstrap',
          1,
          MAX_BOOTSTRAP,
          'intervals are steady long before; more only fills memory',
        )
          .default(200)
          .describe(
            `Bootstrap resamples (over buyers) for 95% intervals (at most ${MAX_BOOTSTRAP.toLocaleString('en')}).`,
          ),
        seed: z.number().int().default(1).describe('Seed of the bootstrap resamples.'),
      })
      .prefault({}),
    govern: governSchema,
    decide: z
      .strictObject({
        policy: z
          .string()
          .min(1)
          .default('data/policies/request-gated.yaml')
          .describe('The active policy `trustlens decide` and `trustlens serve` apply to each refund request.'),
        orderDays: positiveInt('decide.orderDays')
          .default(180)
          .describe(
            'Orders placed this many days before the scored week (or later) are held in memory; a request about an older order is decided without its order (buyer, merchant and request risk unknown).',
          ),
        threads: positiveInt('decide.threads')
          .default(4)
          .describe(
            'Worker threads `trustlens decide` spreads a long input over (never more than the machine has cores; 1 = one thread); the output is the same.',
          ),
      })
      .prefault({}),
    serve: z
      .strictObject({
        maxBodyBytes: positiveInt('serve.maxBodyBytes')
          .default(1_048_576)
          .describe('Largest request body `trustlens serve` reads; a larger one gets 413.'),
        reloadSeconds: positiveInt('serve.reloadSeconds')
          .default(30)
          .describe(
            'How often `trustlens serve` looks for a newer scored week in the warehouse (opened read-only, then closed) and swaps it in.',
          ),
      })
      .prefault({}),
    report: z
      .strictObject({
        trendWeeks: positiveInt('report.trendWeeks').default(12).describe('Weeks shown in trend charts.'),
        movers: positiveInt('report.movers')
          .default(10)
          .describe('Merchants listed among the biggest trust fallers and risers.'),
        moverMinOrders: positiveInt('report.moverMinOrders')
          .default(20)
          .describe(
            'Orders a merchant needs in the trust window (90 days), this week and last, to be listed among the movers; inactive merchants never are.',
          ),
        currency: z
          .string()
          .regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as CNY, EUR or USD')
          .nullable()
          .default(null)
          .describe(
            'Currency of the marketplace\'s amounts, shown with every amount in the reports (e.g. "CNY"); null shows plain numbers with a note.',
          ),
        notebookUrl: z
          .string()
          .min(1)
          // a link every queue row carries: only a web address or a path, never a script (javascript:, data:)
          .refine((u) => /^https?:\/\//i.test(u) || !/^[a-z][a-z0-9+.-]*:/i.test(u), {
            error: (issue) =>
              `got ${JSON.stringify(issue.input)}; report.notebookUrl must be an http(s) address or a relative path`,
          })
          .nullable()
          .default('http://localhost:4173/investigate-buyer.html')
          .describe(
            'Where the built investigate-buyer notebook is served (`npx vite preview --outDir notebooks/dist`); the risk queue links each account to it with `?buyer=<id>`. null: no links.',
          ),
      })
      .prefault({}),
  })
  .prefault({});

export type TrustlensConfig = z.output<typeof configSchema>;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every setting at its default, read from the schema: code that needs a default reads it here, never a copy of the
 * value.
 */
export const CONFIG_DEFAULTS: TrustlensConfig = deepFreeze(configSchema.parse({}));
