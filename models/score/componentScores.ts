// Merchant component sub-scores (fulfilment, product quality, after-sales, satisfaction): where the trust shortfall
// comes from.
import type { CatalogueEntry } from '../specs/specCatalogue.ts';

export const TRUST_COMPONENTS = ['fulfilment', 'product_quality', 'after_sales', 'satisfaction'] as const;
export type TrustComponent = (typeof TRUST_COMPONENTS)[number];

/**
 * sub-score(c) = 100 − (100 − trust) × share(c). Features are grouped by catalogue component (features outside the
 * four,
 * e.g. size and category mix, form one more group); a group's TreeSHAP contributions are summed, and share(c) is c's
 * positive sum over the positive sums of all groups. So the shortfall from 100 is split over the groups that raised
 * the risk: a shop with trust 40 lost mostly on product quality reads product quality ≈ 40–60 and fulfilment ≈ 100,
 * and no sub-score is below trust. A shop whose features raised no risk scores 100 on every component.
 */
export function componentScores(
  trust: number,
  contributions: ArrayLike<number>,
  features: readonly CatalogueEntry[],
  /** This row's component per feature where the catalogue defers to the row (componentFrom); undefined elsewhere. */
  rowComponents: readonly (string | undefined)[] = [],
): Record<TrustComponent, number> {
  const groups = new Map<string, number>();
  features.forEach((f, i) => {
    const c = rowComponents[i] ?? f.component;
    const g = c && (TRUST_COMPONENTS as readonly string[]).includes(c) ? c : 'other';
    groups.set(g, (groups.get(g) ?? 0) + contributions[i]!);
  });
  let positive = 0;
  for (const v of groups.values()) positive += Math.max(0, v);
  const shortfall = Math.max(0, 100 - trust);
  return Object.fromEntries(
    TRUST_COMPONENTS.map((c) => [
      c,
      positive > 0 ? 100 - (shortfall * Math.max(0, groups.get(c) ?? 0)) / positive : 100,
    ]),
  ) as Record<TrustComponent, number>;
}
