// Words for the codes data carries (categories, tiers, segments), so pages never print "fresh_food" in prose.

const CATEGORY_WORDS: Record<string, string> = { fresh_food: 'fresh food' };
const TIER_WORDS: Record<string, string> = {
  'at-risk': 'at risk',
  'top-rated': 'top-rated',
  unscored: 'not scored yet',
};

/** "fresh_food" → "fresh food"; unknown codes keep their text with underscores as spaces. */
export function categoryLabel(code: string): string {
  return CATEGORY_WORDS[code] ?? code.replace(/_/g, ' ');
}

/** "at-risk" → "at risk"; other tier names read as they are. */
export function tierLabel(tier: string): string {
  return TIER_WORDS[tier] ?? tier.replace(/_/g, ' ');
}

/** A sim_results segment in words: "category=fresh_food" → "fresh food", "merchant_tier=at-risk" → "at risk". */
export function segmentLabel(segment: string): string {
  const [kind, value] = segment.includes('=')
    ? [segment.slice(0, segment.indexOf('=')), segment.slice(segment.indexOf('=') + 1)]
    : ['', segment];
  if (kind === 'category') return categoryLabel(value);
  if (kind === 'merchant_tier') return tierLabel(value);
  return value === 'overall' ? 'all requests' : value.replace(/_/g, ' ');
}
