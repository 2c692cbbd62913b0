// The weekly pages as a reader takes them: a model change said first and split out, no news made of missing data.
import { describe, expect, it } from 'vitest';
import { scenarioColours } from '../../reports/charts/tradeoffChart.ts';
import { renderReports } from '../../reports/renderReports.ts';
import type { ReportData } from '../../reports/reportData.ts';
import { fixtureReportData, futureWeekReportData, noRefundsReportData } from './fixture/reportFixture.ts';

const PAGES = ['index.html', 'weekly-trust.html', 'risk-queue.html', 'policy-impact.html', 'model-card.html'] as const;

/** The text of a page between <main> and the first <section>: what a reader sees before any number. */
function firstLines(page: string): string {
  const main = page.slice(page.indexOf('<main>'));
  return main.slice(0, main.search(/<section\b/));
}

/** The week-over-week changes a page shows (▲/▼/■ with a number), as their titles. */
function deltas(page: string): string[] {
  return [...page.matchAll(/<span class="delta delta-(?!none)[^"]*" title="([^"]*)"/g)].map((m) => m[1]!);
}

function partialWeek(): ReportData {
  const d = fixtureReportData();
  return {
    ...d,
    coverage: {
      ...d.coverage,
      current: {
        ...d.coverage.current,
        status: 'partial',
        cause: 'the orders stop on 2026-10-29 14:02 UTC, inside the week',
      },
    },
  };
}

describe('a model change is said first and split out', () => {
  const page = renderReports(fixtureReportData())['weekly-trust.html'];

  it('opens the weekly page with which model changed, when, and each tier move split into the model’s part and the data’s', () => {
    const top = firstLines(page);
    expect(top).toContain('the models changed since last week');
    expect(top).toContain('the merchant trust model was retrained as of 2026-10-26');
    expect(top).toContain('the model of 2026-09-28');
    expect(top).toContain('Model’s part');
    // at-risk: 70 published, 54 rescored, 59 now → the model moved −16, the data +5.
    expect(top).toMatch(
      /at risk<\/span><\/td><td class="num">70<\/td><td class="num">54<\/td><td class="num">59<\/td><td class="num">−16<\/td><td class="num">\+5<\/td>/,
    );
  });

  it('compares a complete week with the last', () => {
    expect(deltas(page).length).toBeGreaterThan(5);
  });

  it('says "rescored" only of the counts the changed model scores', () => {
    expect(page).toContain('59 merchants are at risk (up from 54, last week rescored with this week’s model).');
    expect(page).toContain('212 buyer accounts are in the high risk tier (25 more than last week).');
  });

  it('on a week without data names the change but splits nothing', () => {
    const top = firstLines(renderReports(futureWeekReportData())['weekly-trust.html']);
    expect(top).toContain('the merchant trust model was retrained as of 2026-10-26');
    expect(top).not.toContain('Model’s part');
  });
});

describe('empty, partial and future weeks are data problems, not news', () => {
  const cases: [string, () => ReportData, RegExp][] = [
    [
      'future',
      futureWeekReportData,
      /no data for the week 2026-10-26 – 2026-11-01 yet[\s\S]*trustlens run --as-of 2026-11-02 --from DIR/,
    ],
    [
      'partial',
      partialWeek,
      /the week 2026-10-26 – 2026-11-01 is incomplete[\s\S]*the orders stop on 2026-10-29 14:02 UTC[\s\S]*trustlens run --as-of 2026-11-02 --from DIR/,
    ],
  ];
  for (const [name, make, notice] of cases) {
    const files = renderReports(make());
    it.each(PAGES)(
      `${name} week: %s opens with the cause and the command that fixes it, and shows no change against last week`,
      (f) => {
        expect(firstLines(files[f])).toMatch(notice);
        // The policy page's changes are against the status-quo scenario of the same replay, not against last week.
        if (f !== 'policy-impact.html') expect(deltas(files[f])).toEqual([]);
      },
    );
  }

  it('a future week shows no numbers and no movers, and its summary says why', () => {
    const page = renderReports(futureWeekReportData())['weekly-trust.html'];
    expect(page).toContain('No summary: this week has no data');
    expect(page).not.toContain('down 100');
    expect(page).not.toMatch(/Orders were 0/);
    expect(page).toContain('no movers this week');
  });

  it('a complete week next to an empty one is shown without changes against it', () => {
    const d = fixtureReportData();
    d.coverage = {
      ...d.coverage,
      previous: { ...d.coverage.previous, status: 'empty', orders: 0, cause: 'no order was placed in it' },
    };
    const page = renderReports(d)['weekly-trust.html'];
    expect(firstLines(page)).toContain('no comparison with last week');
    expect(firstLines(page)).toContain('trustlens run --as-of 2026-10-26');
    expect(deltas(page)).toEqual([]);
    expect(page).toContain('Orders were 10,810 and GMV was 662,113.');
  });

  it('a first week, whose last week is before the data, is not compared and asks for no files', () => {
    const d = fixtureReportData();
    const cause =
      "the week ends before the warehouse's first order (2026-10-26 00:00 UTC): the marketplace's data starts later";
    d.coverage = { ...d.coverage, previous: { ...d.coverage.previous, status: 'before', orders: 0, cause } };
    const page = renderReports(d)['weekly-trust.html'];
    expect(firstLines(page)).toContain('no comparison with last week');
    expect(firstLines(page)).toContain('holds no data: the week ends before the warehouse&#39;s first order');
    expect(firstLines(page)).not.toContain('trustlens ingest');
    expect(deltas(page)).toEqual([]);
  });

  it('a week without refund requests says so instead of comparing shares of nothing', () => {
    const page = renderReports(noRefundsReportData())['weekly-trust.html'];
    expect(page).toContain('No refund requests were made this week (0 last week)');
    expect(page).not.toContain('refund-only was — of requests');
  });
});

describe('scenario colours', () => {
  it('give a scenario the same colour on every chart, whatever order a chart lists them in', () => {
    const a = scenarioColours(['status-quo', 'risk-gated', 'hybrid', 'trust-aware'], 'status-quo');
    const b = scenarioColours(['trust-aware', 'hybrid', 'status-quo', 'risk-gated', 'hybrid'], 'status-quo');
    expect(b).toEqual(a);
    expect(a.domain).toEqual(['status-quo', 'hybrid', 'risk-gated', 'trust-aware']);
  });
});

describe('codes and config keys stay out of the prose', () => {
  const files = renderReports(fixtureReportData());
  it.each([...PAGES, 'merchant-operations.html' as const])(
    '%s writes categories in words and thresholds as numbers',
    (f) => {
      const text = files[f]
        .replace(/<(style|script)>[\s\S]*?<\/\1>/g, '')
        .replace(/<svg[\s\S]*?<\/svg>/g, '')
        .replace(/<[^>]+>/g, ' ');
      expect(text).not.toContain('fresh_food');
      expect(text).not.toMatch(/\b(tiers|govern)\.[a-zA-Z*]+/);
    },
  );

  it('states the ladder with the points of the config', () => {
    const page = files['merchant-operations.html'];
    expect(page).toContain('the cases of the 28 days before the date');
    expect(page).toContain('warning from 1 active point, rectification with a deadline from 6 active points');
    expect(page).toContain('at most 1 step up a week');
  });
});

describe('the policy page', () => {
  const page = renderReports(fixtureReportData())['policy-impact.html'];

  it('describes each scenario in words with its rules and names the replayed weeks', () => {
    expect(page).toContain('Refund-only when buyer risk is below 5%, a return above it, manual review when high.');
    expect(page).toContain('when buyer risk is at least 50%: manual review.');
    expect(page).toContain('the refund requests of the 12 weeks 2026-08-10 – 2026-11-01 (5,622 requests)');
  });

  it('prints counts as whole numbers and defines every metric it shows', () => {
    const table = page.slice(page.indexOf('id="side-by-side"'), page.indexOf('id="by-category"'));
    expect(table).toContain('>5,200<');
    expect(table).not.toMatch(/5,200\.00/);
    const shown = [...table.matchAll(/href="#metric-([a-z_]+)"/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(8);
    for (const m of shown) expect(page).toMatch(new RegExp(`<dt id="metric-${m}">[^<]+</dt><dd>[^<]{20,}`));
    expect(page).not.toContain('Metric reported by the simulate stage');
  });

  it('says why refunds paid rises, where it rises', () => {
    const table = page.slice(page.indexOf('id="side-by-side"'), page.indexOf('id="by-category"'));
    expect(table).toContain(
      '* Refunds paid is higher than under status-quo for hybrid, no-refund-only, risk-gated, trust-aware.',
    );
    expect(table).toContain('requests that were rejected, withdrawn or still pending in reality');
  });

  it('with no refund request in the window says so, and does not call the configured baseline missing', () => {
    const empty = renderReports(noRefundsReportData())['policy-impact.html'];
    expect(empty).toContain('no refund requests in the replayed weeks');
    expect(empty).not.toContain('no status-quo results');
    expect(empty).not.toContain('NaN');
  });
});
