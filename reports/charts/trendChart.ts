// Small line chart of one weekly measure over the trend window, newest week marked.
import * as Plot from '@observablehq/plot';
import type { SafeHtml } from '../html/escapeHtml.ts';
import { flatDomain } from './axes.ts';
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
  // No values, or only zeros, would leave a degenerate y scale whose ticks read NaN: a 0–1 axis and a word instead.
  const flat = flatDomain(data.map((d) => d.value));
  const weeks = opts.points.map((p) => new Date(p.weekEnd + 'T00:00:00Z'));
  return renderChart({
    id: opts.id,
    title: opts.title,
    subtitle: data.length ? opts.subtitle : `${opts.subtitle ? `${opts.subtitle} ` : ''}No values in these weeks.`,
    alt: `${opts.title}: weekly values for ${data.length} weeks`,
    plot: {
      width: 380,
      height: 170,
      marginLeft: 56,
      marginRight: 18,
      x: {
        type: 'utc',
        label: null,
        ticks: 4,
        tickFormat: '%b %d',
        domain: weeks.length ? [weeks[0]!, weeks.at(-1)!] : undefined,
      },
      y: {
        grid: true,
        label: null,
        tickFormat: opts.tickFormat,
        ticks: 4,
        ...(flat ? { domain: flat } : { zero: true, nice: true }),
      },
      marks: [
        Plot.lineY(data, { x: 'week', y: 'value', stroke: '#1f5fbf', strokeWidth: 2 }),
        Plot.dot(data, { x: 'week', y: 'value', fill: '#1f5fbf', r: 2 }),
        Plot.dot(last, { x: 'week', y: 'value', fill: 'white', stroke: '#1f5fbf', strokeWidth: 2, r: 4 }),
      ],
    },
  });
}
