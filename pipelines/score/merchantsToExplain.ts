// Which merchants a weekly score explains with TreeSHAP: the ones whose reasons and sub-scores someone reads.
import type { MerchantTier } from '../../data/vocabulary/tiers.ts';

/** Tiers the risk and merchant teams work from; their shops get reasons and sub-scores every week. */
export const EXPLAINED_TIERS: readonly MerchantTier[] = ['watch', 'at-risk'];

/**
 * Row indices, ascending, of the shops to explain: every active shop in a watched tier, and every active shop whose
 * tier moved since its previous score (a mover's page says why). Exact TreeSHAP costs about a millisecond a shop, and
 * at 10M orders (50,000 shops) explaining the top-rated and standard majority was a fifth of the weekly run; their
 * sub-scores and reasons stay empty, as in a replay-only week. An inactive shop's one reason needs no TreeSHAP.
 */
export function merchantsToExplain(
  ids: readonly string[],
  tiers: readonly MerchantTier[],
  previous: ReadonlyMap<string, { tier: string }>,
): number[] {
  const rows: number[] = [];
  tiers.forEach((tier, i) => {
    if (tier === 'inactive') return;
    const before = previous.get(ids[i]!)?.tier;
    if (EXPLAINED_TIERS.includes(tier) || (before !== undefined && before !== tier)) rows.push(i);
  });
  return rows;
}
