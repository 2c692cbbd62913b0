// Report pages as files: snapshots per page section (styles left out, charts summarised) from the literal fixture, the
// empty
// (first-run) fixture and the tiny warehouse; stylesheet, escaping and CSP checked on the whole strings.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReports } from '../../reports/buildReports.ts';
import { CONTENT_SECURITY_POLICY } from '../../reports/html/page.ts';
import { QUEUE_SCRIPT } from '../../reports/pages/riskQueue.ts';
import { loadReportData } from '../../reports/loadReportData.ts';
import { REPORT_FILES, renderReports } from '../../reports/renderReports.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { emptyReportData, fixtureReportData, HOSTILE, XSS } from './fixture/reportFixture.ts';
import { openFixtureWarehouse, WH_AS_OF, writeFixtureArtifacts } from './fixture/fixtureWarehouse.ts';
import { pageSections, styleBlocks } from './pageSections.ts';

const HTML_FILES = REPORT_FILES.filter((f) => f.endsWith('.html'));
const STYLESHEET = readFileSync(new URL('../../reports/html/styles.css', import.meta.url), 'utf8');

/** One snapshot test per section of every page, named like `weekly-trust.html section#trends`. */
function snapshotSections(pages: Record<string, string>): void {
  for (const page of HTML_FILES) {
    for (const section of pageSections(pages[page]!)) {
      it(`${page} ${section.name} matches its snapshot`, () => {
        expect(section.html).toMatchSnapshot();
      });
    }
  }
}

function expectSafe(htmlText: string): void {
  // The one script a page may carry is the queue's own filter, allowed by its hash; any other <script> is a payload.
  const scripts = [...htmlText.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
  expect(scripts.every((s) => s === QUEUE_SCRIPT)).toBe(true);
  htmlText = htmlText.replace(/<script>[\s\S]*?<\/script>/, '').replace(/; script-src &#39;sha256-[^&]+&#39;/, '');
  // A payload only runs as markup: a tag it opened, or an event-handler attribute on a tag. Quotes inside text nodes
  // are harmless.
  expect(htmlText).not.toMatch(/<script\b/i);
  expect(htmlText).not.toMatch(/<img\b/i);
  expect(htmlText).not.toMatch(/<svg\b[^>]*\sonload/i);
  // Quoted attribute values are inert (their quotes are escaped), so only the markup outside them is searched for
  // handlers.
  expect(htmlText.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^<>]*\son[a-z]+\s*=/i);
  expect(htmlText).toContain(
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;')}">`,
  );
}

describe('fixture report', () => {
  const files = renderReports(fixtureReportData());
  snapshotSections(files);

  it('inlines the one stylesheet, unchanged, first in every page', () => {
    for (const file of HTML_FILES) {
      expect(styleBlocks(files[file]!)[0], file).toBe(STYLESHEET);
      expect(files[file]!.split(STYLESHEET), file).toHaveLength(2);
    }
  });

  it('renders the same bytes twice (no random ids, no clock)', () => {
    expect(renderReports(fixtureReportData())).toEqual(files);
  });

  it('puts every chart in a figure.chart with an SVG that declares its namespace', () => {
    const weekly = files['weekly-trust.html'];
    expect(weekly.match(/<figure class="chart"/g)).toHaveLength(7);
    expect(weekly.match(/<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/g)?.length).toBeGreaterThanOrEqual(7);
  });

  it('writes the CSV with a BOM, a header and one row per queued account', () => {
    const csv = files['risk-queue.csv'];
    expect(csv.startsWith('\uFEFF"rank","buyer_id","risk","tier","expected_loss"')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(25);
  });
});

describe('report with XSS payloads in names, reasons, ids, scenarios and features', () => {
  const files = renderReports(fixtureReportData({ xss: true }));
  it.each(HTML_FILES)('%s shows payloads only as escaped text', (file) => {
    expectSafe(files[file]);
  });

  it('escapes payloads in text and inside chart labels', () => {
    expect(files['weekly-trust.html']).toContain('Shop &lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(files['risk-queue.html']).toContain('&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;');
    expect(files['policy-impact.html']).toContain('&lt;script&gt;window.__xss=1&lt;/script&gt;');
  });

  it('defuses the payloads in the CSV as text, never as formulas', () => {
    expect(files['risk-queue.csv']).toContain(`"${XSS.img.replaceAll('"', '""')}"`);
  });
});

describe('report with a hostile export’s ids and names: 3,000 letters, 51 characters, a right-to-left override', () => {
  const files = renderReports(fixtureReportData({ hostile: true }));
  const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

  it.each(HTML_FILES)('%s carries no bidi control, charts included: each shows as its marker', (file) => {
    expect(files[file]).not.toMatch(BIDI);
  });

  it('isolates each id and name in a <bdi>, the override a visible marker inside it', () => {
    const marker = (c: string) =>
      `<span class="bidi-control" title="hidden in the data: ${c}">⟨U+${c === 'right-to-left override' ? '202E' : '202C'}⟩</span>`;
    const rlo = marker('right-to-left override');
    const pdf = marker('pop directional formatting');
    expect(files['risk-queue.html']).toContain(
      `<a class="buyer-link" href="#buyer-⟨U+202E⟩gpj.exe⟨U+202C⟩ 🚀买家"><bdi class="id id-long">${rlo}gpj.exe${pdf} 🚀买家</bdi></a>`,
    );
    expect(files['risk-queue.html']).toContain(`<bdi class="id id-long">${HOSTILE.longId}</bdi>`);
    expect(files['risk-queue.html']).toContain(`<bdi class="id">${HOSTILE.uuid}</bdi>`);
    expect(files['merchant-operations.html']).toContain(`<bdi class="data">${rlo} evil 商店</bdi>`);
    expect(files['merchant-operations.html']).toContain(`<bdi class="data">${HOSTILE.longName}</bdi>`);
    expect(files['weekly-trust.html']).toContain(`<bdi class="data">${HOSTILE.longName}</bdi>`);
  });

  it('keeps the ids as the data holds them in the CSV', () => {
    expect(files['risk-queue.csv']).toContain(`"${HOSTILE.rloId}"`);
    expect(files['risk-queue.csv']).toContain(`"${HOSTILE.longId}"`);
  });
});

describe('first run: no scores, simulation or models yet', () => {
  const files = renderReports(emptyReportData());
  snapshotSections(files);

  it('says what to run instead of failing', () => {
    expect(files['policy-impact.html']).toContain('no simulation results for this week');
    expect(files['policy-impact.html']).toContain('trustlens simulate --as-of 2026-11-02');
    expect(files['risk-queue.html']).toContain('trustlens score --as-of 2026-11-02');
    expect(files['model-card.html']).toContain('no abuse-risk model artifact on or before 2026-11-02');
    expect(files['model-card.html']).toContain('key metrics.rows: got &quot;x&quot;; expected number');
  });
});

describe('report built from the tiny warehouse', async () => {
  const wh: Warehouse = await openFixtureWarehouse();
  const artifactsDir = mkdtempSync(join(tmpdir(), 'trustlens-report-artifacts-'));
  const outDir = mkdtempSync(join(tmpdir(), 'trustlens-report-out-'));
  afterAll(() => {
    wh.close();
    rmSync(artifactsDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });
  writeFixtureArtifacts(artifactsDir);
  const data = await loadReportData(wh, WH_AS_OF, { trendWeeks: 4, movers: 10, reviewCapacity: 1, artifactsDir });
  const built = buildReports(data, join(outDir, WH_AS_OF));
  const pages = Object.fromEntries(
    HTML_FILES.map((f) => [f, readFileSync(join(built.dir, f), 'utf8').replaceAll(artifactsDir, '<artifacts>')]),
  );

  it('writes every file, each page escaped and under the CSP', () => {
    expect(built.files.map((f) => f.slice(built.dir.length + 1))).toEqual([...REPORT_FILES]);
    for (const file of HTML_FILES) expectSafe(pages[file]!);
  });

  snapshotSections(pages);

  it('replaces an existing report folder whole', () => {
    const dir = join(outDir, 'again');
    buildReports(emptyReportData(), dir);
    buildReports(data, dir);
    expect(readFileSync(join(dir, 'risk-queue.csv'), 'utf8')).toContain('"b1"');
  });
});
