// Data tables: typed column definitions, numbers right-aligned in tabular figures, an explicit empty state.
import { html, type HtmlValue, type SafeHtml } from './escapeHtml.ts';

export interface Column<T> {
  /** Text, or markup such as a category name from the data (dataText). */
  header: HtmlValue;
  /** 'num' right-aligns with tabular figures. */
  align?: 'num' | 'text';
  /** Optional hover help for the header. */
  help?: string;
  cell: (row: T, index: number) => HtmlValue;
  /** Extra class for cells, e.g. 'wrap' for long text. */
  className?: string;
}

export interface TableOptions<T> {
  columns: readonly Column<T>[];
  rows: readonly T[];
  caption?: string;
  empty?: string;
  className?: string;
  /** Marks a row, e.g. the status-quo baseline. */
  rowClass?: (row: T) => string | undefined;
  /** id of the table element. */
  id?: string;
  /** Extra attributes per row (an anchor id, data-* for filtering); values are escaped. */
  rowAttributes?: (row: T) => Record<string, string>;
}

/** Attribute names come from code, never data; anything but letters, digits and dashes is refused. */
function attributeName(name: string): string {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`table: ${name} is not an allowed attribute name`);
  return name;
}

function cls(...names: (string | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

export function renderTable<T>(opts: TableOptions<T>): SafeHtml {
  const head = opts.columns.map(
    (c) =>
      html`<th scope="col" class="${cls(c.align === 'num' ? 'num' : undefined, c.className)}"${c.help ? html` title="${c.help}"` : ''}>${c.header}</th>`,
  );
  const body =
    opts.rows.length === 0
      ? html`<tr><td class="empty" colspan="${opts.columns.length}">${opts.empty ?? 'No rows.'}</td></tr>`
      : opts.rows.map(
          (r, i) =>
            html`<tr${opts.rowClass?.(r) ? html` class="${opts.rowClass(r)}"` : ''}${Object.entries(opts.rowAttributes?.(r) ?? {}).map(([k, v]) => html` ${attributeName(k)}="${v}"`)}>${opts.columns.map(
              (c) => html`<td class="${cls(c.align === 'num' ? 'num' : undefined, c.className)}">${c.cell(r, i)}</td>`,
            )}</tr>`,
        );
  return html`<div class="table-wrap"><table class="${cls('data', opts.className)}"${opts.id ? html` id="${opts.id}"` : ''}>${opts.caption ? html`<caption>${opts.caption}</caption>` : ''}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}
