// The few lines a weekly run ends with: what was loaded and quarantined, models, who was flagged, where the reports
// are.
import { BUYER_TIERS, MERCHANT_TIERS } from '../../data/vocabulary/tiers.ts';
import { batchTotals } from '../ingest/ingestBatch.ts';
import type { WeeklyRunSummary } from './runWeekly.ts';
import { describeSkipped } from './historyCoverage.ts';

const n = (x: number) => x.toLocaleString('en');

/** Buyer tiers above normal: the ones the summary counts as flagged. */
const FLAGGED_TIERS = BUYER_TIERS.filter((t) => t !== 'normal');

export function formatRunSummary(s: WeeklyRunSummary): string {
  const totals = s.ingest ? batchTotals(s.ingest) : null;
  const loaded =
    s.ingest && totals
      ? `batch ${s.ingest.batchId} from ${s.ingestFrom}: ${n(totals.loaded)} rows loaded, ${n(totals.quarantined)} quarantined` +
        (totals.quarantined > 0 ? ` (see table quarantine where batch_id = ${s.ingest.batchId})` : '')
      : s.ingestFrom
        ? `nothing new in ${s.ingestFrom}`
        : 'no input folder; used the warehouse as it was';
  // Every tier is named with its count, zeros included ("0 high, 0 elevated buyers of 15,234", never "buyers of
  // 15,234"),
  // then (for merchants) any tier the score stage added that this list does not know yet.
  const tiers = (t: Record<string, number>, order: readonly string[], others = false) =>
    [
      ...order,
      ...(others
        ? Object.keys(t)
            .filter((k) => !order.includes(k))
            .sort()
        : []),
    ]
      .map((k) => `${n(t[k] ?? 0)} ${k}`)
      .join(', ');
  const model = (date: string, source: string) =>
    source === 'trained'
      ? date
      : source === 'starter'
        ? 'STARTER model'
        : `${date} (trained elsewhere, config models.*)`;
  const starters = [
    s.score.buyerModelSource === 'starter' && 'abuse-risk',
    s.score.merchantModelSource === 'starter' && 'merchant-trust',
  ].filter(Boolean);
  const lines = [
    `week ${s.asOf} done in ${s.seconds.toFixed(1)} s (${n(s.orders)} orders in the warehouse` +
      (s.guestOrders
        ? `, ${n(s.guestOrders)} of them guest checkouts: counted for their merchants, no buyer to score)`
        : ')'),
    ...(starters.length
      ? [
          `  NOTE:      scored with STARTER models (${starters.join(', ')}): trained on the synthetic marketplace, not on this marketplace's labels;`,
          '             read scores as a first ranking, not as calibrated probabilities (models/starter/<model>/MODEL_CARD.md)',
        ]
      : []),
    `  loaded:    ${loaded}`,
    `  models:    abuse-risk ${model(s.score.buyerModelDate, s.score.buyerModelSource)}, merchant-trust ${model(s.score.merchantModelDate, s.score.merchantModelSource)}` +
      (s.trained.length ? ` (trained this run: ${s.trained.join(', ')})` : ' (not retrained)'),
    `  flagged:   ${tiers(s.score.buyerTiers, FLAGGED_TIERS) || 'no'} buyers of ${n(s.score.buyers)}; ${n(s.score.queue)} in the review queue`,
    `  merchants: ${tiers(s.score.merchantTiers, MERCHANT_TIERS, true)}`,
    `  governance: ${
      s.govern.skipped
        ? `skipped: ${s.govern.skipped}`
        : `${
            Object.entries(s.govern.actions)
              .map(([a, k]) => `${n(k)} ${a.replace(/_/g, ' ')}`)
              .join(', ') || 'no actions'
          } recommended; ${n(s.govern.spotChecks)} spot checks` +
          (s.govern.unjudged?.length
            ? `; not judged, files still missing: ${s.govern.unjudged.map((u) => u.week).join(', ')}`
            : '')
    }`,
    `  policies:  ${s.simulated.policies} replayed on ${n(s.simulated.requests)} refund requests`,
  ];
  for (const l of s.labelShortfalls) {
    // a model trained as of the week could not be trained for the replayed weeks before it: say which it is
    lines.push(
      s.trained.includes(l.model)
        ? `  labels:    ${l.model} was trained this run, but not for the past weeks it scored first (an older model or the starter scored them): ${l.explanation}`
        : `  labels:    ${l.model} cannot be trained here yet: ${l.explanation}`,
    );
  }
  const h = s.history;
  lines.push(
    `  history:   ${h.weeks} week${h.weeks === 1 ? '' : 's'} of orders${h.start ? ` (from ${h.start})` : ''}; training on this marketplace's labels needs ` +
      `${h.modelNeeds['abuse-risk'].minWeeks}+ weeks (abuse-risk, ${h.modelNeeds['abuse-risk'].fullWeeks} for all its snapshots) and ` +
      `${h.modelNeeds['merchant-trust'].minWeeks}+ (merchant-trust, ${h.modelNeeds['merchant-trust'].fullWeeks}); the replay needs ${h.replayNeeds} (${h.replayNeeds - 1} replayed + the week before)`,
  );
  if (s.backfilledWeeks.length)
    lines.push(
      `  backfill:  scored ${s.backfilledWeeks.length} past weeks first (${s.backfilledWeeks[0]} … ${s.backfilledWeeks.at(-1)})`,
    );
  for (const d of describeSkipped(h.unscoredWeeks)) lines.push(`  not scored:   ${d}`);
  for (const d of describeSkipped(h.unreplayedWeeks)) lines.push(`  not replayed: ${d}`);
  lines.push(`  stages:    ${s.stages.map((t) => `${t.stage} ${t.seconds.toFixed(1)} s`).join(', ')}`);
  lines.push(`  reports:   ${s.reportsIndex}`);
  return lines.join('\n');
}
