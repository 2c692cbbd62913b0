// The policy trade-off: abuse money stopped (up is good) against honest buyers burdened (right is bad), with 95%
// intervals.
import * as Plot from '@observablehq/plot';
import type { SafeHtml } from '../html/escapeHtml.ts';
import { BASELINE_COLOUR, PALETTE, renderChart } from './renderChart.ts';

export interface TradeoffPoint {
  scenario: string;
  x: number;
  xLo: number | null;
  xHi: number | null;
  y: number;
  yLo: number | null;
  yHi: number | null;
}

export interface TradeoffOptions {
  id: string;
  title: string;
  subtitle?: string;
  points: readonly TradeoffPoint[];
  baseline: string;
  xLabel: string;
  yLabel: string;
  xFormat: string;
  yFormat: string;
  width?: number;
  height?: number;
}

/**
 * One colour per scenario on every chart of a page, whatever order a chart receives them in: baseline first, then by
 * name.
 */
export function scenarioColours(scenarios: readonly string[], baseline: string): { domain: string[]; range: string[] } {
  const others = [...new Set(scenarios.filter((s) => s !== baseline))].sort();
  const domain = scenarios.includes(baseline) ? [baseline, ...others] : others;
  const range = domain.map((s, i) =>
    s === baseline ? BASELINE_COLOUR : (PALETTE[(scenarios.includes(baseline) ? i - 1 : i) % PALETTE.length] as string),
  );
  return { domain, range };
}

export function tradeoffChart(opts: TradeoffOptions): SafeHtml {
  const pts = opts.points.map((p) => ({
    ...p,
    xLo: p.xLo ?? p.x,
    xHi: p.xHi ?? p.x,
    yLo: p.yLo ?? p.y,
    yHi: p.yHi ?? p.y,
  }));
  // An all-zero axis (e.g. nothing stopped before buyers are scored) would give a degenerate scale with NaN ticks.
  const flat = (vals: number[]) => (Math.max(0, ...vals) === 0 ? { domain: [0, 1] } : { zero: true });
  const colours = scenarioColours(
    pts.map((p) => p.scenario),
    opts.baseline,
  );
  return renderChart({
    id: opts.id,
    title: opts.title,
    subtitle: opts.subtitle,
    alt: `Scatter plot of ${pts.length} policy scenarios: ${opts.yLabel} against ${opts.xLabel}`,
    plot: {
      width: opts.width ?? 560,
      height: opts.height ?? 320,
      marginLeft: 64,
      marginRight: 30,
      inset: 12,
      x: { grid: true, label: opts.xLabel, tickFormat: opts.xFormat, ...flat(pts.map((p) => p.xHi)) },
      y: { grid: true, label: opts.yLabel, tickFormat: opts.yFormat, ...flat(pts.map((p) => p.yHi)) },
      // Scenarios are told apart by colour and shape in the legend: labels beside close points overlapped.
      color: colours,
      symbol: { domain: colours.domain, range: SYMBOLS.slice(0, colours.domain.length), legend: true },
      marks: [
        Plot.link(pts, {
          x1: 'xLo',
          x2: 'xHi',
          y1: 'y',
          y2: 'y',
          stroke: 'scenario',
          strokeOpacity: 0.6,
          strokeWidth: 2,
        }),
        Plot.link(pts, {
          x1: 'x',
          x2: 'x',
          y1: 'yLo',
          y2: 'yHi',
          stroke: 'scenario',
          strokeOpacity: 0.6,
          strokeWidth: 2,
        }),
        Plot.dot(pts, { x: 'x', y: 'y', fill: 'scenario', symbol: 'scenario', r: 5, stroke: 'white' }),
      ],
    },
  });
}

const SYMBOLS = [
  'circle',
  'square',
  'diamond',
  'triangle',
  'star',
  'cross',
  'wye',
  'asterisk',
  'times',
  'plus',
  'hexagon',
];
