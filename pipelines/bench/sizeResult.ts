// What the bench measures at one marketplace size: generation, the first and the weekly run stage by stage, the
// GROUP BY yardstick, ingest; and `npm start` on a fresh folder.
import type { BenchSize } from './benchArgs.ts';
import type { GroupByPass } from './groupByPass.ts';
import type { IngestBenchResult } from './ingestBench.ts';
import type { Measured } from './runCli.ts';

export interface StageMeasure {
  stage: string;
  seconds: number;
  cpuSeconds: number;
  /** Peak RSS of the run's process when the stage ended (so far, not the stage's own). */
  peakRssMb: number;
  note: string;
}

export interface RunTimings extends Measured {
  orders: number;
  stages: StageMeasure[];
}

export interface SizeResult {
  size: BenchSize;
  orders: number;
  generate: Measured;
  first: RunTimings;
  week: RunTimings;
  groupBy: GroupByPass;
  ingest: IngestBenchResult | null;
}

/** `npm start` on a fresh folder: the default marketplace generated, then its first run. */
export interface StartResult extends Measured {
  orders: number;
}

export function stageOf(run: RunTimings, stage: string): StageMeasure | undefined {
  return run.stages.find((s) => s.stage === stage);
}

/** Weekly features stage against the plain GROUP BY pass, wall time over wall time; null without either. */
export function featuresRatio(r: Pick<SizeResult, 'week' | 'groupBy'>): number | null {
  const features = stageOf(r.week, 'features');
  return features && r.groupBy.seconds > 0 ? features.seconds / r.groupBy.seconds : null;
}
