// Completes a per-row reason ("weakest service standard of the year worse than 97% of shops") with the standard it
// stands for this row, worded by that standard's own template and value.
import { fillTemplate } from '../../models/explain/fillTemplate.ts';
import { formatValue } from '../../models/explain/formatValue.ts';
import type { CatalogueEntry } from '../../models/specs/specCatalogue.ts';

/**
 * `sentence` followed by ": " and the named feature's reason at `value`; `sentence` alone when the feature is not one
 * the model reads, has no template, or its value is unknown, so a reason never cites a number it does not have.
 */
export function namedStandardReason(
  sentence: string,
  standard: unknown,
  entries: readonly CatalogueEntry[],
  templates: Readonly<Record<string, string>>,
  valueOf: (featureIndex: number) => number,
): string {
  if (typeof standard !== 'string') return sentence;
  const j = entries.findIndex((e) => e.name === standard);
  const template = templates[standard];
  if (j < 0 || !template) return sentence;
  const value = valueOf(j);
  if (!Number.isFinite(value)) return sentence;
  return `${sentence}: ${fillTemplate(template, formatValue(value, entries[j]!.unit))}`;
}
