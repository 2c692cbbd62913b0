// The targets of issue 19 and whether a bench run met them: one line per target, PASS, MISS or not run.
import { featuresRatio, stageOf, type SizeResult, type StartResult } from './sizeResult.ts';

export interface TargetLine {
  target: string;
  measured: string;
  verdict: 'PASS' | 'MISS' | 'not run';
}

interface Check {
  measured: string;
  pass: boolean;
}

interface Target {
  target: string;
  /** The size label the target is about. */
  size: string;
  /** The measured figure as text and whether it is within the target; null when the run has no such figure. */
  check: (r: SizeResult) => Check | null;
}

const n = (x: number, d = 1) => x.toLocaleString('en', { minimumFractionDigits: d, maximumFractionDigits: d });

const below = (seconds: number, limit: number): Check => ({ measured: `${n(seconds)} s`, pass: seconds < limit });

const stageBelow = (stage: string, limit: number) => (r: SizeResult) => {
  const s = stageOf(r.week, stage);
  return s ? below(s.seconds, limit) : null;
};

export const START_TARGET = '`npm start` on a fresh folder, default marketplace, generation included: < 60 s';

const TARGETS: readonly Target[] = [
  { target: 'first run (empty warehouse), 1M orders: < 60 s', size: '1M', check: (r) => below(r.first.seconds, 60) },
  {
    target: 'first run (empty warehouse), 10M orders: < 600 s',
    size: '10M',
    check: (r) => below(r.first.seconds, 600),
  },
  { target: 'weekly run, 10M orders: < 120 s', size: '10M', check: (r) => below(r.week.seconds, 120) },
  {
    target: 'weekly run, 10M orders: peak RSS < 4,096 MB',
    size: '10M',
    check: (r) => ({ measured: `${n(r.week.peakRssMb, 0)} MB`, pass: r.week.peakRssMb < 4096 }),
  },
  {
    target: 'weekly features, 10M orders: ≤ 10× one plain GROUP BY pass per buyer (same run)',
    size: '10M',
    check: (r) => {
      const ratio = featuresRatio(r);
      if (ratio === null) return null;
      const features = stageOf(r.week, 'features')!;
      return { measured: `${n(features.seconds)} s ÷ ${n(r.groupBy.seconds, 2)} s = ${n(ratio)}×`, pass: ratio <= 10 };
    },
  },
  { target: 'weekly simulate, 10M orders: < 15 s', size: '10M', check: stageBelow('simulate', 15) },
  { target: 'weekly report, 10M orders: < 15 s', size: '10M', check: stageBelow('report', 15) },
];

function line(target: string, c: Check | null): TargetLine {
  if (c === null) return { target, measured: '–', verdict: 'not run' };
  return { target, measured: c.measured, verdict: c.pass ? 'PASS' : 'MISS' };
}

/** Every target of the issue, in its order; a size or section the bench skipped gives "not run", never a verdict. */
export function evaluateTargets(results: readonly SizeResult[], start: StartResult | null): TargetLine[] {
  return [
    line(START_TARGET, start ? below(start.seconds, 60) : null),
    ...TARGETS.map((t) => {
      const r = results.find((x) => x.size.label === t.size);
      return line(t.target, r ? t.check(r) : null);
    }),
  ];
}
