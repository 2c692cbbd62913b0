// weekly-trust.html for leadership: headline numbers week over week, trends, categories, merchant tiers and movers.
import { html, type SafeHtml } from '../html/escapeHtml.ts';
import { computeDelta, renderDelta } from '../html/delta.ts';
import { fmtInt, fmtMoney, fmtNumber, fmtPct, fmtSigned, fmtWeek } from '../html/format.ts';
import { renderKpis, type Kpi } from '../html/kpi.ts';
import { renderPage } from '../html/page.ts';
import { renderDefinitions, renderNotice, renderSection } from '../html/section.ts';
import { renderTable } from '../html/table.ts';
import { renderTierBadge } from '../html/badge.ts';
import { moversChart } from '../charts/moversChart.ts';
import { tierChart } from '../charts/tierChart.ts';
import { trendChart } from '../charts/trendChart.ts';
import type { CategoryStats, CompensationTrend, MerchantMove, WeeklyTrustData, WeekStats } from '../reportData.ts';
import { weeklySummary } from './weeklySummary.ts';

export const ABUSE_LOSS_DEFINITION =
  'Sum, over approved refund-only requests made in the week, of the refunded amount × the buyer’s calibrated abuse risk from the latest score on or before the end of that week. ' +
  'Buyers never scored count as zero risk. It estimates money paid out to abuse, not confirmed cases.';

export const COMPENSATION_DEFINITION =
  'Refund-only money paid in the week for goods the buyer kept, to buyers with a confirmed-abuse verdict known at the as-of date: what merchants bore to abuse and the platform owes them (the compensation ledger on the merchant-operations page). ' +
  '“Expected” adds the same money paid to other buyers, weighted by their abuse risk.';

function headline(d: WeeklyTrustData): SafeHtml {
  const c = d.current;
  const p = d.previous;
  const atRisk = d.merchantTiers?.find((t) => t.tier === 'at-risk');
  const kpis: Kpi[] = [
    {
      label: 'Orders',
      value: fmtInt(c.orders),
      delta: computeDelta(c.orders, p.orders, { kind: 'relative', higherIsBetter: true }),
    },
    {
      label: 'GMV',
      value: fmtMoney(c.gmv),
      delta: computeDelta(c.gmv, p.gmv, { kind: 'relative', higherIsBetter: true }),
    },
    {
      label: 'Refund request rate',
      value: fmtPct(c.refundRequestRate),
      delta: computeDelta(c.refundRequestRate, p.refundRequestRate, { kind: 'points', higherIsBetter: false }),
      note: `${fmtInt(c.refundRequests)} requests`,
    },
    {
      label: 'Refund-only share',
      value: fmtPct(c.refundOnlyShare),
      delta: computeDelta(c.refundOnlyShare, p.refundOnlyShare, { kind: 'points', higherIsBetter: null }),
      note: `${fmtInt(c.refundOnlyRequests)} refund-only requests`,
    },
    {
      label: 'Estimated abuse loss',
      value: fmtMoney(c.estimatedAbuseLoss),
      delta: computeDelta(c.estimatedAbuseLoss, p.estimatedAbuseLoss, { kind: 'relative', higherIsBetter: false }),
      note: c.estimatedAbuseLoss === null ? 'no buyer scores yet' : 'see definition below',
    },
    {
      label: 'Accounts flagged',
      value: d.flagged ? fmtInt(d.flagged.current) : fmtInt(null),
      delta: d.flagged
        ? computeDelta(d.flagged.current, d.flagged.previous, { kind: 'absolute', higherIsBetter: false, decimals: 0 })
        : null,
      note: 'buyers in the high risk tier',
    },
    {
      label: 'Merchants at risk',
      value: atRisk ? fmtInt(atRisk.current) : fmtInt(null),
      delta: atRisk
        ? computeDelta(atRisk.current, atRisk.previous, { kind: 'absolute', higherIsBetter: false, decimals: 0 })
        : null,
      note: 'lowest trust tier',
    },
  ];
  // Only once the govern stage has written a ledger: before that, the merchant-operations page says what to run.
  if (d.compensation) kpis.push(compensationKpi(d.compensation));
  return renderKpis(kpis);
}

/** What merchants bore this week in refund-only money to confirmed abusers (the govern stage's ledger). */
function compensationKpi(c: CompensationTrend): Kpi {
  const now = c?.trend.at(-1);
  const before = c?.trend.at(-2);
  if (!now || now.confirmed === null)
    return { label: 'Compensation owed', value: fmtMoney(null), note: 'no ledger for this week: run trustlens govern' };
  return {
    label: 'Compensation owed',
    value: fmtMoney(now.confirmed),
    delta: computeDelta(now.confirmed, before?.confirmed ?? null, { kind: 'relative', higherIsBetter: false }),
    note: `to merchants for confirmed abuse; ${fmtMoney(now.expected)} more expected`,
  };
}

function compensationChart(c: CompensationTrend | null | undefined): SafeHtml | '' {
  if (!c) return '';
  return trendChart({
    id: 'trend-compensation',
    title: 'Compensation owed',
    subtitle: 'Refund-only money paid for kept goods to confirmed abusers.',
    points: c.trend.map((w) => ({ weekEnd: w.weekEnd, value: w.confirmed })),
    tickFormat: '~s',
  });
}

function trends(trend: readonly WeekStats[], compensation?: CompensationTrend | null): SafeHtml {
  const pts = (f: (w: WeekStats) => number | null) => trend.map((w) => ({ weekEnd: w.weekEnd, value: f(w) }));
  return html`<div class="charts">${[
    trendChart({ id: 'trend-orders', title: 'Orders per week', points: pts((w) => w.orders), tickFormat: '~s' }),
    trendChart({ id: 'trend-gmv', title: 'GMV per week', points: pts((w) => w.gmv), tickFormat: '~s' }),
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
      title: 'Estimated abuse loss',
      subtitle: 'Approved refund-only amount × buyer risk.',
      points: pts((w) => w.estimatedAbuseLoss),
      tickFormat: '~s',
    }),
    compensationChart(compensation),
  ]}</div>`;
}

function categories(rows: readonly CategoryStats[]): SafeHtml {
  const sorted = [...rows].sort((a, b) => b.current.gmv - a.current.gmv);
  return renderTable<CategoryStats>({
    rows: sorted,
    empty: 'No orders in this week.',
    columns: [
      { header: 'Category', cell: (r) => r.category },
      { header: 'Orders', align: 'num', cell: (r) => fmtInt(r.current.orders) },
      { header: 'GMV', align: 'num', cell: (r) => fmtMoney(r.current.gmv) },
      { header: 'Refund request rate', align: 'num', cell: (r) => fmtPct(r.current.refundRequestRate) },
      {
        header: 'vs last week',
        align: 'num',
        cell: (r) =>
          renderDelta(
            computeDelta(r.current.refundRequestRate, r.previous.refundRequestRate, {
              kind: 'points',
              higherIsBetter: false,
            }),
            '',
          ),
      },
      { header: 'Refund-only share', align: 'num', cell: (r) => fmtPct(r.current.refundOnlyShare) },
      {
        header: 'vs last week',
        align: 'num',
        cell: (r) =>
          renderDelta(
            computeDelta(r.current.refundOnlyShare, r.previous.refundOnlyShare, {
              kind: 'points',
              higherIsBetter: null,
            }),
            '',
          ),
      },
      { header: 'Est. abuse loss', align: 'num', cell: (r) => fmtMoney(r.current.estimatedAbuseLoss) },
    ],
  });
}

function moversTable(rows: readonly MerchantMove[], caption: string): SafeHtml {
  return renderTable<MerchantMove>({
    rows,
    caption,
    empty: 'No merchant moved.',
    columns: [
      { header: 'Merchant', cell: (m) => html`${m.name}<br><span class="id muted">${m.merchantId}</span>` },
      { header: 'Category', cell: (m) => m.category },
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
        header: 'Reasons',
        className: 'wrap',
        cell: (m) =>
          m.moveCause === 'model'
            ? html`<strong>tier moved with the retrained trust model</strong> (last week’s model keeps it ${m.tierBefore})`
            : m.reasons.length
              ? html`<ul class="reasons">${m.reasons.map((r) => html`<li>${r}</li>`)}</ul>`
              : html`<span class="muted">—</span>`,
      },
    ],
  });
}

function merchantSection(d: WeeklyTrustData): SafeHtml {
  if (!d.merchantTiers)
    return renderNotice(
      'missing',
      'no merchant trust scores for this week',
      html`Run <code>trustlens score --as-of ${d.asOf}</code> to score merchants.`,
    );
  const prevLabel = d.movers?.previousAsOf ?? 'last week';
  const table = renderTable({
    rows: d.merchantTiers,
    columns: [
      { header: 'Tier', cell: (t) => renderTierBadge(t.tier) },
      { header: 'Last week', align: 'num', cell: (t) => fmtInt(t.previous) },
      { header: 'This week', align: 'num', cell: (t) => fmtInt(t.current) },
      {
        header: 'Change',
        align: 'num',
        cell: (t) => (t.previous === null ? '—' : fmtSigned(t.current - t.previous, 0)),
      },
    ],
  });
  return html`<div class="charts"><div>${table}</div>${tierChart('merchant-tiers', d.merchantTiers, d.asOf, prevLabel)}</div>`;
}

/** Says when tier moves come from a retrained trust model rather than from the shops' own numbers. */
function modelChangeNotice(d: WeeklyTrustData): SafeHtml | '' {
  const c = d.modelChange;
  if (!c) return '';
  return renderNotice(
    'info',
    `the trust model was retrained this week (${c.previousModelDate} → ${c.modelDate})`,
    html`${fmtInt(c.byModel)} merchant${c.byModel === 1 ? '' : 's'} changed tier because of the new model — last week’s model, on this week’s data, keeps them where they were — and ${fmtInt(c.byData)} because of their own numbers. Trust values of every shop moved a little with the new model; compare them with last week’s with that in mind.`,
  );
}

function moversSection(d: WeeklyTrustData): SafeHtml {
  if (!d.movers)
    return renderNotice(
      'missing',
      'no earlier merchant scores to compare with',
      'Movers appear once two weeks of merchant scores exist.',
    );
  return html`${modelChangeNotice(d)}${moversChart('movers', d.movers.fallers, d.movers.risers)}${moversTable(d.movers.fallers, `Trust fell most (since ${d.movers.previousAsOf})`)}${moversTable(d.movers.risers, `Trust rose most (since ${d.movers.previousAsOf})`)}`;
}

export function renderWeeklyTrust(d: WeeklyTrustData): string {
  const c = d.current;
  const body = html`
<section id="summary" class="summary"><h2>What changed this week</h2><ul>${weeklySummary(d).map((s) => html`<li>${s}</li>`)}</ul></section>
${renderSection('headline', 'Headline numbers', headline(d), html`Week ${fmtWeek(c.weekStart, c.weekEnd)} compared with ${fmtWeek(d.previous.weekStart, d.previous.weekEnd)}. ▲/▼ show the direction; green is good news, red bad.`)}
${renderSection('trends', `${d.trend.length}-week trends`, trends(d.trend, d.compensation))}
${renderSection('merchant-trust', 'Merchants by trust tier', merchantSection(d), `Trust = 100 × (1 − probability of a serious platform action in the next ${d.settings.merchantHorizonDays} days).`)}
${renderSection('categories', 'By category', categories(d.categories), 'Orders and refund requests of the week by product category, largest GMV first.')}
${renderSection('movers', 'Merchants whose trust moved most', moversSection(d), 'Refund requests from buyers with confirmed or high-risk abuse are counted apart, so merchants do not lose trust because abusers target them.')}
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
      definition: 'Buyers whose calibrated abuse risk is in the high tier at this week’s score.',
    },
    {
      term: 'Merchant tiers',
      definition: 'top-rated, standard, watch and at-risk by trust score thresholds (config tiers.*).',
    },
    ...(d.compensation ? [{ term: 'Compensation owed', definition: COMPENSATION_DEFINITION }] : []),
  ]),
)}`;
  return renderPage({
    asOf: d.asOf,
    page: 'weekly-trust',
    title: 'Weekly trust report',
    lede: 'For leadership: refund and refund-only rates, estimated abuse loss, flagged accounts and merchant trust, week over week.',
    body,
  });
}
