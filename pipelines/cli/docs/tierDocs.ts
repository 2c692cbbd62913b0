// Renders the tier thresholds table for the README from the config schema's defaults, so the README cannot restate old
// numbers.
import { configSchema } from '../../../data/config/configSchema.ts';

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function tierDocsMarkdown(): string {
  const t = configSchema.parse({}).tiers;
  const rows = [
    ['buyer', '`high`', `calibrated abuse risk ≥ ${t.buyerHigh}`, '`tiers.buyerHigh`'],
    ['buyer', '`elevated`', `risk ≥ ${t.buyerElevated}`, '`tiers.buyerElevated`'],
    ['buyer', '`normal`', `risk < ${t.buyerElevated}`, ''],
    ...(t.merchantBy === 'quantile'
      ? [
          ['merchant', '`at-risk`', `lowest ${pct(t.merchantAtRiskShare)} of trust`, '`tiers.merchantAtRiskShare`'],
          ['merchant', '`watch`', `next ${pct(t.merchantWatchShare)}`, '`tiers.merchantWatchShare`'],
          ['merchant', '`standard`', `next ${pct(t.merchantStandardShare)}`, '`tiers.merchantStandardShare`'],
          ['merchant', '`top-rated`', 'the rest', '`tiers.merchantBy`'],
        ]
      : [
          ['merchant', '`top-rated`', `trust ≥ ${t.merchantTopRated}`, '`tiers.merchantTopRated`'],
          ['merchant', '`standard`', `trust ≥ ${t.merchantStandard}`, '`tiers.merchantStandard`'],
          ['merchant', '`watch`', `trust ≥ ${t.merchantWatch}`, '`tiers.merchantWatch`'],
          ['merchant', '`at-risk`', `trust < ${t.merchantWatch}`, ''],
        ]),
    ['merchant', '`inactive`', 'no orders in the last 90 days (counted apart, never among the movers)', ''],
  ];
  return [
    '| who | tier | when (default config) | config key |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
