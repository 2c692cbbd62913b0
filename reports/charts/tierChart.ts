// Merchants per trust tier, this week beside last week (grouped bars, one group per tier).
import * as Plot from '@observablehq/plot';
import type { SafeHtml } from '../html/escapeHtml.ts';
import type { TierCount } from '../reportData.ts';
import { renderChart } from './renderChart.ts';
import { tierLabel } from '../html/labels.ts';

export function tierChart(id: string, tiers: readonly TierCount[], asOf: string, previousLabel: string): SafeHtml {
  const data = tiers.flatMap((t) => [
    ...(t.previous === null || t.previous === undefined
      ? []
      : [{ tier: tierLabel(t.tier), week: previousLabel, count: t.previous }]),
    { tier: tierLabel(t.tier), week: asOf, count: t.current },
  ]);
  const hasPrevious = data.some((d) => d.week === previousLabel);
  return renderChart({
    id,
    title: 'Merchants by trust tier',
    subtitle: hasPrevious ? `Upper bar: ${previousLabel}; lower bar: ${asOf}.` : `Week to ${asOf}.`,
    alt: 'Bar chart of merchants per trust tier, last week and this week',
    plot: {
      width: 440,
      height: 40 * tiers.length + 50,
      marginLeft: 80,
      marginRight: 50,
      x: { grid: true, label: 'merchants', tickFormat: ',.0f' },
      fy: { label: null, domain: tiers.map((t) => tierLabel(t.tier)) },
      y: { axis: null, domain: [previousLabel, asOf] },
      color: { domain: [previousLabel, asOf], range: ['#b9cbe8', '#1f5fbf'] },
      marks: [
        Plot.barX(data, { fy: 'tier', y: 'week', x: 'count', fill: 'week' }),
        Plot.text(data, {
          fy: 'tier',
          y: 'week',
          x: 'count',
          text: (d: { count: number }) => d.count.toLocaleString('en-US'),
          dx: 4,
          textAnchor: 'start',
        }),
        Plot.ruleX([0]),
      ],
    },
  });
}
