// Charts on awkward data: no NaN on empty or all-zero axes, distinct ticks on tiny ranges, noisy calibration bins
// marked.
import { describe, expect, it } from 'vitest';
import { distinctTickFormat, flatDomain, labelMargin, textWidth } from '../../reports/charts/axes.ts';
import { barRankChart } from '../../reports/charts/barRankChart.ts';
import { calibrationChart, SPARSE_BIN_ROWS } from '../../reports/charts/modelCurves.ts';
import { trendChart } from '../../reports/charts/trendChart.ts';
import type { ModelMetrics } from '../../models/artifactSchema.ts';

/** The texts a rendered chart shows (tick labels, titles), in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
const tickLabels = (svg: string, axis: 'x' | 'y') => {
  const g = new RegExp(`<g aria-label="${axis}-axis tick label"[\\s\\S]*?</g>`).exec(svg)?.[0] ?? '';
  return texts(g);
};

describe('axes', () => {
  it('gives a flat 0–1 domain to values that are all zero or missing, and leaves real ranges to the scale', () => {
    expect(flatDomain([])).toEqual([0, 1]);
    expect(flatDomain([0, null, 0])).toEqual([0, 1]);
    expect(flatDomain([0, 0.002])).toBeUndefined();
  });

  it('formats ticks of tiny ranges with enough decimals to tell them apart', () => {
    const f = distinctTickFormat(0.004, { count: 5 });
    // d3 may space five ticks over 0.004 by 0.0005 or 0.001: either way no two read alike.
    const labels = [0, 0.0005, 0.001, 0.0015, 0.002, 0.003, 0.004].map(f);
    expect(new Set(labels).size).toBe(labels.length);
    expect(f(0.002)).toBe('0.0020');
    expect(distinctTickFormat(0.5, { count: 5, percent: true })(0.1)).toBe('10%');
  });

  it('leaves room for the longest label, wide characters counted wide', () => {
    expect(textWidth('鲜果坊')).toBeGreaterThan(textWidth('abc') * 1.5);
    expect(labelMargin(['鲜果坊 Fresh Fruit (m0017)'])).toBeGreaterThanOrEqual(textWidth('鲜果坊 Fresh Fruit (m0017)'));
  });
});

describe('charts on awkward data', () => {
  it('draws a trend of weeks without values with readable ticks and says so', () => {
    const svg = trendChart({
      id: 't',
      title: 'Estimated abuse loss',
      points: ['2026-10-19', '2026-10-26', '2026-11-02'].map((weekEnd) => ({ weekEnd, value: null })),
      tickFormat: '~s',
    }).html;
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('No values in these weeks.');
    expect(tickLabels(svg, 'y').length).toBeGreaterThan(1);
  });

  it('gives importance bars of small values distinct ticks', () => {
    const svg = barRankChart({
      id: 'b',
      title: 'TreeSHAP',
      bars: [
        { label: 'a', value: 0.0031 },
        { label: 'b', value: 0.0012 },
      ],
      xLabel: 'mean |SHAP|',
      xFormat: '.2~f',
    }).html;
    const ticks = tickLabels(svg, 'x');
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
  });

  it('marks calibration bins with too few rows hollow, keeps them off the line, and says how many', () => {
    const metrics: ModelMetrics = {
      rows: 1000,
      positives: 40,
      rocAuc: 0.9,
      prAuc: 0.5,
      k: 50,
      precisionAtK: 0.5,
      recallAtK: 0.5,
      brier: 0.05,
      calibration: [
        { lo: 0, hi: 0.1, predicted: 0.02, observed: 0.02, count: 900 },
        { lo: 0.1, hi: 0.2, predicted: 0.15, observed: 0.14, count: 80 },
        { lo: 0.8, hi: 0.9, predicted: 0.85, observed: 0, count: SPARSE_BIN_ROWS - 27 },
      ],
      prCurve: [],
    };
    const html = calibrationChart('c', metrics).html;
    expect(html).toContain('Hollow dots: 1 bin with fewer than 30 rows');
    expect(html).toContain('3 bins, 1 of them sparse');
    expect(html).not.toContain('NaN');
  });
});
