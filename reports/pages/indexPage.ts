// index.html: the entry page linking the reports, with one line each on who it is for.
import { html } from '../html/escapeHtml.ts';
import { renderPage } from '../html/page.ts';
import { renderCoverageNotices } from '../html/dataNotice.ts';
import type { PageContext } from './pageContext.ts';

export interface IndexEntry {
  file: string;
  title: string;
  audience: string;
  description: string;
  /** One status line, e.g. "42 accounts in the queue" or "no simulation results". */
  status: string;
}

export function renderIndex(asOf: string, entries: readonly IndexEntry[], ctx: PageContext): string {
  const cards = entries.map(
    (e) =>
      html`<a class="card" href="${e.file}"><h3>${e.title}</h3><p><strong>${e.audience}</strong></p><p>${e.description}</p><p class="muted">${e.status}</p></a>`,
  );
  return renderPage({
    asOf,
    page: 'index',
    title: `Reports for the week to ${asOf}`,
    lede: 'Refund-only abuse risk, merchant trust and refund-policy replays. Every page is a single file that works offline and prints to PDF.',
    notices: renderCoverageNotices(ctx.coverage),
    body: html`<div class="cards">${cards}</div><p class="muted">Also: <a href="risk-queue.csv">risk-queue.csv</a> — the review queue for spreadsheets (UTF-8 with BOM).</p>
<p class="muted">For merchant governance: <a href="merchant-actions.csv">merchant-actions.csv</a> (this week’s recommended actions), <a href="spot-checks.csv">spot-checks.csv</a> (the inspection list), <a href="compensation-ledger.csv">compensation-ledger.csv</a> (the ledger).</p>`,
  });
}
