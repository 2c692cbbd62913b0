// Looked at, not only asserted: every page at 1,400 and 390 px in Chromium — chart text inside its SVG, no NaN,
// distinct ticks, ids on one line, cells that fit, no overlapping blocks.
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildReports } from '../../reports/buildReports.ts';
import { REPORT_FILES } from '../../reports/renderReports.ts';
import type { ReportData } from '../../reports/reportData.ts';
import { CHROMIUM_LAUNCH, runBrowserChecks } from '../support/chromium.ts';
import {
  emptyReportData,
  fixtureReportData,
  futureWeekReportData,
  HOSTILE,
  noRefundsReportData,
  XSS,
} from './fixture/reportFixture.ts';

const ARTIFACTS = resolve('test/artifacts/reports-layout');
const PAGES = REPORT_FILES.filter((f) => f.endsWith('.html'));
const WIDTHS = [1400, 390];
const VARIANTS: Record<string, () => ReportData> = {
  fixture: () => fixtureReportData(),
  xss: () => fixtureReportData({ xss: true }),
  empty: () => emptyReportData(),
  future: () => futureWeekReportData(),
  'no-refunds': () => noRefundsReportData(),
  hostile: () => fixtureReportData({ hostile: true }),
};

/**
 * A report folder written by a real run (e.g. `TRUSTLENS_LAYOUT_DIR=reports/out/2026-11-02`): checked too, as the
 * `report` variant, for what only real data shows (long feature names, 200 queued accounts).
 */
const REAL_DIR = process.env.TRUSTLENS_LAYOUT_DIR;

/** Runs in the page: every problem found, as readable lines. */
function layoutProblems(): string[] {
  const out: string[] = [];
  const where = (e: Element) =>
    `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.split(' ')[0]}` : ''} "${(e.textContent ?? '').trim().slice(0, 40)}"`;
  // Chart text: inside the box of its own SVG, and never NaN.
  for (const t of Array.from(document.querySelectorAll('svg text'))) {
    const svg = (t as SVGTextElement).ownerSVGElement;
    if (!svg || (t.textContent ?? '').trim() === '') continue;
    const a = t.getBoundingClientRect();
    const b = svg.getBoundingClientRect();
    if (a.left < b.left - 1 || a.right > b.right + 1 || a.top < b.top - 1 || a.bottom > b.bottom + 1)
      out.push(`chart text outside its svg: ${where(t)} in ${where(svg.closest('figure') ?? svg)}`);
  }
  if (
    /\bNaN\b/.test(document.body.innerText) ||
    Array.from(document.querySelectorAll('svg text')).some((t) => /NaN/.test(t.textContent ?? ''))
  )
    out.push('text reads NaN');
  // Ticks of one axis read differently.
  for (const g of Array.from(document.querySelectorAll('g[aria-label$="tick label"]'))) {
    const labels = Array.from(g.querySelectorAll('text')).map((t) => t.textContent ?? '');
    if (new Set(labels).size !== labels.length)
      out.push(`repeated ticks ${JSON.stringify(labels)} in ${where(g.closest('figure') ?? g)}`);
  }
  // Ids stay on one line (but for one longer than any real id, .id-long, which wraps rather than widen its table), and
  // no cell's content spills out of it.
  for (const e of Array.from(document.querySelectorAll('.id:not(.id-long)'))) {
    // The line boxes of the id's own text: more than one top means it broke across lines.
    const lines = new Set<number>();
    const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of Array.from(range.getClientRects())) if (r.width > 0) lines.add(Math.round(r.top));
    }
    if (lines.size > 1) out.push(`id wraps: ${where(e)}`);
  }
  for (const td of Array.from(document.querySelectorAll('td, th'))) {
    if (td.scrollWidth > td.clientWidth + 1)
      out.push(`cell overflows: ${where(td)} (${td.scrollWidth} > ${td.clientWidth})`);
  }
  // At desktop width every table fits its column: a sideways scroll there hides columns nobody scrolls to.
  if (window.innerWidth >= 1200) {
    for (const w of Array.from(document.querySelectorAll('.table-wrap'))) {
      if (w.scrollWidth > w.clientWidth + 1)
        out.push(`table scrolls sideways at ${window.innerWidth} px: ${where(w.querySelector('th, td') ?? w)}`);
    }
  }
  // Sibling blocks never overlap.
  const parents = document.querySelectorAll('main, section, .charts, .kpis, .cards, .scenario-list, figure.chart');
  for (const p of Array.from(parents)) {
    const kids = Array.from(p.children).filter(
      (k) => getComputedStyle(k).display !== 'none' && !(k as HTMLElement).hidden,
    );
    const rects = kids.map((k) => k.getBoundingClientRect());
    for (let i = 0; i < kids.length; i++) {
      for (let j = i + 1; j < kids.length; j++) {
        const a = rects[i]!;
        const b = rects[j]!;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1 && a.width > 0 && b.width > 0)
          out.push(`overlap: ${where(kids[i]!)} and ${where(kids[j]!)}`);
      }
    }
  }
  return out;
}

describe.runIf(runBrowserChecks)('report pages as Chromium shows them', () => {
  let browser: Browser;
  const dirs: Record<string, string> = {};

  beforeAll(async () => {
    rmSync(ARTIFACTS, { recursive: true, force: true });
    mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
    for (const [name, make] of Object.entries(VARIANTS)) dirs[name] = buildReports(make(), join(ARTIFACTS, name)).dir;
    if (REAL_DIR) dirs.report = resolve(REAL_DIR);
    browser = await chromium.launch(CHROMIUM_LAUNCH);
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(variant: string, file: string, width: number): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(dirs[variant] as string, file)).href, { waitUntil: 'load' });
    return page;
  }

  for (const variant of [...Object.keys(VARIANTS), ...(REAL_DIR ? ['report'] : [])]) {
    for (const width of WIDTHS) {
      it.each(PAGES)(
        `${variant} at ${width} px: %s has chart text inside its SVG, no NaN, distinct ticks, unbroken ids, fitting cells, no overlaps`,
        async (file) => {
          const page = await open(variant, file, width);
          try {
            // The xss and hostile variants too: their long ids and names wrap rather than push a table wider.
            expect(await page.evaluate(layoutProblems)).toEqual([]);
            // Screenshots to look at (test/artifacts/reports-layout/screenshots/); only two variants, as full pages are
            // slow to capture.
            if (variant === 'fixture' || variant === 'future') {
              await page.screenshot({
                path: join(ARTIFACTS, 'screenshots', `${variant}-${file.replace('.html', '')}-${width}.png`),
                fullPage: true,
                timeout: 120_000,
              });
            }
          } finally {
            await page.context().close();
          }
        },
      );
    }
  }

  it('catches each problem it looks for (a page built to fail every check)', async () => {
    const page = await (await browser.newContext({ viewport: { width: 400, height: 600 } })).newPage();
    try {
      await page.setContent(`<main>
        <figure class="chart"><svg width="100" height="40"><text x="90" y="20">cut off label</text><g aria-label="x-axis tick label"><text x="5" y="35">0.001</text><text x="40" y="35">0.001</text></g></svg></figure>
        <p>NaN</p>
        <div style="margin-top:-40px;height:30px">pulled up over the paragraph</div>
        <table><tr><td style="max-width:40px;overflow:hidden"><span style="white-space:nowrap">overflowing-cell-content</span></td><td style="width:30px"><span class="id" style="white-space:normal">b00 106 34</span></td></tr></table>
      </main>`);
      const problems = await page.evaluate(layoutProblems);
      expect(problems.some((p) => p.startsWith('chart text outside its svg'))).toBe(true);
      expect(problems).toContain('text reads NaN');
      expect(problems.some((p) => p.startsWith('repeated ticks'))).toBe(true);
      expect(problems.some((p) => p.startsWith('id wraps'))).toBe(true);
      expect(problems.some((p) => p.startsWith('cell overflows'))).toBe(true);
      expect(problems.some((p) => p.startsWith('overlap'))).toBe(true);
    } finally {
      await page.context().close();
    }
    const wide = await (await browser.newContext({ viewport: { width: 1400, height: 600 } })).newPage();
    try {
      await wide.setContent(
        `<main><div class="table-wrap" style="width:200px;overflow-x:auto"><table><tr><td style="white-space:nowrap">a column pushed out of view at desktop width</td></tr></table></div></main>`,
      );
      expect((await wide.evaluate(layoutProblems)).some((p) => p.startsWith('table scrolls sideways'))).toBe(true);
    } finally {
      await wide.context().close();
    }
  });

  it('filters the queue by tier and finds an account by id, with the script its policy allows', async () => {
    const page = await open('fixture', 'risk-queue.html', 1400);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.reload();
      expect(await page.locator('#queue-controls').isVisible()).toBe(true);
      const visible = () =>
        page.$$eval('#queue-table tbody tr[data-buyer]', (rows) =>
          rows.filter((r) => !(r as HTMLElement).hidden).map((r) => r.getAttribute('data-buyer')),
        );
      expect(await visible()).toHaveLength(24);
      await page.selectOption('#queue-tier', 'elevated');
      const elevated = await visible();
      expect(elevated.length).toBeGreaterThan(0);
      expect(
        await page.$$eval('#queue-table tbody tr:not([hidden])', (rows) =>
          rows.every((r) => r.getAttribute('data-tier') === 'elevated'),
        ),
      ).toBe(true);
      await page.selectOption('#queue-tier', '');
      await page.fill('#queue-search', 'b1007');
      expect(await visible()).toEqual(['b1007']);
      expect(await page.locator('#queue-count').textContent()).toBe('1 of 24 accounts');
      expect(errors).toEqual([]);
      // Each account has an anchor and a notebook link with it selected.
      expect(await page.locator('tr#buyer-b1007 a.investigate').getAttribute('href')).toBe(
        'http://localhost:4173/investigate-buyer.html?buyer=b1007',
      );
    } finally {
      await page.context().close();
    }
  });

  // The hostile tester's inputs (F8): a 3,000-letter shop name turned the suspension table into a 20,000 px scroller, a
  // 51-character buyer id pushed "Linked accounts" off the page, and "\u202Egpj.exe\u202C" read "exe.jpg".
  it.each(['merchant-operations.html', 'risk-queue.html'])(
    'hostile ids and names at 1,400 px: %s has no table wider than the page, every column on screen',
    async (file) => {
      const page = await open('hostile', file, 1400);
      try {
        const m = await page.evaluate(() => ({
          page: document.documentElement.scrollWidth,
          tables: Array.from(document.querySelectorAll('table.data')).map((t) => {
            const wrap = t.closest('.table-wrap')!;
            const right = Math.max(
              ...Array.from(t.querySelectorAll('th')).map((th) => th.getBoundingClientRect().right),
            );
            return { table: t.getBoundingClientRect().width, wrap: wrap.clientWidth, scroll: wrap.scrollWidth, right };
          }),
        }));
        expect(m.page).toBeLessThanOrEqual(1400);
        expect(m.tables.length).toBeGreaterThan(0);
        for (const t of m.tables) {
          expect(t.table).toBeLessThanOrEqual(t.wrap + 1);
          expect(t.scroll).toBeLessThanOrEqual(t.wrap + 1);
          expect(t.right).toBeLessThanOrEqual(1400);
        }
        // The long ones are really there, wrapped rather than cut.
        const text = await page.locator('main').innerText();
        expect(text.replace(/\s/g, '')).toContain(file === 'risk-queue.html' ? HOSTILE.longId : HOSTILE.longName);
      } finally {
        await page.context().close();
      }
    },
  );

  it('shows a right-to-left override inside an id or name as a marker, isolated, in the order the data holds', async () => {
    const page = await open('hostile', 'risk-queue.html', 1400);
    try {
      expect(await page.content()).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200E\u200F]/);
      const id = page.locator('#queue-table td.buyer bdi.id', { hasText: 'gpj.exe' });
      expect(await id.innerText()).toBe('⟨U+202E⟩gpj.exe⟨U+202C⟩ 🚀买家');
      expect(await id.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
      expect(await id.locator('.bidi-control').first().getAttribute('title')).toContain('right-to-left override');
      // On screen, left to right: the marker, then g-p-j, then e-x-e (reversed, "exe.jpg" would put e first).
      const lefts = await id.evaluate((e) => {
        const node = Array.from(e.childNodes).find(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('gpj'),
        )!;
        const at = (i: number) => {
          const r = document.createRange();
          r.setStart(node, i);
          r.setEnd(node, i + 1);
          return r.getBoundingClientRect().left;
        };
        const s = node.textContent!;
        return {
          marker: e.querySelector('.bidi-control')!.getBoundingClientRect().left,
          g: at(s.indexOf('g')),
          j: at(s.indexOf('j')),
          e: at(s.indexOf('e')),
        };
      });
      expect(lefts.marker).toBeLessThan(lefts.g);
      expect(lefts.g).toBeLessThan(lefts.j);
      expect(lefts.j).toBeLessThan(lefts.e);
    } finally {
      await page.context().close();
    }
    const ops = await open('hostile', 'merchant-operations.html', 1400);
    try {
      const name = ops.locator('bdi.data', { hasText: 'evil' }).first();
      expect(await name.innerText()).toBe('⟨U+202E⟩ evil 商店');
      expect(await name.evaluate((e) => getComputedStyle(e).unicodeBidi)).toBe('isolate');
      // Its neighbour, the merchant id on the next line, is untouched; and "evil" reads left to right.
      const order = await name.evaluate((e) => {
        const node = Array.from(e.childNodes).find(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes('evil'),
        )!;
        const s = node.textContent!;
        return ['e', 'v', 'i', 'l'].map((c) => {
          const r = document.createRange();
          r.setStart(node, s.indexOf(c));
          r.setEnd(node, s.indexOf(c) + 1);
          return r.getBoundingClientRect().left;
        });
      });
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    } finally {
      await ops.context().close();
    }
  });

  it('keeps planted payloads inert on the queue page while its script runs', async () => {
    const page = await open('xss', 'risk-queue.html', 1400);
    try {
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      await page.fill('#queue-search', '<img');
      expect(await page.locator('#queue-count').textContent()).toBe('1 of 24 accounts');
      expect(await page.locator('body').innerText()).toContain(XSS.img);
    } finally {
      await page.context().close();
    }
  });
});
