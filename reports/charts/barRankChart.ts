// Horizontal bars ranked largest first: feature importance, mean |SHAP|, PSI per feature, review workload.
import * as Plot from '@observablehq/plot';
import type { SafeHtml } from '../html/escapeHtml.ts';
import { distinctTickFormat, flatDomain, labelMargin, textWidth } from './axes.ts';
import { renderChart } from './renderChart.ts';

export interface BarRankOptions {
  id: string;
  title: string;
  subtitle?: string;
  bars: readonly { label: string; value: number }[];
  xLabel: string;
  /**
   * d3-format of the axis for counts and money (',.0f', '~s'); fractional scales get distinct ticks from their range
   * instead.
   */
  xFormat: string;
  colour?: string;
  /** Vertical reference lines, e.g. PSI 0.1 and 0.25 or review capacity. */
  rules?: readonly { x: number; label: string }[];
  /** Keep the given order instead of sorting largest first. */
  keepOrder?: boolean;
}

const TICKS = 5;

export function barRankChart(opts: BarRankOptions): SafeHtml {
  const bars = opts.keepOrder ? [...opts.bars] : [...opts.bars].sort((a, b) => b.value - a.value);
  const rules = opts.rules ?? [];
  const marginLeft = labelMargin(bars.map((b) => b.label));
  const max = Math.max(0, ...bars.map((b) => b.value), ...rules.map((r) => r.x));
  // Small fractional values (importance, |SHAP|, PSI) need as many decimals as their tick spacing, or ticks repeat.
  const fractional = max > 0 && max < 10 && !opts.xFormat.includes('~s');
  const tickFormat = fractional ? distinctTickFormat(max, { count: TICKS }) : opts.xFormat;
  const widest = Math.max(0, ...rules.map((r) => textWidth(r.label)));
  return renderChart({
    id: opts.id,
    title: opts.title,
    subtitle: opts.subtitle,
    alt: `${opts.title}: bar chart of ${bars.length} items`,
    plot: {
      width: Math.max(560, marginLeft + 360),
      height: Math.max(120, 20 * bars.length + 60),
      marginLeft,
      marginRight: Math.max(40, widest / 2 + 8),
      marginTop: rules.length ? 30 : 20,
      x: {
        grid: true,
        label: opts.xLabel,
        tickFormat,
        ticks: TICKS,
        ...(flatDomain(bars.map((b) => b.value)) && rules.length === 0 ? { domain: [0, 1] } : { zero: true }),
      },
      y: { label: null, domain: bars.map((b) => b.label) },
      marks: [
        Plot.barX(bars, { y: 'label', x: 'value', fill: opts.colour ?? '#1f5fbf' }),
        Plot.ruleX(rules, { x: 'x', stroke: '#b42318', strokeDasharray: '4,3' }),
        Plot.text(rules, { x: 'x', text: 'label', frameAnchor: 'top', dy: -14, fill: '#b42318' }),
        Plot.ruleX([0]),
      ],
    },
  });
}
