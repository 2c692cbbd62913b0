// The one HTML escaping helper: escapes data for text and quoted-attribute contexts, and an `html` tag that escapes by
// default. Ids and names from the data are rendered by dataText.ts on top of it (isolated, wrapping).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
// C0 controls (except tab, LF, CR), DEL and C1 controls are parse errors in HTML; show them as U+FFFD so they stay
// visible.
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/**
 * Bidirectional formatting characters: the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069 and the
 * marks U+200E, U+200F and U+061C. Invisible, yet an override reorders the text around it ("\u202Egpj.exe" reads
 * "exe.jpg"), so a reviewer would read or copy another id than the data holds.
 */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** A bidi control as the visible marker a page shows instead: U+202E → "⟨U+202E⟩". */
export function bidiMarker(control: string): string {
  return `⟨U+${(control.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** Text with every bidi control shown as its marker (for plain-text places: chart labels, attributes). */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, bidiMarker);
}

/**
 * Escapes a value for HTML text or a double- or single-quoted attribute value; null and undefined become ''. Controls
 * stay visible: C0/C1 as U+FFFD, bidi controls as their marker (no page ever carries one that reorders its text).
 */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return showBidiControls(String(value))
    .replace(CONTROLS, '\uFFFD')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** Markup that is already safe: built by `html`, or trusted output such as our own CSS or server-rendered SVG. */
export class SafeHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function interpolate(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.html;
  if (Array.isArray(value)) return value.map(interpolate).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** Template tag: every interpolated value is escaped unless it is SafeHtml; arrays are concatenated. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += interpolate(values[i] as HtmlValue) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks trusted markup as safe. Only for markup this code generated itself, never for data. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
