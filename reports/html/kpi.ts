// Headline number cards: label, value, week-over-week change and an optional note.
import { html, type SafeHtml } from './escapeHtml.ts';
import { renderDelta, type Delta } from './delta.ts';

export interface Kpi {
  label: string;
  value: string;
  delta?: Delta | null;
  note?: string;
}

export function renderKpis(kpis: readonly Kpi[]): SafeHtml {
  return html`<div class="kpis">${kpis.map(
    (k) =>
      html`<div class="kpi"><div class="kpi-label">${k.label}</div><div class="kpi-value">${k.value}</div>${
        k.delta === undefined ? '' : html`<div class="kpi-delta">${renderDelta(k.delta)}</div>`
      }${k.note ? html`<div class="kpi-note">${k.note}</div>` : ''}</div>`,
  )}</div>`;
}
