// weekly-trust.html for leadership: headline numbers week over week, trends, categories, merchant tiers and movers.
import { html, type SafeHtml } from '../html/escapeHtml.ts';
import { computeDelta, renderDelta, type Delta } from '../html/delta.ts';
import { fmtInt, fmtMoney, fmtNumber, fmtPct, fmtSigned, fmtWeek, withUnit } from '../html/format.ts';
import { renderKpis, type Kpi } from '../html/kpi.ts';
import { renderPage } from '../html/page.ts';
import { renderDefinitions, renderNotice, renderSection } from '../html/section.ts';
import { renderTable } from '../html/table.ts';
import { renderTierBadge } from '../html/badge.ts';
import { categoryLabel } from '../html/labels.ts';
import { dataId, dataText } from '../html/dataText.ts';
import { comparable, renderCoverageNotices } from '../html/dataNotice.ts';
import { currencyNote } from '../html/currencyNote.ts';
import { moversChart } from '../charts/moversChart.ts';
import { tierChart } from '../charts/tierChart.ts';
import { trendChart } from '../charts/trendChart.ts';
import type { CategoryStats, CompensationTrend, MerchantMove, WeeklyTrustData, WeekStats } from '../reportData.ts';
import type { PageContext } from './pageContext.ts';
import { renderModelChange } from './modelChange.ts';
import { weeklySummary } from './weeklySummary.ts';

export const ABUSE_LOSS_DEFINITION =
  'Sum, over approved refund-only requests made in the week, of the refunded amount × the buyer’s calibrated abuse risk from the latest score on or before the end of that week. ' +
  'Buyers never scored count as zero risk. It estimates money paid out to abuse, not confirmed cases.';

export const COMPENSATION_DEFINITION =
  'Refund-only money paid in the week for goods the buyer kept, to buyers with a confirmed-abuse verdict known at the as-of date: what merchants bore to abuse and the platform owes them (the compensation ledger on the merchant-operations page). ' +
  '“Expected” adds the same money paid to other buyers, weighted by their abuse risk.';

/** What merchants bore this week in refund-only money to confirmed abusers (the govern stage's ledger). */
function compensationKpi(c: CompensationTrend, cmp: boolean): Kpi {
  const now = c.trend.at(-1);
  const before = c.trend.at(-2);
  if (!now || now.confirmed === null)
    return { label: 'Compensation owed', value: fmtMoney(null), note: 'no ledger for this week: run trustlens govern' };
  return {
    label: 'Compensation owed',
    value: fmtMoney(now.confirmed),
    delta: cmp
      ? computeDelta(now.confirmed, before?.confirmed ?? null, { kind: 'relative', higherIsBetter: false })
      : null,
    note: `to merchants for confirmed abuse; ${fmtMoney(now.expected)} more expected`,
  };
}

function compensationChart(c: CompensationTrend | null | undefined, missing: ReadonlySet<string>): SafeHtml | '' {
  if (!c) return '';
  return trendChart({
    id: 'trend-compensation',
    title: withUnit('Compensation owed'),
    subtitle: 'Refund-only money paid for kept goods to confirmed abusers.',
    points: c.trend.map((w) => ({ weekEnd: w.weekEnd, value: missing.has(w.weekEnd) ? null : w.confirmed })),
    tickFormat: '~s',
  });
}

function headline(d: WeeklyTrustData, ctx: PageContext): SafeHtml {
  const c = d.current;
  const p = d.previous;
  // No change is computed against a week without complete data: it would read as news ("orders down 100%").
  const cmp = comparable(ctx.coverage);
  const delta = (f: () => Delta | null): Delta | null => (cmp ? f() : null);
  const atRisk = d.merchantTiers?.find((t) => t.tier === 'at-risk');
  const rescored = d.comparison.rescored ? ' (last week under this week’s model)' : '';
  const kpis: Kpi[] = [
    {
      label: 'Orders',
      value: fmtInt(c.orders),
      delta: delta(() => computeDelta(c.orders, p.orders, { kind: 'relative', higherIsBetter: true })),
    },
    {
      label: 'GMV',
      value: fmtMoney(c.gmv),
      delta: delta(() => computeDelta(c.gmv, p.gmv, { kind: 'relative', higherIsBetter: true })),
    },
    {
      label: 'Refund request rate',
      value: fmtPct(c.refundRequestRate),
      delta: delta(() =>
        computeDelta(c.refundRequestRate, p.refundRequestRate, { kind: 'points', higherIsBetter: false }),
      ),
      note: `${fmtInt(c.refundRequests)} requests`,
    },
    {
      label: 'Refund-only share',
      value: fmtPct(c.refundOnlyShare),
      delta: delta(() => computeDelta(c.refundOnlyShare, p.refundOnlyShare, { kind: 'points', higherIsBetter: null })),
      note: `${fmtInt(c.refundOnlyRequests)} refund-only requests`,
    },
    {
      label: 'Estimated abuse loss',
      value: fmtMoney(c.estimatedAbuseLoss),
      delta: delta(() =>
        computeDelta(c.estimatedAbuseLoss, p.estimatedAbuseLoss, { kind: 'relative', higherIsBetter: false }),
      ),
      note:
        c.estimatedAbuseLoss === null
          ? 'no buyer scores yet'
          : `see definition below${d.comparison.changed.some((m) => m.model === 'abuse-risk') ? rescored : ''}`,
    },
    {
      label: 'Accounts flagged',
      value: d.flagged ? fmtInt(d.flagged.current) : fmtInt(null),
      delta: d.flagged
        ? delta(() =>
            computeDelta(d.flagged!.current, d.flagged!.previous, {
              kind: 'absolute',
              higherIsBetter: false,
              decimals: 0,
            }),
          )
        : null,
      note: `buyers in the high risk tier${d.comparison.changed.some((m) => m.model === 'abuse-risk') ? rescored : ''}`,
    },
    {
      label: 'Merchants at risk',
      value: atRisk ? fmtInt(atRisk.current) : fmtInt(null),
      delta: atRisk
        ? delta(() =>
            computeDelta(atRisk.current, atRisk.previous, { kind: 'absolute', higherIsBetter: false, decimals: 0 }),
          )
        : null,
      note: `lowest trust tier${d.comparison.changed.some((m) => m.model === 'merchant-trust') ? rescored : ''}`,
    },
  ];
  // Only once the govern stage has written a ledger: before that, the merchant-operations page says what to run.
  if (d.compensation) kpis.push(compensationKpi(d.compensation, cmp));
  // A week without data shows no numbers at all: "0 orders" would read as a collapse.
  if (['future', 'empty', 'before'].includes(ctx.coverage.current.status)) {
    return renderKpis(
      kpis.map((k) => ({ label: k.label, value: fmtInt(null), delta: null, note: 'no data for this week' })),
    );
  }
  return renderKpis(kpis);
}

function trends(
  trend: readonly WeekStats[],
  coverage: PageContext['coverage'],
  compensation?: CompensationTrend | null,
): SafeHtml {
  // Weeks without data are gaps, not zeros: a line falling to 0 would read as news.
  const missing = new Set(
    [coverage.current, coverage.previous]
      .filter((w) => w.status === 'future' || w.status === 'empty' || w.status === 'before')
      .map((w) => w.weekEnd),
  );
  const pts = (f: (w: WeekStats) => number | null) =>
    trend.map((w) => ({ weekEnd: w.weekEnd, value: missing.has(w.weekEnd) ? null : f(w) }));
  return html`<div class="charts">${[
    trendChart({ id: 'trend-orders', title: 'Orders per week', points: pts((w) => w.orders), tickFormat: '~s' }),
    trendChart({ id: 'trend-gmv', title: withUnit('GMV per week'), points: pts((w) => w.gmv), tickFormat: '~s' }),
    trendChart({
      id: 'trend-refund-rate',
      title: 'Refund request rate',
      subtitle: 'Refund requests ÷ orders in the week.',
      points: pts((w) => w.refundRequestRate),
      tickFormat: '.1%',
    }),
    trendChart({
      id: 'trend-refund-only',
      title: 'Refund-only share of requests',
      points: pts((w) => w.refundOnlyShare),
      tickFormat: '.0%',
    }),
    trendChart({
      id: 'trend-abuse-loss',
      title: withUnit('Estimated abuse loss'),
      subtitle: 'Approved refund-only amount × buyer risk; each week under the model of its time.',
      points: pts((w) => w.estimatedAbuseLoss),
      tickFormat: '~s',
    }),
    compensationChart(compensation, missing),
  ]}</div>`;
}

function categories(rows: readonly CategoryStats[], cmp: boolean): SafeHtml {
  const sorted = [...rows].sort((a, b) => b.current.gmv - a.current.gmv);
  const vs = (r: CategoryStats, f: (w: WeekStats) => number | null, higherIsBetter: boolean | null) =>
    renderDelta(cmp ? computeDelta(f(r.current), f(r.previous), { kind: 'points', higherIsBetter }) : null, '');
  return renderTable<CategoryStats>({
    rows: sorted,
    empty: 'No orders in this week.',
    columns: [
      { header: 'Category', cell: (r) => dataText(categoryLabel(r.category)) },
      { header: 'Orders', align: 'num', cell: (r) => fmtInt(r.current.orders) },
      { header: withUnit('GMV'), align: 'num', cell: (r) => fmtMoney(r.current.gmv) },
      { header: 'Refund request rate', align: 'num', cell: (r) => fmtPct(r.current.refundRequestRate) },
      { header: 'vs last week', align: 'num', cell: (r) => vs(r, (w) => w.refundRequestRate, false) },
      { header: 'Refund-only share', align: 'num', cell: (r) => fmtPct(r.current.refundOnlyShare) },
      { header: 'vs last week', align: 'num', cell: (r) => vs(r, (w) => w.refundOnlyShare, null) },
      { header: withUnit('Est. abuse loss'), align: 'num', cell: (r) => fmtMoney(r.current.estimatedAbuseLoss) },
    ],
  });
}

function moversTable(rows: readonly MerchantMove[], caption: string, why: string): SafeHtml {
  return renderTable<MerchantMove>({
    rows,
    caption,
    empty: 'No active merchant moved.',
    className: 'movers',
    columns: [
      {
        header: 'Merchant',
        className: 'name',
        cell: (m) => html`${dataText(m.name)}<br>${dataId(m.merchantId, 'muted')}`,
      },
      { header: 'Category', cell: (m) => dataText(categoryLabel(m.category)) },
      { header: 'Trust last week', align: 'num', cell: (m) => fmtNumber(m.trustBefore, 1) },
      { header: 'Trust now', align: 'num', cell: (m) => fmtNumber(m.trustNow, 1) },
      { header: 'Change', align: 'num', cell: (m) => fmtSigned(m.trustNow - m.trustBefore, 1) },
      {
        header: 'Tier',
        cell: (m) =>
          m.tierBefore === m.tierNow
            ? renderTierBadge(m.tierNow)
            : html`${renderTierBadge(m.tierBefore)} → ${renderTierBadge(m.tierNow)}`,
      },
      {
        header: why,
        className: 'wrap',
        cell: (m) =>
          m.reasons.length
            ? html`<ul class="reasons">${m.reasons.map((r) => html`<li>${r}</li>`)}</ul>`
            : html`<span class="muted">no single feature stands out</span>`,
      },
    ],
  });
}

function merchantSection(d: WeeklyTrustData, cmp: boolean): SafeHtml {
  if (!d.merchantTiers)
    return renderNotice(
      'missing',
      'no merchant trust scores for this week',
      html`Run <code>trustlens score --as-of ${d.asOf}</code> to score merchants.`,
    );
  const prevLabel = d.comparison.previousAsOf
    ? `${d.comparison.previousAsOf}${d.comparison.rescored ? ', this week’s model' : ''}`
    : 'last week';
  const tiers = d.merchantTiers.map((t) => ({ ...t, previous: cmp ? t.previous : null }));
  const table = renderTable({
    rows: tiers,
    columns: [
      { header: 'Tier', cell: (t) => renderTierBadge(t.tier) },
      {
        header: d.comparison.rescored ? 'Last week (this week’s model)' : 'Last week',
        align: 'num',
        cell: (t) => fmtInt(t.previous),
      },
      { header: 'This week', align: 'num', cell: (t) => fmtInt(t.current) },
      {
        header: 'Change',
        align: 'num',
        cell: (t) => (t.previous === null || t.previous === undefined ? '—' : fmtSigned(t.current - t.previous, 0)),
      },
    ],
  });
  return html`<div class="charts"><div>${table}</div>${tierChart('merchant-tiers', tiers, d.asOf, prevLabel)}</div>`;
}

function moversSection(d: WeeklyTrustData, cmp: boolean): SafeHtml {
  if (!cmp)
    return renderNotice(
      'info',
      'no movers this week',
      'Movers compare two weeks of complete data; see the notice at the top of the page.',
    );
  const m = d.movers;
  if (!m)
    return renderNotice(
      'missing',
      'no earlier merchant scores to compare with',
      'Movers appear once two weeks of merchant scores exist.',
    );
  const left = `${fmtInt(m.excludedInactive)} inactive merchant${m.excludedInactive === 1 ? '' : 's'} (no orders in the 90-day window) and ${fmtInt(m.excludedFewOrders)} with fewer than ${fmtInt(m.minOrders)} orders in it are left out: their trust moves with the model and the window, not with what they did.`;
  const how = m.reasonsExplained
    ? 'Each reason is a feature whose contribution to the score moved most in that direction between the two weeks (TreeSHAP under this week’s model), with last week’s value.'
    : 'Reasons need this week’s model artifact, which was not readable: none are shown.';
  return html`<p class="intro">${left} ${how}</p>${moversChart('movers', m.fallers, m.risers)}${moversTable(m.fallers, `Trust fell most (since ${m.previousAsOf})`, 'What worsened most')}${moversTable(m.risers, `Trust rose most (since ${m.previousAsOf})`, 'What improved most')}`;
}

export function renderWeeklyTrust(d: WeeklyTrustData, ctx: PageContext): string {
  const c = d.current;
  const cmp = comparable(ctx.coverage);
  const t = ctx.settings.tiers;
  const summary = weeklySummary(d, ctx.coverage);
  const body = html`
<section id="summary" class="summary"><h2>What changed this week</h2>${summary.length ? html`<ul>${summary.map((s) => html`<li>${s}</li>`)}</ul>` : html`<p>No summary: this week has no data (see the notice above).</p>`}</section>
${renderSection('headline', 'Headline numbers', headline(d, ctx), html`Week ${fmtWeek(c.weekStart, c.weekEnd)}${cmp ? html` compared with ${fmtWeek(d.previous.weekStart, d.previous.weekEnd)}. ▲/▼ show the direction; green is good news, red bad.` : ': not compared with last week (see the notice above).'} ${currencyNote(ctx.settings.currency)}`)}
${renderSection('trends', `${d.trend.length}-week trends`, trends(d.trend, ctx.coverage, d.compensation))}
${renderSection('merchant-trust', 'Merchants by trust tier', merchantSection(d, cmp), `Trust = 100 × (1 − probability of a serious platform action in the next ${ctx.settings.merchantHorizonDays} days).`)}
${renderSection('categories', 'By category', categories(d.categories, cmp), 'Orders and refund requests of the week by product category, largest GMV first.')}
${renderSection('movers', 'Active merchants whose trust moved most', moversSection(d, cmp), 'Refund requests from buyers with confirmed or high-risk abuse are counted apart, so merchants do not lose trust because abusers target them.')}
${renderSection(
  'definitions',
  'Definitions',
  renderDefinitions([
    {
      term: 'Week',
      definition:
        'Seven days ending just before the as-of date (00:00 UTC); orders by creation time, requests by request time.',
    },
    { term: 'Refund request rate', definition: 'Refund requests made in the week ÷ orders placed in the week.' },
    {
      term: 'Refund-only share',
      definition: 'Requests for a refund without returning the goods ÷ all refund requests of the week.',
    },
    { term: 'Estimated abuse loss', definition: ABUSE_LOSS_DEFINITION },
    {
      term: 'Accounts flagged',
      definition: `Buyers whose calibrated abuse risk is ${fmtNumber(t.buyerHigh, 2)} or more (the high tier) at this week’s score.`,
    },
    {
      term: 'Merchant tiers',
      definition: `By trust score: top-rated at ${fmtNumber(t.merchantTopRated, 0)} or more, standard at ${fmtNumber(t.merchantStandard, 0)} or more, watch at ${fmtNumber(t.merchantWatch, 0)} or more, at risk below ${fmtNumber(t.merchantWatch, 0)}.`,
    },
    {
      term: 'Active merchant',
      definition:
        'A merchant with orders in the 90-day trust window; one without is inactive, and its trust says nothing new about it.',
    },
    ...(d.compensation ? [{ term: 'Compensation owed', definition: COMPENSATION_DEFINITION }] : []),
  ]),
)}`;
  return renderPage({
    asOf: d.asOf,
    page: 'weekly-trust',
    title: 'Weekly trust report',
    lede: 'For leadership: refund and refund-only rates, estimated abuse loss, flagged accounts and merchant trust, week over week.',
    notices: html`${renderCoverageNotices(ctx.coverage)}${renderModelChange(d, cmp)}`,
    body,
  });
}
