// Cumulative expected loss covered when the risk team reviews the queue top-down, with their weekly capacity marked.
import * as Plot from '@observablehq/plot';
import type { SafeHtml } from '../html/escapeHtml.ts';
import { withUnit } from '../html/format.ts';
import type { RiskQueueRow } from '../reportData.ts';
import { renderChart } from './renderChart.ts';
import { flatDomain } from './axes.ts';

export function queueCoverageChart(id: string, rows: readonly RiskQueueRow[], capacity: number): SafeHtml {
  let total = 0;
  const data = [...rows]
    .sort((a, b) => a.rank - b.rank)
    .map((r) => ({ rank: r.rank, cumulative: (total += r.expectedLoss) }));
  const rules = capacity <= (data.at(-1)?.rank ?? 0) ? [{ x: capacity, label: `capacity ${capacity}` }] : [];
  return renderChart({
    id,
    title: 'Expected loss covered by reviewing the top k accounts',
    subtitle: 'Reviewing down the ranked queue; the dashed line is the weekly review capacity.',
    alt: `Cumulative expected loss over ${data.length} queued accounts`,
    plot: {
      width: 560,
      height: 220,
      marginLeft: 64,
      marginRight: 80,
      x: { grid: true, label: 'accounts reviewed (rank)', tickFormat: ',.0f' },
      // A queue whose expected losses are all zero would give a degenerate axis with NaN ticks.
      y: {
        grid: true,
        label: withUnit('expected loss covered'),
        tickFormat: '~s',
        ...(flatDomain(data.map((d) => d.cumulative)) ? { domain: [0, 1] } : { zero: true }),
      },
      marks: [
        Plot.areaY(data, { x: 'rank', y: 'cumulative', fill: '#1f5fbf', fillOpacity: 0.15, curve: 'step-after' }),
        Plot.lineY(data, { x: 'rank', y: 'cumulative', stroke: '#1f5fbf', strokeWidth: 2, curve: 'step-after' }),
        Plot.ruleX(rules, { x: 'x', stroke: '#b42318', strokeDasharray: '4,3' }),
        Plot.text(rules, { x: 'x', text: 'label', frameAnchor: 'top', dx: 4, textAnchor: 'start', fill: '#b42318' }),
      ],
    },
  });
}
