// Precision–recall curves (model against rule baselines) and the calibration (reliability) chart of a model.
import * as Plot from '@observablehq/plot';
import type { SafeHtml } from '../html/escapeHtml.ts';
import type { ModelMetrics } from '../../models/artifactSchema.ts';
import { BASELINE_COLOUR, PALETTE, renderChart } from './renderChart.ts';

export function prCurveChart(
  id: string,
  model: ModelMetrics,
  baselines: readonly { name: string; metrics: ModelMetrics }[],
): SafeHtml {
  const series = [{ name: 'model', metrics: model }, ...baselines];
  const data = series.flatMap((s) =>
    s.metrics.prCurve.map((p) => ({ series: s.name, recall: p.recall, precision: p.precision })),
  );
  const domain = series.map((s) => s.name);
  return renderChart({
    id,
    title: 'Precision–recall on the validation window',
    subtitle: 'Higher and further right is better; rule baselines for comparison.',
    alt: `Precision-recall curves for the model and ${baselines.length} baselines`,
    plot: {
      width: 440,
      height: 300,
      x: { domain: [0, 1], grid: true, label: 'recall', tickFormat: '.0%' },
      y: { domain: [0, 1], grid: true, label: 'precision', tickFormat: '.0%' },
      color: {
        domain,
        range: domain.map((_, i) => (i === 0 ? '#1f5fbf' : i === 1 ? BASELINE_COLOUR : (PALETTE[i] as string))),
        legend: true,
      },
      marks: [
        Plot.line(data, {
          x: 'recall',
          y: 'precision',
          stroke: 'series',
          strokeWidth: (d: { series: string }) => (d.series === 'model' ? 2.5 : 1.5),
          sort: 'recall',
        }),
        Plot.frame({ stroke: '#dde2ea' }),
      ],
    },
  });
}

/**
 * Bins with fewer rows than this show an observed rate that is mostly noise: drawn hollow and named in the subtitle.
 */
export const SPARSE_BIN_ROWS = 30;

export function calibrationChart(id: string, model: ModelMetrics): SafeHtml {
  const bins = model.calibration.filter((b) => b.count > 0).map((b) => ({ ...b, sparse: b.count < SPARSE_BIN_ROWS }));
  const sparse = bins.filter((b) => b.sparse).length;
  const solid = bins.filter((b) => !b.sparse);
  return renderChart({
    id,
    title: 'Calibration on the validation window',
    subtitle:
      'Dots on the diagonal mean a predicted 30% really happens 30% of the time; dot size = rows in the bin.' +
      (sparse
        ? ` Hollow dots: ${sparse} bin${sparse === 1 ? '' : 's'} with fewer than ${SPARSE_BIN_ROWS} rows, whose observed rate is too noisy to read (the line skips them).`
        : ''),
    alt: `Reliability chart with ${bins.length} bins, ${sparse} of them sparse`,
    plot: {
      width: 440,
      height: 300,
      x: { domain: [0, 1], grid: true, label: 'mean predicted probability', tickFormat: '.0%' },
      y: { domain: [0, 1], grid: true, label: 'observed rate', tickFormat: '.0%' },
      r: { range: [2, 9] },
      marks: [
        Plot.line(
          [
            [0, 0],
            [1, 1],
          ],
          { stroke: BASELINE_COLOUR, strokeDasharray: '4,3' },
        ),
        Plot.line(solid, { x: 'predicted', y: 'observed', stroke: '#1f5fbf' }),
        Plot.dot(solid, { x: 'predicted', y: 'observed', r: 'count', fill: '#1f5fbf', fillOpacity: 0.8 }),
        Plot.dot(
          bins.filter((b) => b.sparse),
          { x: 'predicted', y: 'observed', r: 4, stroke: '#b42318', fill: 'white', strokeWidth: 1.5 },
        ),
        Plot.frame({ stroke: '#dde2ea' }),
      ],
    },
  });
}
