// One metric per segment (category or merchant tier), a dot per scenario with its 95% interval: where each policy
// bites.
import * as Plot from '@observablehq/plot';
import { showBidiControls, type SafeHtml } from '../html/escapeHtml.ts';
import { renderChart } from './renderChart.ts';
import { scenarioColours } from './tradeoffChart.ts';
import { labelMargin } from './axes.ts';

export interface SegmentPoint {
  segment: string;
  scenario: string;
  value: number;
  lo: number | null;
  hi: number | null;
}

export interface SegmentDotOptions {
  id: string;
  title: string;
  subtitle?: string;
  points: readonly SegmentPoint[];
  baseline: string;
  xLabel: string;
  xFormat: string;
  segments: readonly string[];
}

export function segmentDotChart(opts: SegmentDotOptions): SafeHtml {
  const scenarios = [...new Set(opts.points.map((p) => p.scenario))];
  const pts = opts.points.map((p) => ({ ...p, lo: p.lo ?? p.value, hi: p.hi ?? p.value }));
  return renderChart({
    id: opts.id,
    title: opts.title,
    subtitle: opts.subtitle,
    alt: `Dot chart of ${opts.xLabel} by segment for ${scenarios.length} scenarios`,
    plot: {
      width: 560,
      height: Math.max(160, opts.segments.length * (10 * scenarios.length + 12) + 60),
      // Measured as shown: renderChart shows a bidi control in a segment's name as its marker.
      marginLeft: labelMargin(opts.segments.map(showBidiControls), 90),
      // All zeros would make a degenerate scale with NaN ticks.
      x: {
        grid: true,
        label: opts.xLabel,
        tickFormat: opts.xFormat,
        ...(Math.max(0, ...pts.map((p) => p.hi)) === 0 ? { domain: [0, 1] } : { zero: true }),
      },
      fy: { label: null, domain: [...opts.segments] },
      y: { axis: null, domain: scenarioColours(scenarios, opts.baseline).domain },
      color: { ...scenarioColours(scenarios, opts.baseline), legend: true },
      marks: [
        Plot.ruleY(pts, {
          fy: 'segment',
          y: 'scenario',
          x1: 'lo',
          x2: 'hi',
          stroke: 'scenario',
          strokeOpacity: 0.6,
          strokeWidth: 2,
        }),
        Plot.dot(pts, { fy: 'segment', y: 'scenario', x: 'value', fill: 'scenario', r: 3.5 }),
        Plot.frame({ stroke: '#eef1f5' }),
      ],
    },
  });
}
