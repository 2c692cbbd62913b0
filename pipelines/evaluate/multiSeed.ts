// The quality bar over several generated marketplaces: each seed and size generated into a temp folder, run, evaluated
// and tabulated.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import type { Logger } from '../../data/log/Logger.ts';
import { textTable } from '../../data/log/textTable.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { generateMarketplace } from '../../data/synthetic/generateMarketplace.ts';
import { runWeeklyOn } from '../run/runWeekly.ts';
import {
  evaluatePolicies,
  passesRequestGated,
  REQUEST_GATED_BAR,
  type TruthCheckRow,
} from '../simulate/evaluatePolicies.ts';
import { loadPolicies } from '../simulate/policy/loadPolicy.ts';
import { qualityBar } from './qualityBar.ts';
import { formatQualityTable, type QualityLine } from './qualityLine.ts';

/**
 * Marketplace sizes of the multi-seed bar: 12k is the shape a new user tried (fewer shops, shorter history); 20k the
 * default.
 */
export const EVAL_SIZES = {
  '12k': { buyers: 12_000, merchants: 400, weeks: 40 },
  '20k': { buyers: 20_000, merchants: 1_000, weeks: 52 },
} as const;
export type EvalSize = keyof typeof EVAL_SIZES;
export const EVAL_SIZE_NAMES = Object.keys(EVAL_SIZES) as [EvalSize, ...EvalSize[]];

export const DEFAULT_SEEDS = [42, 97, 7, 1234, 2027] as const;

/** Written in a marketplace's folder once its weekly run completed. */
export const RUN_COMPLETE = 'run-complete.json';

/** Issue 17's targets over the seeds. */
export const SEED_TARGETS = { precisionMean: 0.9, precisionMin: 0.85, prAucRatioMin: 2, trustAucMin: 0.92 } as const;

export interface SeedResult {
  seed: number;
  size: EvalSize;
  /** Folder with data/, warehouse.duckdb, artifacts/ (kept with --keep). */
  dir: string;
  precisionAtK: number | null;
  prAucRatio: number | null;
  trustAuc: number | null;
  /** Per policy, from the truth check (null with skipPolicies). */
  policies: TruthCheckRow[] | null;
  lines: QualityLine[];
  minutes: number;
  /** Generated and run by an earlier, interrupted evaluation in the kept folder: only measured now. */
  resumed?: boolean;
}

export interface MultiSeedOptions {
  seeds: readonly number[];
  sizes: readonly EvalSize[];
  /** Keep every marketplace's folder under this one (default: a temp folder, removed at the end). */
  keep?: string;
  skipPolicies?: boolean;
  config: TrustlensConfig;
  log: Logger;
}

const keyed = (lines: readonly QualityLine[], key: string) => lines.find((l) => l.key === key)?.value ?? null;

/**
 * Generates one marketplace, runs the first weekly run on it as `npm start` would, and measures it against its truth.
 */
export async function evaluateSeed(
  seed: number,
  size: EvalSize,
  dir: string,
  o: Pick<MultiSeedOptions, 'config' | 'log' | 'skipPolicies'>,
): Promise<SeedResult> {
  const t0 = performance.now();
  const data = join(dir, 'data');
  const end = o.config.generate.end;
  // A kept folder holds what an earlier evaluation finished: a marketplace whose weekly run completed is only measured
  // again (an interrupted evaluation resumes); one left half-way is started over.
  const marker = join(dir, RUN_COMPLETE);
  const resumed = existsSync(marker);
  if (!resumed) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    await o.log.step(`generate seed ${seed}, ${size}`, () =>
      generateMarketplace({ seed, ...EVAL_SIZES[size], end, out: data }),
    );
  }
  const config: TrustlensConfig = {
    ...o.config,
    artifactsDir: join(dir, 'artifacts'),
    reportsDir: join(dir, 'reports'),
    dataDir: data,
  };
  const wh = await Warehouse.open({ path: join(dir, 'warehouse.duckdb'), memoryLimit: config.memoryLimit });
  try {
    if (resumed) o.log.info(`seed ${seed}, ${size}: weekly run done by an earlier evaluation in ${dir}; measuring it`);
    else {
      await o.log.step(`weekly run of seed ${seed}, ${size}`, () =>
        runWeeklyOn(wh, { asOf: end, from: data, retrain: false }, { config, log: o.log }),
      );
      writeFileSync(marker, JSON.stringify({ seed, size, asOf: end }) + '\n');
    }
    const lines = await qualityBar(wh, end, data, config);
    const policies = o.skipPolicies
      ? null
      : await evaluatePolicies(wh, {
          asOf: end,
          weeks: config.simulate.weeks,
          truthDir: data,
          policies: loadPolicies(config.simulate.policies),
          log: o.log,
          artifactsDir: config.artifactsDir,
        });
    return {
      seed,
      size,
      dir,
      precisionAtK: keyed(lines, 'precision_at_k'),
      prAucRatio: keyed(lines, 'pr_auc_ratio'),
      trustAuc: keyed(lines, 'trust_auc'),
      policies,
      lines,
      minutes: (performance.now() - t0) / 60_000,
      resumed,
    };
  } finally {
    wh.close();
  }
}

/** Every size × seed, one after the other (each run uses every core); results as they come, through `onResult`. */
export async function evaluateSeeds(o: MultiSeedOptions, onResult?: (r: SeedResult) => void): Promise<SeedResult[]> {
  const root = o.keep ?? mkdtempSync(join(tmpdir(), 'trustlens-seeds-'));
  const out: SeedResult[] = [];
  try {
    for (const size of o.sizes) {
      for (const seed of o.seeds) {
        const r = await evaluateSeed(seed, size, join(root, `${size}-seed${seed}`), o);
        o.log.detail(formatQualityTable(r.lines));
        out.push(r);
        onResult?.(r);
      }
    }
  } finally {
    if (!o.keep) rmSync(root, { recursive: true, force: true });
  }
  return out;
}

const f3 = (v: number | null | undefined) =>
  v === null || v === undefined || !Number.isFinite(v) ? '–' : v.toFixed(3);
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);
const policy = (r: SeedResult, name: string) => r.policies?.find((p) => p.scenario === name);
const policyCell = (p: TruthCheckRow | undefined) =>
  p ? `${pct(p.shareStopped)} / ${pct(p.honestBurdenedAddedShare)}` : '–';

export interface TargetLine {
  target: string;
  value: string;
  pass: boolean | null;
}

/** Pass/fail of each target over the results (null when it cannot be measured, e.g. policies skipped). */
export function seedTargets(results: readonly SeedResult[]): TargetLine[] {
  const vals = (pick: (r: SeedResult) => number | null) =>
    results.map(pick).filter((v): v is number => v !== null && Number.isFinite(v));
  const min = (xs: number[]) => (xs.length ? Math.min(...xs) : NaN);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const prec = vals((r) => r.precisionAtK);
  const ratio = vals((r) => r.prAucRatio);
  const trust = vals((r) => r.trustAuc);
  const gated = results.map((r) => policy(r, 'request-gated')).filter((p): p is TruthCheckRow => p !== undefined);
  const dflt = results.find((r) => r.seed === 42 && r.size === '20k');
  const dfltGated = dflt ? policy(dflt, 'request-gated') : undefined;
  const t = SEED_TARGETS;
  return [
    {
      target: `abuse precision@capacity: mean ≥ ${t.precisionMean}`,
      value: f3(mean(prec)),
      pass: prec.length ? mean(prec) >= t.precisionMean : null,
    },
    {
      target: `abuse precision@capacity: every seed ≥ ${t.precisionMin}`,
      value: `min ${f3(min(prec))}`,
      pass: prec.length ? min(prec) >= t.precisionMin : null,
    },
    {
      target: `PR-AUC ÷ best rule: every seed ≥ ${t.prAucRatioMin}`,
      value: `min ${f3(min(ratio))}`,
      pass: ratio.length ? min(ratio) >= t.prAucRatioMin : null,
    },
    {
      target: `merchant trust ROC-AUC: every seed ≥ ${t.trustAucMin}`,
      value: `min ${f3(min(trust))}`,
      pass: trust.length ? min(trust) >= t.trustAucMin : null,
    },
    {
      target: `request-gated: every seed ≥ ${pct(REQUEST_GATED_BAR.stopped)} stopped, ≤ ${pct(REQUEST_GATED_BAR.addedBurden)} added burden`,
      value: gated.length
        ? `min ${pct(Math.min(...gated.map((g) => g.shareStopped ?? 0)))} / max ${pct(Math.max(...gated.map((g) => g.honestBurdenedAddedShare ?? 1)))}`
        : '–',
      pass: gated.length ? gated.every((g) => passesRequestGated(g)) : null,
    },
    {
      target: `request-gated on the default marketplace (seed 42, 20k): ≥ ${pct(REQUEST_GATED_BAR.defaultStopped)} stopped, ≤ ${pct(REQUEST_GATED_BAR.defaultAddedBurden)} added`,
      value: dfltGated ? policyCell(dfltGated) : '–',
      pass: dfltGated
        ? passesRequestGated(dfltGated, {
            stopped: REQUEST_GATED_BAR.defaultStopped,
            addedBurden: REQUEST_GATED_BAR.defaultAddedBurden,
          })
        : null,
    },
  ];
}

/** One row per marketplace, then the minimum (and mean) of each column, then the targets with PASS/FAIL. */
export function formatSeedTable(results: readonly SeedResult[]): string {
  const head = [
    'size',
    'seed',
    'precision@capacity',
    'PR-AUC ÷ best rule',
    'trust ROC-AUC',
    'request-gated stopped / added',
    'risk-gated stopped / added',
    'minutes',
  ];
  const rows = results.map((r) => [
    r.size,
    String(r.seed),
    f3(r.precisionAtK),
    f3(r.prAucRatio),
    f3(r.trustAuc),
    policyCell(policy(r, 'request-gated')),
    policyCell(policy(r, 'risk-gated')),
    `${r.minutes.toFixed(1)}${r.resumed ? ' (resumed)' : ''}`,
  ]);
  const nums = (pick: (r: SeedResult) => number | null | undefined) =>
    results.map(pick).filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
  const minOf = (pick: (r: SeedResult) => number | null | undefined) => {
    const xs = nums(pick);
    return xs.length ? Math.min(...xs) : null;
  };
  const maxOf = (pick: (r: SeedResult) => number | null | undefined) => {
    const xs = nums(pick);
    return xs.length ? Math.max(...xs) : null;
  };
  const meanOf = (pick: (r: SeedResult) => number | null | undefined) => {
    const xs = nums(pick);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
  };
  const gatedMin = (name: string) =>
    `${pct(minOf((r) => policy(r, name)?.shareStopped))} / ${pct(maxOf((r) => policy(r, name)?.honestBurdenedAddedShare))}`;
  rows.push([
    'minimum',
    '',
    f3(minOf((r) => r.precisionAtK)),
    f3(minOf((r) => r.prAucRatio)),
    f3(minOf((r) => r.trustAuc)),
    gatedMin('request-gated'),
    gatedMin('risk-gated'),
    '',
  ]);
  rows.push([
    'mean',
    '',
    f3(meanOf((r) => r.precisionAtK)),
    f3(meanOf((r) => r.prAucRatio)),
    f3(meanOf((r) => r.trustAuc)),
    '',
    '',
    '',
  ]);
  const targets = seedTargets(results).map((t) => [t.target, t.value, t.pass === null ? '' : t.pass ? 'PASS' : 'FAIL']);
  return `${textTable(head, rows, [2, 3, 4, 5, 6, 7])}\n(policy columns: minimum stopped / maximum added honest burden)\n\n${textTable(['target', 'measured', 'result'], targets)}`;
}
