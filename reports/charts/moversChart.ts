// Diverging bars of the merchants whose trust moved most since last week, labelled by shop name.
import * as Plot from '@observablehq/plot';
import type { SafeHtml } from '../html/escapeHtml.ts';
import type { MerchantMove } from '../reportData.ts';
import { renderChart } from './renderChart.ts';

function shortName(name: string): string {
  return name.length > 28 ? name.slice(0, 27) + '…' : name;
}

export function moversChart(id: string, fallers: readonly MerchantMove[], risers: readonly MerchantMove[]): SafeHtml {
  const data = [...fallers, ...[...risers].reverse()].map((m) => ({
    label: `${shortName(m.name)} (${m.merchantId})`,
    change: Math.round((m.trustNow - m.trustBefore) * 10) / 10,
  }));
  return renderChart({
    id,
    title: 'Trust change since last week',
    subtitle: 'Points of trust (0–100). Bars left of zero fell; right of zero rose.',
    alt: `Bar chart of trust change for ${data.length} merchants`,
    plot: {
      width: 620,
      height: Math.max(140, 22 * data.length + 40),
      marginLeft: 230,
      x: { grid: true, label: 'change in trust (points)', tickFormat: '+,.0f' },
      y: { label: null, domain: data.map((d) => d.label) },
      color: { domain: [-1, 1], range: ['#b42318', '#17753a'], type: 'ordinal' },
      marks: [
        Plot.barX(data, { y: 'label', x: 'change', fill: (d: { change: number }) => (d.change < 0 ? -1 : 1) }),
        Plot.ruleX([0]),
      ],
    },
  });
}
