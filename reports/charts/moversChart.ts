// Diverging bars of the merchants whose trust moved most since last week, labelled by shop name.
import * as Plot from '@observablehq/plot';
import { showBidiControls, type SafeHtml } from '../html/escapeHtml.ts';
import type { MerchantMove } from '../reportData.ts';
import { labelMargin, shorten } from './axes.ts';
import { renderChart } from './renderChart.ts';

export function moversChart(id: string, fallers: readonly MerchantMove[], risers: readonly MerchantMove[]): SafeHtml {
  const data = [...fallers, ...[...risers].reverse()].map((m) => ({
    // Markers before measuring: the margin fits the label as shown.
    label: showBidiControls(`${shorten(m.name, 26)} (${m.merchantId})`),
    change: Math.round((m.trustNow - m.trustBefore) * 10) / 10,
  }));
  // The margin follows the longest label, so no shop name is cut off at the left edge.
  const marginLeft = labelMargin(
    data.map((d) => d.label),
    80,
    360,
  );
  const extent = Math.max(1, ...data.map((d) => Math.abs(d.change)));
  return renderChart({
    id,
    title: 'Trust change since last week',
    subtitle: 'Points of trust (0–100). Bars left of zero fell; right of zero rose.',
    alt: `Bar chart of trust change for ${data.length} merchants`,
    plot: {
      width: Math.max(620, marginLeft + 400),
      height: Math.max(140, 22 * data.length + 50),
      marginLeft,
      marginRight: 30,
      x: { grid: true, label: 'change in trust (points)', tickFormat: '+,.0f', domain: [-extent, extent], nice: true },
      y: { label: null, domain: data.map((d) => d.label) },
      color: { domain: [-1, 1], range: ['#b42318', '#17753a'], type: 'ordinal' },
      marks: [
        Plot.barX(data, { y: 'label', x: 'change', fill: (d: { change: number }) => (d.change < 0 ? -1 : 1) }),
        Plot.ruleX([0]),
      ],
    },
  });
}
