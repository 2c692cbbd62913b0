// Renders the tier thresholds table for the README from the config schema's defaults, so the README cannot restate old numbers.
import { configSchema } from '../../../data/config/configSchema.ts';

export function tierDocsMarkdown(): string {
  const t = configSchema.parse({}).tiers;
  const rows = [
    ['buyer', '`high`', `calibrated abuse risk ≥ ${t.buyerHigh}`, '`tiers.buyerHigh`'],
    ['buyer', '`elevated`', `risk ≥ ${t.buyerElevated}`, '`tiers.buyerElevated`'],
    ['buyer', '`normal`', `risk < ${t.buyerElevated}`, ''],
    ['merchant', '`top-rated`', `trust ≥ ${t.merchantTopRated}`, '`tiers.merchantTopRated`'],
    ['merchant', '`standard`', `trust ≥ ${t.merchantStandard}`, '`tiers.merchantStandard`'],
    ['merchant', '`watch`', `trust ≥ ${t.merchantWatch}`, '`tiers.merchantWatch`'],
    ['merchant', '`at-risk`', `trust < ${t.merchantWatch}`, ''],
  ];
  return [
    '| who | tier | when (default config) | config key |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}
