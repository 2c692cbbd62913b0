// Week-over-week change: direction arrow (▲/▼/■), signed text and a good/bad class, so colour is never the only signal.
import { html, type SafeHtml } from './escapeHtml.ts';
import { MISSING, fmtSigned } from './format.ts';

export type Direction = 'up' | 'down' | 'flat';
export type Sentiment = 'good' | 'bad' | 'neutral';

export interface Delta {
  direction: Direction;
  sentiment: Sentiment;
  text: string;
}

export interface DeltaOptions {
  /**
   * 'relative' = percentage change; 'points' = difference of two shares in percentage points; 'absolute' = plain
   * difference.
   */
  kind: 'relative' | 'points' | 'absolute';
  /** true when a rise is good news, false when bad, null when neither. */
  higherIsBetter: boolean | null;
  decimals?: number;
  /** Suffix for absolute changes, e.g. " pts". */
  unit?: string;
  /** Formats the size of an absolute change (sign added here), e.g. the metric's own money or percentage format. */
  format?: (magnitude: number) => string;
}

/** Compares this week with last; null when either side is missing (or relative change from zero). */
export function computeDelta(
  current: number | null | undefined,
  previous: number | null | undefined,
  opts: DeltaOptions,
): Delta | null {
  if (current === null || current === undefined || previous === null || previous === undefined) return null;
  if (!Number.isFinite(current) || !Number.isFinite(previous)) return null;
  const decimals = opts.decimals ?? 1;
  let change: number;
  let text: string;
  if (opts.kind === 'relative') {
    if (previous === 0) return null;
    change = (current - previous) / Math.abs(previous);
    text = fmtSigned(change * 100, decimals, '%');
  } else if (opts.kind === 'points') {
    change = (current - previous) * 100;
    text = fmtSigned(change, decimals, ' pp');
  } else {
    change = current - previous;
    text = opts.format
      ? (change > 0 ? '+' : change < 0 ? '\u2212' : '') + opts.format(Math.abs(change))
      : fmtSigned(change, decimals, opts.unit ?? '');
  }
  const rounded =
    opts.format && opts.kind === 'absolute'
      ? /[1-9]/.test(opts.format(Math.abs(change)))
        ? change
        : 0
      : Number(change.toFixed(decimals + (opts.kind === 'relative' ? 2 : 0)));
  const direction: Direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'flat';
  const sentiment: Sentiment =
    direction === 'flat' || opts.higherIsBetter === null
      ? 'neutral'
      : (direction === 'up') === opts.higherIsBetter
        ? 'good'
        : 'bad';
  return { direction, sentiment, text };
}

const ARROWS: Record<Direction, string> = { up: '▲', down: '▼', flat: '■' };
const WORDS: Record<Direction, string> = { up: 'up', down: 'down', flat: 'unchanged' };

export function renderDelta(delta: Delta | null, label = 'vs last week'): SafeHtml {
  if (!delta) return html`<span class="delta delta-none">${MISSING}${label ? ` ${label}` : ''}</span>`;
  return html`<span class="delta delta-${delta.direction} ${delta.sentiment}" title="${WORDS[delta.direction]} ${label}"><span aria-hidden="true">${ARROWS[delta.direction]}</span> ${delta.text}${label ? html` <span class="delta-label">${label}</span>` : ''}</span>`;
}
