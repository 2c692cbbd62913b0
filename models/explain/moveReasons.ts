// Why a score moved between two weeks under one model: the features whose TreeSHAP contribution changed most in that
// direction.
import type { CatalogueEntry } from '../specs/specCatalogue.ts';
import { fillTemplate } from './fillTemplate.ts';
import { formatValue } from './formatValue.ts';

export interface WeekExplanation {
  /** The row's feature values that week (NaN = unknown), in `entries` order. */
  values: ArrayLike<number>;
  /** TreeSHAP contributions that week (probability units; positive raises the predicted probability). */
  contributions: ArrayLike<number>;
}

export interface MoveReasonInput {
  entries: readonly CatalogueEntry[];
  templates: Readonly<Record<string, string>>;
  before: WeekExplanation;
  now: WeekExplanation;
  /**
   * 'up': the predicted probability rose (for merchants: trust fell), so the reasons are the features whose
   * contribution
   * rose most; 'down': those whose contribution fell most.
   */
  direction: 'up' | 'down';
  /**
   * Per feature, how the model reads it over the population: +1 when higher values raise the probability, −1 when they
   * lower it, 0 when neither (featureDirections). A feature is cited only when its value moved the way that explains
   * the
   * move: a contribution can also shift through interactions while the value moved the other way, and "7.7% unanswered
   * (last week: 15%)" is no reason for a fall.
   */
  directions: readonly number[];
  /**
   * Which way each feature is better in plain terms; where given, the value must have moved the worse (or better) way.
   */
  betterWhen?: Readonly<Record<string, 'higher' | 'lower'>>;
  /** Features never offered (context such as size or age). */
  exclude?: readonly string[];
  max?: number;
  /** Changes of contribution at or below this are noise. */
  minChange?: number;
}

/**
 * "12% of orders shipped late in 90 days (last week: 3.0%)": this week's value in the reason's wording, last week's
 * beside it.
 */
export function moveSentence(entry: CatalogueEntry, now: number, before: number, template: string | undefined): string {
  const shown = formatValue(now, entry.unit);
  const was = formatValue(before, entry.unit);
  const window = entry.window === 'none' ? '' : ` (${entry.window})`;
  const text = template
    ? fillTemplate(template, shown)
    : `${entry.description.replace(/\.\s*$/, '')}${window}: ${shown}`;
  return `${text} (last week: ${was})`;
}

/**
 * Up to `max` sentences, the largest change of contribution first. A feature is cited only when both weeks' values are
 * known
 * and read differently: a contribution can shift through other features alone, which is no reason a reader can check.
 */
export function moveReasons(input: MoveReasonInput): string[] {
  const { entries, before, now } = input;
  const sign = input.direction === 'up' ? 1 : -1;
  const min = input.minChange ?? 1e-6;
  const exclude = new Set(input.exclude ?? []);
  const candidates = entries
    .map((e, i) => ({ e, i, change: sign * (now.contributions[i]! - before.contributions[i]!) }))
    .filter(({ e, i, change }) => {
      if (change <= min || exclude.has(e.name)) return false;
      const a = before.values[i]!;
      const b = now.values[i]!;
      if (!Number.isFinite(a) || !Number.isFinite(b) || formatValue(a, e.unit) === formatValue(b, e.unit)) return false;
      // +1 when a higher value means more risk: from the plain-terms direction where declared, else from the model's
      // reading.
      const declared = input.betterWhen?.[e.name];
      const riskier = declared ? (declared === 'lower' ? 1 : -1) : (input.directions[i] ?? 0);
      return Math.sign(b - a) * riskier === sign;
    })
    .sort((x, y) => y.change - x.change || x.i - y.i);
  return candidates
    .slice(0, input.max ?? 3)
    .map(({ e, i }) => moveSentence(e, now.values[i]!, before.values[i]!, input.templates[e.name]));
}

/**
 * How the model reads each feature across rows: the sign of the correlation between a feature's value and its
 * contribution
 * (+1 higher raises the probability, −1 lowers it), 0 when it is weak (|r| < 0.2) or cannot be measured.
 */
export function featureDirections(rows: readonly WeekExplanation[], features: number): number[] {
  return Array.from({ length: features }, (_, f) => {
    const pairs = rows.map((r) => [r.values[f]!, r.contributions[f]!] as const).filter(([v]) => Number.isFinite(v));
    if (pairs.length < 10) return 0;
    const mv = pairs.reduce((s, [v]) => s + v, 0) / pairs.length;
    const mc = pairs.reduce((s, [, c]) => s + c, 0) / pairs.length;
    let cov = 0;
    let vv = 0;
    let cc = 0;
    for (const [v, c] of pairs) {
      cov += (v - mv) * (c - mc);
      vv += (v - mv) ** 2;
      cc += (c - mc) ** 2;
    }
    const r = vv > 0 && cc > 0 ? cov / Math.sqrt(vv * cc) : 0;
    return Math.abs(r) < 0.2 ? 0 : Math.sign(r);
  });
}
