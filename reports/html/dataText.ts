// Text from the data on a page — ids (buyer, merchant, request, case) and names (merchants, categories, segments) —
// rendered in one place: escaped by `html`, isolated in a <bdi> so its direction cannot reorder its neighbours, its
// bidi controls shown as visible markers, and wrapped rather than widen a table (styles.css: bdi.data, .id-long).
// Charts show the same markers in their labels (renderChart.ts).
import { BIDI_CONTROLS, bidiMarker, html, type HtmlValue, type SafeHtml } from './escapeHtml.ts';

const BIDI_CONTROL = new RegExp(BIDI_CONTROLS.source);

/**
 * Ids up to this many characters (a wide character counts two) and without white space never break; others wrap
 * anywhere. 36 keeps a UUID (the ids of many real exports) on one line, where a risk team reads and searches it.
 */
export const UNBROKEN_ID_WIDTH = 36;

const CONTROL_NAMES: Record<string, string> = {
  '\u061C': 'Arabic letter mark',
  '\u200E': 'left-to-right mark',
  '\u200F': 'right-to-left mark',
  '\u202A': 'left-to-right embedding',
  '\u202B': 'right-to-left embedding',
  '\u202C': 'pop directional formatting',
  '\u202D': 'left-to-right override',
  '\u202E': 'right-to-left override',
  '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate',
  '\u2068': 'first strong isolate',
  '\u2069': 'pop directional isolate',
};

/** The value's text, escaped, with each bidi control as a small marker that names it. */
function visible(value: string): HtmlValue[] {
  const parts: HtmlValue[] = [];
  let last = 0;
  for (const m of value.matchAll(BIDI_CONTROLS)) {
    const at = m.index;
    if (at > last) parts.push(value.slice(last, at));
    parts.push(
      html`<span class="bidi-control" title="${`hidden in the data: ${CONTROL_NAMES[m[0]] ?? 'direction control'}`}">${bidiMarker(m[0])}</span>`,
    );
    last = at + m[0].length;
  }
  if (last < value.length) parts.push(value.slice(last));
  return parts;
}

const WIDE =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F000}-\u{1FAFF}]/u;

/** Display width in characters, a wide one (CJK, emoji) counting two, a bidi control as its 8-character marker. */
function displayWidth(value: string): number {
  let width = 0;
  for (const ch of value) width += BIDI_CONTROL.test(ch) ? 8 : WIDE.test(ch) ? 2 : 1;
  return width;
}

function classes(...names: (string | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/**
 * A name or other free text from the data (merchant name, category, segment): isolated, and in a table capped in
 * width so one long word wraps instead of widening the table.
 */
export function dataText(value: string | null | undefined, className?: string): SafeHtml {
  return html`<bdi class="${classes('data', className)}">${visible(value ?? '')}</bdi>`;
}

/**
 * An id from the data (buyer, merchant, request, case): monospace, isolated, on one line — unless it is wider than
 * UNBROKEN_ID_WIDTH characters (wider than a UUID) or holds white space (no real id does), when it wraps anywhere
 * instead of widening its table.
 */
export function dataId(value: string | null | undefined, className?: string): SafeHtml {
  const id = value ?? '';
  return html`<bdi class="${classes('id', displayWidth(id) > UNBROKEN_ID_WIDTH || /\s/.test(id) ? 'id-long' : undefined, className)}">${visible(id)}</bdi>`;
}

/** Ids as a list that wraps between them: "r1, r2, r3". */
export function dataIds(values: readonly string[], className?: string): SafeHtml {
  return html`${values.map((v, i) => html`${i ? ', ' : ''}${dataId(v, className)}`)}`;
}
