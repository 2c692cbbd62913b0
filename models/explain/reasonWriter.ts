// A row's reasons (the features that raised its score, in plain sentences) for many rows of one model, prepared once:
// the decision service writes reasons for every request, the score stage for every explained account.
import type { CatalogueEntry } from '../specs/specCatalogue.ts';
import { fillTemplate } from './fillTemplate.ts';
import { formatValue } from './formatValue.ts';
import type { Reason, ReasonInput } from './reasonSentences.ts';

type ModelInput = Omit<ReasonInput, 'contributions' | 'values'>;

export const stripPeriod = (s: string) => s.replace(/\.\s*$/, '');
export const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/**
 * The features with the largest positive contributions that are citable (`citable`), worded as `reasonSentence` words
 * them, in rank order (pinned against that sort-based definition by a property test): what depends on the model only
 * (excluded features, the column each onlyWhen condition reads, the typical values as formatted, sentence prefixes)
 * is worked out once, and reasons are picked by selection in rank order instead of sorting every feature, so a row
 * costs the values it formats and no more.
 */
export class ReasonWriter {
  private readonly max: number;
  private readonly min: number;
  /** Per feature: may it be a reason at all (not excluded). */
  private readonly allowed: Uint8Array;
  /** Per feature: index of the feature its onlyWhen condition reads, -1 when it has none, -2 when that is unknown. */
  private readonly whenColumn: Int32Array;
  private readonly whenStrict: Uint8Array;
  private readonly whenThreshold: Float64Array;
  /** Per feature: the typical value as formatted (null when unknown) and the sentence's " (typical: …)" tail. */
  private readonly typicalShown: (string | null)[];
  private readonly typicalText: string[];
  private readonly templates: (string | undefined)[];
  /** The sentence's start when there is no template: "description (window): ". */
  private readonly prefix: string[];
  private readonly units: CatalogueEntry['unit'][];
  private readonly names: string[];
  private readonly used: Uint8Array;

  constructor(input: ModelInput) {
    const { entries, typical, templates } = input;
    const n = entries.length;
    this.max = input.max ?? 4;
    this.min = input.minContribution ?? 1e-6;
    const exclude = new Set(input.exclude ?? []);
    this.allowed = Uint8Array.from(entries, (e) => (exclude.has(e.name) ? 0 : 1));
    this.whenColumn = new Int32Array(n).fill(-1);
    this.whenStrict = new Uint8Array(n);
    this.whenThreshold = new Float64Array(n);
    entries.forEach((e, i) => {
      const c = input.onlyWhen?.[e.name];
      if (!c) return;
      const column = entries.findIndex((x) => x.name === c.column);
      this.whenColumn[i] = column < 0 ? -2 : column;
      this.whenStrict[i] = c.op === '>=' ? 0 : 1;
      this.whenThreshold[i] = c.threshold;
    });
    this.units = entries.map((e) => e.unit);
    this.names = entries.map((e) => e.name);
    this.typicalShown = entries.map((e, i) => (Number.isFinite(typical[i]!) ? formatValue(typical[i]!, e.unit) : null));
    this.typicalText = this.typicalShown.map((t) => (t === null ? '' : ` (typical: ${t})`));
    this.templates = entries.map((e) => templates[e.name]);
    this.prefix = entries.map(
      (e) => `${lowerFirst(stripPeriod(e.description))}${e.window === 'none' ? '' : ` (${e.window})`}: `,
    );
    this.used = new Uint8Array(n);
  }

  private meets(i: number, values: ArrayLike<number>): boolean {
    const column = this.whenColumn[i]!;
    if (column === -1) return true;
    if (column === -2) return false;
    const v = values[column]!;
    return this.whenStrict[i] ? v > this.whenThreshold[i]! : v >= this.whenThreshold[i]!;
  }

  /** Up to `max` sentences for one row: its contributions and its values, in the entries' order. */
  sentences(contributions: ArrayLike<number>, values: ArrayLike<number>): string[] {
    return this.reasons(contributions, values).map((r) => r.sentence);
  }

  /** Up to `max` reasons for one row, each with its feature and contribution. */
  reasons(contributions: ArrayLike<number>, values: ArrayLike<number>): Reason[] {
    const out: Reason[] = [];
    const used = this.used;
    used.fill(0);
    const n = used.length;
    while (out.length < this.max) {
      // the next in rank: largest contribution, then lowest index
      let best = -1;
      let bestC = 0;
      for (let i = 0; i < n; i++) {
        if (used[i]) continue;
        const c = contributions[i]!;
        if (!(c > this.min) || (best >= 0 && !(c > bestC))) continue;
        best = i;
        bestC = c;
      }
      if (best < 0) break;
      used[best] = 1;
      if (!this.allowed[best] || !this.meets(best, values)) continue;
      const value = values[best]!;
      if (!Number.isFinite(value)) continue;
      const shown = formatValue(value, this.units[best]!);
      const typical = this.typicalShown[best]!;
      if (typical !== null && shown === typical) continue;
      const template = this.templates[best];
      out.push({
        feature: this.names[best]!,
        contribution: bestC,
        sentence: template
          ? template.includes('{value}')
            ? fillTemplate(template, shown) + this.typicalText[best]!
            : template
          : this.prefix[best]! + shown + this.typicalText[best]!,
      });
    }
    return out;
  }
}
