// merchant-operations.html, its three CSV exports and the weekly page's compensation, from literal data and from a
// governed warehouse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../data/config/configSchema.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { governWeek } from '../../pipelines/govern/governWeek.ts';
import { loadCompensationTrend, loadMerchantOps } from '../../reports/load/loadMerchantOps.ts';
import { renderMerchantOperations } from '../../reports/pages/merchantOperations.ts';
import { compensationCsv, merchantActionsCsv, spotChecksCsv } from '../../reports/pages/merchantOpsCsv.ts';
import { renderWeeklyTrust } from '../../reports/pages/weeklyTrust.ts';
import { AS_OF as GOV_AS_OF } from '../pipelines/govern/fixtures/governMarketplace.ts';
import { governWarehouse } from '../pipelines/govern/fixtures/governWarehouse.ts';
import { compensationTrendFixture, merchantOpsFixture } from './fixture/merchantOpsFixture.ts';
import { fixtureReportData, XSS } from './fixture/reportFixture.ts';
import { pageSections } from './pageSections.ts';

const csvLines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

describe('merchant-operations.html from literal data', () => {
  const page = renderMerchantOperations(merchantOpsFixture());

  for (const section of pageSections(page)) {
    it(`${section.name} matches its snapshot`, () => {
      expect(section.html).toMatchSnapshot();
    });
  }

  it('counts merchants past a limit only within chance in their own column, shown only when a scorecard has any', () => {
    expect(page).toContain('>Within chance</th>');
    const judgedOnValues = merchantOpsFixture();
    judgedOnValues.standards = judgedOnValues.standards!.map((r) => ({ ...r, withinChance: 0 }));
    expect(renderMerchantOperations(judgedOnValues)).not.toContain('Within chance');
  });

  it('lists the week’s actions by level, strongest first, with their reasons and the rectification deadline', () => {
    const order = ['closure (1)', 'suspension (1)', 'rectification with a deadline (1)', 'warning (1)'].map((c) =>
      page.indexOf(`<caption>${c}</caption>`),
    );
    expect(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(page).toContain('fix by 2026-11-16');
    expect(page).toContain(
      '7-day no-reason returns refused: 3 of 4 decided 7-day no-reason returns refused or left to the auto-refund (75%',
    );
    expect(page).toContain('+1 earlier (see merchant-actions.csv)');
  });

  it('shows escalations since last week and merchants that came down', () => {
    expect(page).toContain('<caption>Escalated (3)</caption>');
    expect(page).toContain('▲ from point deduction');
    expect(page).toContain('<caption>Came down (1): points expired</caption>');
  });

  it('shows the spot-check design, each merchant’s inclusion probability and weight, and the estimator', () => {
    expect(page).toContain(
      '2 drawn with probability proportional to risk, 2 uniformly from the other 960 of 962 active merchants',
    );
    expect(page).toMatch(/<td class="num">0\.319<\/td><td class="num">3\.1<\/td>/);
    expect(page).toContain('(1/N) Σ y / π');
  });

  it('shows each standard’s pass rate by category with its limit and minimum cases', () => {
    expect(page).toContain('Ticket first answer (median)<br><span class="muted">≤ 8.0 h, at least 3 cases</span>');
    expect(page).toContain('Tickets resolved<br><span class="muted">≥ 50%, at least 2 cases</span>');
    expect(page).toContain('90%<br><span class="muted">of 20</span>');
  });

  it('shows this week’s ledger, not earlier weeks', () => {
    expect(page).toContain('310.50');
    expect(page).toContain('842.10');
    expect(page).not.toContain('531.60');
  });

  it('shows at most 50 merchants per level and points to the CSV for the rest', () => {
    const d = merchantOpsFixture();
    const warning = d.actions!.find((a) => a.action === 'warning')!;
    const many = Array.from({ length: 60 }, (_, i) => ({
      ...warning,
      merchantId: `m9${String(i).padStart(4, '0')}`,
      change: 'unchanged',
    }));
    const big = renderMerchantOperations({ ...d, actions: [...d.actions!, ...many] });
    expect(big).toContain('<caption>warning (61)</caption>');
    expect(big).toContain('11 more in merchant-actions.csv.');
    expect(big).not.toContain('m90059');
  });

  it('says what to run when the govern stage has not run for the week', () => {
    const empty = renderMerchantOperations({
      asOf: '2026-11-02',
      actions: null,
      spotChecks: null,
      standards: null,
      ledger: null,
    });
    expect(empty).toContain('no merchant governance for this week');
    expect(empty).toContain('trustlens govern --as-of 2026-11-02');
  });

  it('escapes every merchant name, violation and request id', () => {
    const xss = renderMerchantOperations(merchantOpsFixture({ xss: true }));
    expect(xss).not.toMatch(/<script\b|<img\b|<svg\b/i);
    expect(xss).toContain('Shop &lt;script&gt;window.__xss=1&lt;/script&gt;');
    expect(xss).toContain('&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;');
  });
});

describe('merchant-operations CSV exports', () => {
  const data = merchantOpsFixture({ xss: true });

  it('actions: one row per merchant with an action, violations joined with " | ", UTF-8 BOM and CRLF', () => {
    const csv = merchantActionsCsv(data);
    expect(
      csv.startsWith(
        '\uFEFF"merchant_id","name","category","action","previous_action","change","points_this_week","points_active","deadline","violations"\r\n',
      ),
    ).toBe(true);
    expect(csvLines(csv)).toHaveLength(1 + 4);
    expect(csv).toContain(`"m00031","Shop ${XSS.script}","home","closure","closure","unchanged","6","52","",`);
    expect(csv).toContain(' | 2026-10-26: Tickets answered late');
  });

  it('spot checks: the inspection list with probability, weight and an empty result column; formula-like names defused', () => {
    const lines = csvLines(spotChecksCsv(data));
    expect(lines[0]).toBe(
      '"merchant_id","name","category","drawn_by","inclusion_probability","weight","risk","trust","failed_standards","inspection_result"',
    );
    expect(lines[1]).toBe(
      '"m00031","小米粒旗舰店 31","home","risk","1","1","1.25","61.2","ticket_response_late | ticket_response_median",""',
    );
    expect(lines[4]).toBe(`"m00007","'-2+3 Mama’s","grocery","random","0.0021","476.1905","0","","",""`);
  });

  it('ledger: every week and merchant with amounts, running totals and request ids', () => {
    const lines = csvLines(compensationCsv(data));
    expect(lines).toHaveLength(1 + 3);
    expect(lines[2]).toBe(
      `"2026-11-02","m00501","'=HYPERLINK(""http://x"")","0","0","88.4","2","120","150.4","","r00001300 | r00001311"`,
    );
  });
});

describe('weekly-trust.html with the compensation ledger', () => {
  const fixture = fixtureReportData();
  const base = fixture.weekly;
  const ctx = { settings: fixture.settings, coverage: fixture.coverage };
  const page = renderWeeklyTrust({ ...base, compensation: compensationTrendFixture() }, ctx);

  it('shows compensation owed this week against last week, with the expected amount', () => {
    expect(page).toContain('<div class="kpi-label">Compensation owed</div><div class="kpi-value">311</div>');
    expect(page).toContain('<span aria-hidden="true">▼</span> −41.6% <span class="delta-label">vs last week</span>');
    expect(page).toContain('to merchants for confirmed abuse; 101 more expected');
  });

  it('adds its trend chart and definition; pages from before the ledger show neither', () => {
    expect(page).toContain('id="trend-compensation"');
    expect(page).toContain('<dt>Compensation owed</dt>');
    const before = renderWeeklyTrust(base, ctx);
    expect(before).not.toContain('Compensation owed');
  });
});

describe('loadMerchantOps on a governed warehouse', () => {
  let wh: Warehouse;
  beforeAll(async () => {
    wh = await governWarehouse();
    await governWeek(wh, GOV_AS_OF, configSchema.parse({ govern: { historyWeeks: 2, spotCheck: { size: 2 } } }));
  });
  afterAll(() => wh.close());

  it('reads this week’s actions with shop names, the spot checks, pass rates and the ledger', async () => {
    const d = await loadMerchantOps(wh, GOV_AS_OF);
    expect(d.actions?.map((a) => [a.merchantId, a.name, a.action])).toEqual([
      ['m1', 'Shop <b>One</b>', 'rectification'],
      ['m3', 'Shop Three', 'warning'],
    ]);
    expect(d.spotChecks?.rows).toHaveLength(2);
    expect(d.standards?.find((s) => s.standard === 'late_shipment' && s.category === 'all')).toMatchObject({
      judged: 1,
      passed: 0,
    });
    expect(d.ledger?.map((r) => [r.asOf, r.merchantId, r.confirmedAmount])).toEqual([
      [GOV_AS_OF, 'm3', 40],
      ['2026-02-23', 'm3', 10],
    ]);
    const page = renderMerchantOperations(d);
    expect(page).toContain('Shop &lt;b&gt;One&lt;/b&gt;');
  });

  it('sums the ledger per week for the weekly trend, null before its first week', async () => {
    const t = await loadCompensationTrend(wh, GOV_AS_OF, 3);
    expect(t?.trend).toEqual([
      { weekEnd: '2026-02-16', confirmed: null, expected: null },
      { weekEnd: '2026-02-23', confirmed: 10, expected: 0 },
      { weekEnd: GOV_AS_OF, confirmed: 40, expected: 18.3 },
    ]);
  });

  it('reads a week the govern stage never ran as missing', async () => {
    const d = await loadMerchantOps(wh, '2026-03-09');
    expect(d).toEqual({ asOf: '2026-03-09', actions: null, spotChecks: null, standards: null, ledger: null });
  });
});
