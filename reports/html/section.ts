// Page sections and notice panels (e.g. "no simulation results for this week").
import { html, type HtmlValue, type SafeHtml } from './escapeHtml.ts';

export function renderSection(id: string, title: string, body: HtmlValue, intro?: HtmlValue): SafeHtml {
  return html`<section id="${id}"><h2>${title}</h2>${intro ? html`<p class="intro">${intro}</p>` : ''}${body}</section>`;
}

export type NoticeKind = 'info' | 'warning' | 'missing';

/** A boxed message that stands in for a section whose data is missing, with what to run to fill it. */
export function renderNotice(kind: NoticeKind, title: string, body: HtmlValue): SafeHtml {
  const label = kind === 'warning' ? 'Warning' : kind === 'missing' ? 'Not available' : 'Note';
  return html`<div class="notice notice-${kind}" role="note"><strong>${label}: ${title}</strong><div>${body}</div></div>`;
}

/** Definition list used for methods and metric definitions. */
export function renderDefinitions(items: readonly { term: string; definition: HtmlValue }[]): SafeHtml {
  return html`<dl class="definitions">${items.map((i) => html`<dt>${i.term}</dt><dd>${i.definition}</dd>`)}</dl>`;
}
