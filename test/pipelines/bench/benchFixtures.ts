// Literal bench results for the target and table tests: one size with a first and a weekly run, stage by stage.
import type { BenchSize } from '../../../pipelines/bench/benchArgs.ts';
import type { SizeResult, StageMeasure } from '../../../pipelines/bench/sizeResult.ts';

const stage = (name: string, seconds: number, cpuSeconds = seconds, peakRssMb = 500): StageMeasure => ({
  stage: name,
  seconds,
  cpuSeconds,
  peakRssMb,
  note: '',
});

/** A size whose weekly run took `week` seconds with the given stage seconds, and a GROUP BY pass of `groupBy` s. */
export function sizeResult(
  size: BenchSize,
  o: {
    first: number;
    week: number;
    peakRssMb: number;
    features: number;
    simulate: number;
    report: number;
    groupBy: number;
  },
): SizeResult {
  return {
    size,
    orders: size.buyers * 10,
    generate: { seconds: 2, cpuSeconds: 3, peakRssMb: 400 },
    first: {
      seconds: o.first,
      cpuSeconds: o.first * 1.5,
      peakRssMb: 900,
      orders: size.buyers * 10,
      stages: [stage('ingest', 1), stage('features', o.features)],
    },
    week: {
      seconds: o.week,
      cpuSeconds: o.week * 1.5,
      peakRssMb: o.peakRssMb,
      orders: size.buyers * 10,
      stages: [
        stage('ingest', 0.5),
        stage('features', o.features, o.features * 2),
        stage('simulate', o.simulate),
        stage('report', o.report),
      ],
    },
    groupBy: { seconds: o.groupBy, cpuSeconds: o.groupBy * 2, buyers: size.buyers },
    ingest: null,
  };
}
