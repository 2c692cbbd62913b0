// Small DOM builders for notebook cells: every data value goes in as text (textContent), never as HTML.
import './notebooks.css';

export interface Kpi {
  /** Stable key, set as data-metric so tests and readers can find the figure. */
  key: string;
  label: string;
  value: string;
  note?: string;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string | null,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function kpis(items: readonly Kpi[]): HTMLDivElement {
  const root = el('div', 'tl-kpis');
  for (const item of items) {
    const card = root.appendChild(el('div', 'tl-kpi'));
    card.dataset.metric = item.key;
    card.appendChild(el('div', 'tl-kpi-label', item.label));
    card.appendChild(el('div', 'tl-kpi-value', item.value));
    if (item.note) card.appendChild(el('div', 'tl-kpi-note', item.note));
  }
  return root;
}

/** A muted paragraph, e.g. why a dataset is missing and which command writes it. */
export function note(text: string): HTMLParagraphElement {
  return el('p', 'tl-note', text);
}

export function list(items: readonly string[]): HTMLUListElement {
  const root = el('ul', 'tl-reasons');
  for (const item of items) root.appendChild(el('li', null, item));
  return root;
}

/** A text node, for putting data values into Markdown cells safely. */
export function text(value: unknown): Text {
  return document.createTextNode(value === null || value === undefined ? '—' : String(value));
}

const pct = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const num = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const money = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

export const format = {
  pct: (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : pct.format(x)),
  num: (x: number | null | undefined) => (x === null || x === undefined || !Number.isFinite(x) ? '—' : num.format(x)),
  money: (x: number | null | undefined) =>
    x === null || x === undefined || !Number.isFinite(x) ? '—' : money.format(x),
};
