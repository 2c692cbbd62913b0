// Tier badges for buyers (high / elevated / normal) and merchants (top-rated / standard / watch / at-risk).
import { BUYER_TIERS, MERCHANT_TIERS } from '../../data/vocabulary/tiers.ts';
import { html, type SafeHtml } from './escapeHtml.ts';
import { tierLabel } from './labels.ts';

// Class names come from this allow-list, never from data, so an unexpected tier cannot inject a class.
// 'inactive' is the tier for merchants without orders in the trust window (issue 16), styled before it is published.
const KNOWN_TIERS = new Set<string>([...BUYER_TIERS, ...MERCHANT_TIERS, 'inactive']);

export function renderTierBadge(tier: string): SafeHtml {
  const cls = KNOWN_TIERS.has(tier) ? `tier-${tier}` : 'tier-unknown';
  return html`<span class="badge ${cls}">${tierLabel(tier)}</span>`;
}
