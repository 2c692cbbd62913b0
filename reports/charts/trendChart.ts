// Small line chart of one weekly measure over the trend window, newest week marked.
import * as Plot from '@observablehq/plot';
import type { SafeHtml } from '../html/escapeHtml.ts';
import { renderChart } from './renderChart.ts';

export interface TrendPoint {
  /** Exclusive end of the week (its as-of date). */
  weekEnd: string;
  value: number | null;
}

export interface TrendChartOptions {
  id: string;
  title: string;
  subtitle?: string;
  points: readonly TrendPoint[];
  /** d3-format string for the y axis, e.g. ",.0f", ".1%", "~s". */
  tickFormat: string;
}

export function trendChart(opts: TrendChartOptions): SafeHtml {
  const data = opts.points
    .filter((p) => p.value !== null && Number.isFinite(p.value))
    .map((p) => ({ week: new Date(p.weekEnd + 'T00:00:00Z'), value: p.value as number }));
  const last = data.slice(-1);
  return renderChart({
    id: opts.id,
    title: opts.title,
    subtitle: opts.subtitle,
    alt: `${opts.title}: weekly values for ${data.length} weeks`,
    plot: {
      width: 380,
      height: 170,
      marginLeft: 56,
      marginRight: 14,
      x: { type: 'utc', label: null, ticks: 4, tickFormat: '%b %d' },
      y: { grid: true, label: null, tickFormat: opts.tickFormat, zero: true, nice: true, ticks: 4 },
      marks: [
        Plot.lineY(data, { x: 'week', y: 'value', stroke: '#1f5fbf', strokeWidth: 2 }),
        Plot.dot(data, { x: 'week', y: 'value', fill: '#1f5fbf', r: 2 }),
        Plot.dot(last, { x: 'week', y: 'value', fill: 'white', stroke: '#1f5fbf', strokeWidth: 2, r: 4 }),
      ],
    },
  });
}
