// The section snapshots drop styles and summarise charts, yet still change when a section's text or a chart's data
// does.
import { describe, expect, it } from 'vitest';
import { renderReports } from '../../reports/renderReports.ts';
import { fixtureReportData } from './fixture/reportFixture.ts';
import { pageSections, svgPlaceholder } from './pageSections.ts';

const chart = (barHeight: string, tick = '10k') =>
  `<svg class="plot-1a2b3c" width="380" height="170" viewBox="0 0 380 170" role="img" aria-label="Orders per week"><style>.plot-1a2b3c { display: block }</style>` +
  `<g aria-label="y-axis tick label"><text y="0.3em" transform="translate(56,140)">0k</text><text y="0.3em" transform="translate(56,30)">${tick}</text></g>` +
  `<g aria-label="bar" fill="#1f5fbf"><rect x="60" y="40" width="20" height="${barHeight}"></rect><rect x="90" y="70" width="20" height="70"></rect></g></svg>`;

const page = (main: string) =>
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>t</title>\n<style>body { color: red }</style>\n</head>\n<body>\n' +
  '<header class="site">\n<nav aria-label="Reports"><a href="index.html">Overview</a></nav>\n</header>\n' +
  `<main>\n<h1>Weekly</h1>\n${main}\n</main>\n<footer>Generated</footer>\n</body>\n</html>\n`;

describe('pageSections', () => {
  it('cuts a page at head, site header, main intro, each top-level section and footer; nested sections stay inside', () => {
    const sections = pageSections(
      page(
        '<p class="lede">For leadership.</p><section id="a"><h2>A</h2><section id="inner"><p>x</p></section></section><section id="b"><h2>B</h2></section>',
      ),
    );
    expect(sections).toEqual([
      { name: 'head', html: '<!DOCTYPE html>\n<html lang="en">\n<head>\n<title>t</title>\n\n</head>\n<body>' },
      {
        name: 'header',
        html: '<header class="site">\n<nav aria-label="Reports"><a href="index.html">Overview</a></nav>\n</header>',
      },
      { name: 'main', html: '<main>\n<h1>Weekly</h1>\n<p class="lede">For leadership.</p>' },
      { name: 'section#a', html: '<section id="a">\n<h2>A</h2>\n<section id="inner">\n<p>x</p></section></section>' },
      { name: 'section#b', html: '<section id="b">\n<h2>B</h2></section>' },
      { name: 'footer', html: '</main>\n<footer>Generated</footer>\n</body>\n</html>' },
    ]);
  });

  it('summarises a chart by size, name, marks with a geometry fingerprint, and its texts', () => {
    const summary = svgPlaceholder(chart('100'));
    expect(summary).toMatch(
      /^<svg width="380" height="170" role="img" aria-label="Orders per week">\nmarks: y-axis tick label ×2, bar ×2 #[0-9a-f]{8}\ntexts \(2\): 0k \| 10k\n<\/svg>$/,
    );
    expect(summary).not.toContain('display: block');
  });

  it('changes when a mark moves by a pixel or a text changes, not for sub-pixel noise', () => {
    const base = svgPlaceholder(chart('100'));
    expect(svgPlaceholder(chart('101'))).not.toBe(base);
    expect(svgPlaceholder(chart('100', '12k'))).not.toBe(base);
    expect(svgPlaceholder(chart('100.0001'))).toBe(base);
  });

  it('keeps a legend swatch as its size and colour', () => {
    expect(
      svgPlaceholder('<svg width="15" height="15" fill="#2a9d5b"><rect width="100%" height="100%"></rect></svg>'),
    ).toBe('<svg width="15" height="15" fill="#2a9d5b"></svg>');
  });

  it('shows a changed week of the fixture in the sections that report it, and only there', () => {
    const name = (s: { name: string }) => s.name;
    const before = pageSections(renderReports(fixtureReportData())['weekly-trust.html']);
    const data = fixtureReportData();
    data.weekly.trend[3] = { ...data.weekly.trend[3]!, orders: data.weekly.trend[3]!.orders + 400 };
    const after = pageSections(renderReports(data)['weekly-trust.html']);
    expect(after.map(name)).toEqual(before.map(name));
    // A week of the trend only: the orders chart moves, the headline numbers (this and last week) do not.
    expect(after.filter((s, i) => s.html !== before[i]!.html).map(name)).toEqual(['section#trends']);
  });
});
