// Words a worst-standard reason by the standard it stands for this row ("7-day no-reason returns refused at 2.6× the
// marketplace rate …, worse than 99% of shops"), and cites each standard once.
import { fillTemplate } from '../../models/explain/fillTemplate.ts';
import { formatValue } from '../../models/explain/formatValue.ts';
import type { Reason } from '../../models/explain/reasonSentences.ts';
import type { CatalogueEntry } from '../../models/specs/specCatalogue.ts';

export interface StandardRow {
  /** For a per-row feature (catalogue componentFrom), the feature it stands for in this row; undefined otherwise. */
  standardOf: (featureIndex: number) => unknown;
  /** This row's value of the feature at an index of `entries`. */
  valueOf: (featureIndex: number) => number;
}

/**
 * Prepared once per model, then called per row: the reasons' sentences in order. A per-row feature's reason becomes
 * the named standard's own reason at its value, followed by the percentile; a later reason citing the same standard
 * is dropped, so a shop is not told twice. When the standard is not one the model reads, has no template, or its
 * value is unknown, the sentence stays as written, so a reason never cites a number it does not have.
 */
export function namedStandardReasons(
  entries: readonly CatalogueEntry[],
  templates: Readonly<Record<string, string>>,
): (reasons: readonly Reason[], row: StandardRow) => string[] {
  const index = new Map(entries.map((e, i) => [e.name, i]));
  return (reasons, row) => {
    const cited = new Set<string>();
    const out: string[] = [];
    for (const r of reasons) {
      const i = index.get(r.feature);
      const standard = i === undefined ? undefined : row.standardOf(i);
      const j = typeof standard === 'string' ? index.get(standard) : undefined;
      const template = typeof standard === 'string' ? templates[standard] : undefined;
      const value = j === undefined ? NaN : row.valueOf(j);
      const pct = i === undefined ? NaN : row.valueOf(i);
      const named = j !== undefined && template !== undefined && Number.isFinite(value) && Number.isFinite(pct);
      const cites = named ? (standard as string) : r.feature;
      if (cited.has(cites)) continue;
      cited.add(cites);
      out.push(
        named
          ? `${fillTemplate(template, formatValue(value, entries[j]!.unit))}, worse than ${formatValue(pct, 'share')} of shops`
          : r.sentence,
      );
    }
    return out;
  };
}
