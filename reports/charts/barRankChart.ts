// Horizontal bars ranked largest first: feature importance, mean |SHAP|, PSI per feature, review workload.
import * as Plot from '@observablehq/plot';
import type { SafeHtml } from '../html/escapeHtml.ts';
import { renderChart } from './renderChart.ts';

export interface BarRankOptions {
  id: string;
  title: string;
  subtitle?: string;
  bars: readonly { label: string; value: number }[];
  xLabel: string;
  xFormat: string;
  colour?: string;
  /** Vertical reference lines, e.g. PSI 0.1 and 0.25 or review capacity. */
  rules?: readonly { x: number; label: string }[];
  /** Keep the given order instead of sorting largest first. */
  keepOrder?: boolean;
}

export function barRankChart(opts: BarRankOptions): SafeHtml {
  const bars = opts.keepOrder ? [...opts.bars] : [...opts.bars].sort((a, b) => b.value - a.value);
  const rules = opts.rules ?? [];
  return renderChart({
    id: opts.id,
    title: opts.title,
    subtitle: opts.subtitle,
    alt: `${opts.title}: bar chart of ${bars.length} items`,
    plot: {
      width: 560,
      height: Math.max(120, 20 * bars.length + 50),
      marginLeft: 200,
      marginRight: 40,
      x: { grid: true, label: opts.xLabel, tickFormat: opts.xFormat, zero: true },
      y: { label: null, domain: bars.map((b) => b.label) },
      marks: [
        Plot.barX(bars, { y: 'label', x: 'value', fill: opts.colour ?? '#1f5fbf' }),
        Plot.ruleX(rules, { x: 'x', stroke: '#b42318', strokeDasharray: '4,3' }),
        Plot.text(rules, { x: 'x', text: 'label', frameAnchor: 'top', dy: -10, fill: '#b42318' }),
        Plot.ruleX([0]),
      ],
    },
  });
}
