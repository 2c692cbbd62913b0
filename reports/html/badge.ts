// Tier badges for buyers (high / elevated / normal) and merchants (top-rated / standard / watch / at-risk).
import { html, type SafeHtml } from './escapeHtml.ts';
import { tierLabel } from './labels.ts';

// Class names come from this allow-list, never from data, so an unexpected tier cannot inject a class.
const KNOWN_TIERS = new Set(['high', 'elevated', 'normal', 'top-rated', 'standard', 'watch', 'at-risk', 'inactive']);

export const MERCHANT_TIERS = ['top-rated', 'standard', 'watch', 'at-risk'] as const;
export const BUYER_TIERS = ['high', 'elevated', 'normal'] as const;

export function renderTierBadge(tier: string): SafeHtml {
  const cls = KNOWN_TIERS.has(tier) ? `tier-${tier}` : 'tier-unknown';
  return html`<span class="badge ${cls}">${tierLabel(tier)}</span>`;
}
