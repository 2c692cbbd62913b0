// Builds the three notebooks against the sample export and opens each in headless Chromium: no network beyond
// localhost, no errors, charts drawn, inputs live.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { createLogger } from '../../data/log/Logger.ts';
import { exportForNotebooks } from '../../pipelines/export/exportForNotebooks.ts';
import { buildNotebooks, NOTEBOOKS } from '../../notebooks/buildNotebooks.ts';
import { buildSampleWarehouse, SAMPLE_AS_OF } from '../../notebooks/sample/sampleWarehouse.ts';
import { CHROMIUM_LAUNCH, runBrowserChecks } from '../support/chromium.ts';
import { serveStatic, type StaticServer } from './staticServer.ts';

const ARTIFACTS = join(import.meta.dirname, '..', 'artifacts', 'notebooks');

interface Visit {
  page: Page;
  consoleErrors: string[];
  external: string[];
}

describe.runIf(runBrowserChecks)('notebooks in a browser', () => {
  let work: string;
  let server: StaticServer;
  let context: BrowserContext;
  const visits = new Map<string, Visit>();

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'trustlens-notebooks-'));
    const wh = await Warehouse.open({ path: ':memory:' });
    try {
      await buildSampleWarehouse(wh);
      await exportForNotebooks(wh, SAMPLE_AS_OF, join(work, 'export'), createLogger({ verbosity: 'quiet' }), {
        reviewCapacity: 200,
        buyerHigh: 0.5,
      });
    } finally {
      wh.close();
    }
    await buildNotebooks({ dataDir: join(work, 'export'), outDir: join(work, 'dist') });
    server = await serveStatic(join(work, 'dist'));
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      ...CHROMIUM_LAUNCH,
      viewport: { width: 1100, height: 900 },
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function open(name: string): Promise<Visit> {
    const cached = visits.get(name);
    if (cached) return cached;
    const page = await context.newPage();
    const visit: Visit = { page, consoleErrors: [], external: [] };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') visit.consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => visit.consoleErrors.push(`pageerror: ${e.message}`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.origin + '/') || url.startsWith('data:')) return route.continue();
      visit.external.push(url);
      return route.abort();
    });
    await page.goto(`${server.origin}/${name}`);
    // Every cell has settled when none is pending or running any more.
    await page.waitForFunction(
      () =>
        document.querySelectorAll('.observablehq--running, .observablehq--pending').length === 0 &&
        document.querySelectorAll('svg').length > 0,
      null,
      { timeout: 20_000 },
    );
    await page.waitForLoadState('networkidle');
    visits.set(name, visit);
    return visit;
  }

  /** Sizes of the charts Plot drew (its SVGs carry the plot class; legends and icons are left out). */
  async function chartSizes(page: Page): Promise<{ width: number; height: number }[]> {
    return page
      .locator('svg[class^="plot"]')
      .evaluateAll((nodes) =>
        nodes.map((n) => ({ width: n.getBoundingClientRect().width, height: n.getBoundingClientRect().height })),
      );
  }

  const minCharts: Record<(typeof NOTEBOOKS)[number], number> = {
    'explore-features.html': 3,
    'investigate-buyer.html': 2,
    'policy-what-if.html': 3,
  };

  for (const name of NOTEBOOKS) {
    it(`${name} loads offline, without errors, and draws its charts`, async () => {
      const { page, consoleErrors, external } = await open(name);
      await page.screenshot({ path: join(ARTIFACTS, name.replace('.html', '.png')), fullPage: true });
      expect(external).toEqual([]);
      expect(server.missing).toEqual([]);
      expect(consoleErrors).toEqual([]);
      expect(await page.locator('.observablehq--error').allInnerTexts()).toEqual([]);
      const charts = await chartSizes(page);
      expect(charts.length).toBeGreaterThanOrEqual(minCharts[name]);
      for (const c of charts) expect(c.width * c.height).toBeGreaterThan(0);
      expect(await page.locator('main').innerText()).toContain(SAMPLE_AS_OF);
    });
  }

  it('investigate-buyer starts at the top of the queue and shows the ring that shares a device', async () => {
    const { page } = await open('investigate-buyer.html');
    const buyer = await page
      .locator('select')
      .first()
      .evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.textContent ?? '');
    expect(buyer).toMatch(/^#1 b\d{3}/);
    await page
      .locator('select')
      .first()
      .selectOption({
        label: (await page.locator('select option').allTextContents()).find((t) => t.includes('b001')) ?? '',
      });
    await expect.poll(() => page.locator('main').innerText()).toContain('dev-A');
    expect(await page.locator('[data-metric=group] .tl-kpi-value').innerText()).toBe('4 accounts');
  });

  it('investigate-buyer opens with the account of a risk-queue link (?buyer=<id>) selected', async () => {
    const { page, consoleErrors } = await open('investigate-buyer.html?buyer=b001');
    const selected = await page
      .locator('select')
      .first()
      .evaluate((s: HTMLSelectElement) => s.options[s.selectedIndex]?.textContent ?? '');
    expect(selected).toContain('b001');
    expect(selected).not.toMatch(/^#1 /); // not merely the default first choice
    await expect.poll(() => page.locator('main').innerText()).toContain('dev-A');
    expect(consoleErrors).toEqual([]);
  });

  it('policy-what-if recomputes when the threshold and capacity change', async () => {
    const { page, consoleErrors } = await open('policy-what-if.html');
    const figure = (key: string) => page.locator(`[data-metric=${key}] .tl-kpi-value`).innerText();
    const before = {
      stopped: await figure('abusive_stopped'),
      burdened: await figure('honest_burdened'),
      reviews: await figure('reviews_per_week'),
    };
    const threshold = page.locator('form').filter({ hasText: 'Risk threshold' }).locator('input[type=number]');
    await threshold.fill('0.9');
    await threshold.dispatchEvent('input');
    await expect.poll(() => figure('honest_burdened')).not.toBe(before.burdened);
    const capacity = page.locator('form').filter({ hasText: 'Reviews per week' }).locator('input[type=number]');
    await capacity.fill('1');
    await capacity.dispatchEvent('input');
    await expect.poll(() => figure('reviews_per_week')).not.toBe(before.reviews);
    expect(Number(await figure('reviews_per_week'))).toBeLessThanOrEqual(1);
    expect(await figure('abusive_stopped')).not.toBe(before.stopped);
    await page.screenshot({ path: join(ARTIFACTS, 'policy-what-if-tuned.png'), fullPage: true });
    expect(consoleErrors).toEqual([]);
  });
});
