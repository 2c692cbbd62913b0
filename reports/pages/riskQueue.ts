// risk-queue.html (and its CSV) for risk teams: the ranked accounts to review this week as a work list, sized to review
// capacity.
import { readFileSync } from 'node:fs';
import { html, type SafeHtml } from '../html/escapeHtml.ts';
import { dataId } from '../html/dataText.ts';
import { fmtAmount, fmtInt, fmtMoney, fmtNumber, fmtPct, fmtProb, withUnit } from '../html/format.ts';
import { renderKpis } from '../html/kpi.ts';
import { renderPage } from '../html/page.ts';
import { renderDefinitions, renderNotice, renderSection } from '../html/section.ts';
import { renderTable } from '../html/table.ts';
import { renderTierBadge } from '../html/badge.ts';
import { BUYER_TIERS } from '../../data/vocabulary/tiers.ts';
import { renderCoverageNotices } from '../html/dataNotice.ts';
import { currencyNote } from '../html/currencyNote.ts';
import { queueCoverageChart } from '../charts/queueCoverageChart.ts';
import { toCsv, type CsvColumn } from '../csv/toCsv.ts';
import type { RiskQueueData, RiskQueueHandledRow, RiskQueueRow, RiskQueueSummary } from '../reportData.ts';
import type { PageContext } from './pageContext.ts';

export const RISK_QUEUE_CSV = 'risk-queue.csv';

// Read once and inlined: the page's only script, allowed by its hash in the page's content security policy.
export const QUEUE_SCRIPT = readFileSync(new URL('./scripts/queueFilter.js', import.meta.url), 'utf8');

const CSV_COLUMNS: CsvColumn<RiskQueueRow>[] = [
  { header: 'rank', value: (r) => r.rank },
  { header: 'buyer_id', value: (r) => r.buyerId },
  { header: 'risk', value: (r) => Number(r.risk.toFixed(4)) },
  { header: 'tier', value: (r) => r.tier },
  { header: 'expected_loss', value: (r) => Number(r.expectedLoss.toFixed(2)) },
  { header: 'refund_only_amount_30d', value: (r) => Number(r.refundOnlyAmount30d.toFixed(2)) },
  { header: 'reasons', value: (r) => r.reasons },
  { header: 'group_id', value: (r) => r.groupId },
  { header: 'group_size', value: (r) => r.groupSize },
  { header: 'group_confirmed_abusers', value: (r) => r.groupConfirmedAbusers },
  { header: 'linked_accounts', value: (r) => r.groupMembers },
];

/**
 * The queue as CSV: UTF-8 with BOM, CRLF, every field quoted, lists joined with " | ", formula-like text prefixed with
 * '.
 */
export function riskQueueCsv(d: RiskQueueData): string {
  return toCsv(CSV_COLUMNS, d.rows ?? []);
}

const MAX_MEMBERS_SHOWN = 6;

/** The anchor of an account's row: risk-queue.html#buyer-<id> opens the page at it. */
export function buyerAnchor(buyerId: string): string {
  return `buyer-${buyerId}`;
}

function linked(r: RiskQueueRow): SafeHtml {
  if (r.groupSize <= 1 || r.groupMembers.length === 0) return html`<span class="muted">none</span>`;
  const shown = r.groupMembers.slice(0, MAX_MEMBERS_SHOWN);
  const more = r.groupMembers.length - shown.length;
  return html`group of ${fmtInt(r.groupSize)}${r.groupConfirmedAbusers > 0 ? html`, <strong>${fmtInt(r.groupConfirmedAbusers)} confirmed abuser${r.groupConfirmedAbusers === 1 ? '' : 's'}</strong>` : ''}<div class="members">${shown.map((m, i) => html`${i ? ', ' : ''}${dataId(m)}`)}${more > 0 ? ` +${more} more` : ''}</div>`;
}

function buyerCell(r: RiskQueueRow, notebookUrl: string | null): SafeHtml {
  const investigate = notebookUrl
    ? html`<br><a class="investigate" href="${`${notebookUrl}?buyer=${encodeURIComponent(r.buyerId)}`}" title="Open the investigate-buyer notebook with this account selected">investigate</a>`
    : '';
  return html`<a class="buyer-link" href="#${buyerAnchor(r.buyerId)}">${dataId(r.buyerId)}</a>${investigate}`;
}

function queueTable(rows: readonly RiskQueueRow[], capacity: number, notebookUrl: string | null): SafeHtml {
  return renderTable<RiskQueueRow>({
    rows,
    id: 'queue-table',
    rowClass: (r) => (r.rank === capacity && rows.length > capacity ? 'capacity-line' : undefined),
    rowAttributes: (r) => ({ id: buyerAnchor(r.buyerId), 'data-buyer': r.buyerId, 'data-tier': r.tier }),
    empty: 'The queue is empty this week.',
    columns: [
      { header: 'Rank', align: 'num', cell: (r) => fmtInt(r.rank) },
      { header: 'Buyer', className: 'buyer', cell: (r) => buyerCell(r, notebookUrl) },
      {
        header: 'Risk',
        align: 'num',
        help: 'Calibrated probability of refund-only abuse',
        cell: (r) => fmtProb(r.risk),
      },
      { header: 'Tier', cell: (r) => renderTierBadge(r.tier) },
      {
        header: withUnit('Expected loss'),
        align: 'num',
        help: 'risk × refund-only money a month (30 days, or the 90-day monthly average if larger)',
        cell: (r) => fmtAmount(r.expectedLoss),
      },
      { header: withUnit('Refund-only 30 d'), align: 'num', cell: (r) => fmtAmount(r.refundOnlyAmount30d) },
      {
        header: 'Reasons',
        className: 'wrap',
        cell: (r) => html`<ul class="reasons">${r.reasons.slice(0, 4).map((x) => html`<li>${x}</li>`)}</ul>`,
      },
      { header: 'Linked accounts', className: 'linked', cell: linked },
    ],
  });
}

/** The one sentence that says how the queue is ranked and who may enter it. */
export function rankingSentence(s: RiskQueueSummary | null | undefined): string {
  const floors = s
    ? ` among accounts with risk ≥ ${s.minRisk} and expected loss ≥ ${fmtAmount(s.minExpectedLoss)}`
    : '';
  return (
    `Ranked by expected loss — risk × the buyer’s refund-only money a month (the larger of the last 30 days and the 90-day monthly average) — largest first${floors}, ` +
    'leaving out accounts already confirmed or under investigation (listed apart below); ties by risk, then id.'
  );
}

function shortQueueNotice(s: RiskQueueSummary | null | undefined): SafeHtml | '' {
  if (!s || s.queued >= s.capacity) return '';
  return renderNotice(
    'info',
    `short queue: ${fmtInt(s.queued)} of ${fmtInt(s.capacity)} slots`,
    html`Only ${fmtInt(s.queued)} account${s.queued === 1 ? '' : 's'} not already handled reached both floors (risk ≥ ${s.minRisk}, expected loss ≥ ${fmtAmount(s.minExpectedLoss)}; config <code>review.minRisk</code>, <code>review.minExpectedLoss</code>): ${fmtInt(s.belowRiskFloor)} were below the risk floor, ${fmtInt(s.belowLossFloor)} below the expected-loss floor, and ${fmtInt(s.handled)} are already handled. The remaining capacity is free for other work.`,
  );
}

function handledTable(rows: readonly RiskQueueHandledRow[]): SafeHtml {
  return renderTable<RiskQueueHandledRow>({
    rows,
    empty: 'No account above the floors was already handled this week.',
    columns: [
      { header: 'Buyer', cell: (r) => dataId(r.buyerId) },
      {
        header: 'Handled as',
        cell: (r) => (r.handledAs === 'confirmed_abuse' ? 'confirmed abuse' : 'open investigation'),
      },
      { header: 'Since', help: 'When the verdict closed or the case opened (UTC)', cell: (r) => r.handledSince },
      { header: 'Case', cell: (r) => dataId(r.caseId) },
      { header: 'Risk', align: 'num', cell: (r) => fmtProb(r.risk) },
      { header: 'Tier', cell: (r) => renderTierBadge(r.tier) },
      { header: 'Expected loss', align: 'num', cell: (r) => fmtAmount(r.expectedLoss) },
      {
        header: 'Reasons',
        className: 'wrap',
        cell: (r) => html`<ul class="reasons">${r.reasons.slice(0, 4).map((x) => html`<li>${x}</li>`)}</ul>`,
      },
    ],
  });
}

const CONTROLS = html`<div id="queue-controls" class="controls" hidden>
<label>Find an account <input type="search" id="queue-search" placeholder="buyer id" autocomplete="off" spellcheck="false"></label>
<label>Tier <select id="queue-tier"><option value="">all tiers</option>${BUYER_TIERS.map((t) => html`<option value="${t}">${t}</option>`)}</select></label>
<span id="queue-count" class="muted" aria-live="polite"></span>
</div>`;

export function renderRiskQueue(d: RiskQueueData, ctx: PageContext): string {
  let body: SafeHtml;
  const t = ctx.settings.tiers;
  if (!d.rows) {
    body = renderNotice(
      'missing',
      'no risk queue for this week',
      html`Run <code>trustlens score --as-of ${d.asOf}</code> to score buyers and build the queue.`,
    );
  } else {
    const rows = d.rows;
    const inCapacity = rows.filter((r) => r.rank <= d.capacity);
    const atStake = inCapacity.reduce((s, r) => s + r.refundOnlyAmount30d, 0);
    const expected = inCapacity.reduce((s, r) => s + r.expectedLoss, 0);
    const totalExpected = d.totalExpectedLoss ?? 0;
    const kpis = renderKpis([
      {
        label: 'Accounts in queue',
        value: fmtInt(rows.length),
        note: `review capacity ${fmtInt(d.capacity)} per week`,
      },
      { label: 'High tier', value: fmtInt(rows.filter((r) => r.tier === 'high').length) },
      { label: 'Refund-only at stake', value: fmtMoney(atStake), note: 'last 30 days, accounts within capacity' },
      {
        label: 'Expected loss covered',
        value: fmtMoney(expected),
        note: totalExpected > 0 ? `${fmtPct(expected / totalExpected)} of all scored buyers' expected loss` : undefined,
      },
      {
        label: 'In linked groups',
        value: fmtInt(rows.filter((r) => r.groupSize > 1).length),
        note: 'share a device, address or payment key',
      },
      ...(d.handled
        ? [
            {
              label: 'Already handled',
              value: fmtInt(d.handled.length),
              note: 'confirmed or under investigation; no capacity taken',
            },
          ]
        : []),
    ]);
    const csv = html`<p class="download">Work list for spreadsheets: <a href="${RISK_QUEUE_CSV}" download>${RISK_QUEUE_CSV}</a> (UTF-8 with BOM, every field quoted, lists separated by “ | ”; text starting with = + − @ is prefixed with an apostrophe so spreadsheets do not run it as a formula).</p>`;
    const notebook = ctx.settings.notebookUrl
      ? html`<em>investigate</em> opens the investigate-buyer notebook with that account selected (serve it first: <code>npm run notebooks</code>, then <code>npx vite preview --outDir notebooks/dist</code>)`
      : 'no notebook link (config report.notebookUrl is null)';
    body = html`${kpis}${csv}
${shortQueueNotice(d.summary)}
${rows.length ? queueCoverageChart('queue-coverage', rows, d.capacity) : ''}
${renderSection('queue', 'Queue', html`${CONTROLS}${queueTable(rows, d.capacity, ctx.settings.notebookUrl)}`, html`${rankingSentence(d.summary)} The dashed line under rank ${fmtInt(d.capacity)} marks this week’s review capacity. Each row has its own link (the id) to share, and ${notebook}. ${currencyNote(ctx.settings.currency)}`)}
${d.handled ? renderSection('handled', 'Already handled', handledTable(d.handled), 'Accounts that would have reached the queue but already have a confirmed-abuse verdict, or an investigation still open, before this date: they take no review capacity, and are listed so nobody picks them up twice.') : ''}`;
  }
  const defs = renderSection(
    'definitions',
    'Definitions',
    renderDefinitions([
      {
        term: 'Risk',
        definition: 'Calibrated probability that the buyer abuses refund-only, from the abuse-risk forest.',
      },
      {
        term: 'Tier',
        definition: `high at a risk of ${fmtNumber(t.buyerHigh, 2)} or more, elevated at ${fmtNumber(t.buyerElevated, 2)} or more, else normal.`,
      },
      {
        term: 'Expected loss',
        definition:
          'Risk × the buyer’s refund-only money a month: the larger of the last 30 days and the monthly average of the last 90 days.',
      },
      {
        term: 'Reasons',
        definition:
          'Up to four facts about the buyer that raised the risk most (exact TreeSHAP), strongest first, each with the typical value of all buyers that week. Unknown values, values equal to the typical one and the model’s own estimates are never given as reasons.',
      },
      {
        term: 'Linked accounts',
        definition:
          'Other accounts sharing a device, address or payment key with this buyer, and how many were confirmed abusers.',
      },
    ]),
  );
  return renderPage({
    asOf: d.asOf,
    page: 'risk-queue',
    title: 'Risk review queue',
    lede: 'For risk teams: the accounts to review this week, most expected loss first, with reasons and linked accounts.',
    notices: renderCoverageNotices(ctx.coverage),
    body: html`${body}${defs}`,
    script: d.rows && d.rows.length ? QUEUE_SCRIPT : undefined,
  });
}
