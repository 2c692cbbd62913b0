// Axis helpers that keep charts honest on awkward data: margins that fit the labels, no degenerate domains, distinct
// ticks.

/**
 * Approximate width in px of a label at `fontSize` (11 px in charts): wide (CJK) characters and W take a full em, M
 * 0.87 em, others ~0.62 em (a shop named "WWWW…" would otherwise run past the chart's left edge).
 */
export function textWidth(text: string, fontSize = 11): number {
  let em = 0;
  for (const ch of text)
    em +=
      ch === 'W' ||
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch)
        ? 1
        : ch === 'M'
          ? 0.87
          : 0.62;
  return Math.ceil(em * fontSize);
}

/** A left margin wide enough for the longest label (plus tick and gap), between `min` and `max` px. */
export function labelMargin(labels: readonly string[], min = 60, max = 340): number {
  return Math.max(min, Math.min(max, Math.max(0, ...labels.map((l) => textWidth(l))) + 16));
}

/** Shortens a label to `max` characters (wide characters count double), with an ellipsis. */
export function shorten(label: string, max = 30): string {
  let width = 0;
  let out = '';
  for (const ch of label) {
    width += textWidth(ch) > 8 ? 2 : 1;
    if (width > max) return `${out}…`;
    out += ch;
  }
  return out;
}

/**
 * A domain for values that may all be zero or missing (which would give NaN ticks): [0, 1] then, else undefined (Plot's
 * own).
 */
export function flatDomain(values: readonly (number | null | undefined)[]): [number, number] | undefined {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return finite.length === 0 || Math.max(...finite.map(Math.abs)) === 0 ? [0, 1] : undefined;
}

/**
 * A tick formatter with just enough decimals for `count` ticks over [0, max] (pass the same count as the axis's
 * `ticks`),
 * so no two ticks print alike ("0.001, 0.001"); with `percent` values are scaled by 100 and end in "%".
 */
export function distinctTickFormat(
  max: number,
  opts: { count?: number; percent?: boolean } = {},
): (d: number) => string {
  const scale = opts.percent ? 100 : 1;
  const span = Math.abs(max) * scale || 1;
  // d3 spaces ticks 1, 2 or 5 × 10^p apart with p = ⌊log10(span / count)⌋ (or p + 1): p decimals tell them apart.
  const decimals = Math.max(0, -Math.floor(Math.log10(span / (opts.count ?? 5))));
  return (d: number) => {
    const v = d * scale;
    const s = v.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    return (/[1-9]/.test(s) ? s : s.replace('-', '')) + (opts.percent ? '%' : '');
  };
}
