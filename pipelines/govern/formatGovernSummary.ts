// The lines `trustlens govern` prints: this week's recommended actions, escalations, spot checks and compensation.
import { ACTIONS } from '../../data/vocabulary/ladderActions.ts';
import type { GovernSummary } from './governWeek.ts';

const n = (x: number) => x.toLocaleString('en');
const money = (x: number) => x.toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatGovernSummary(s: GovernSummary): string {
  if (s.skipped) return `govern ${s.asOf}: skipped: ${s.skipped}`;
  const stored = s.weeks.length - s.computed.length;
  const actions = ACTIONS.slice(1)
    .filter((a) => s.actions[a])
    .map((a) => `${n(s.actions[a]!)} ${a}`)
    .join(', ');
  return [
    `govern ${s.asOf}: ${s.weeks.length} weekly scorecards (${s.weeks[0]} … ${s.asOf}), ${stored ? `${n(s.computed.length)} computed, ${n(stored)} stored` : 'all computed'}, in ${s.seconds.toFixed(1)} s`,
    `  scorecard:    ${n(s.merchants)} merchants with cases this week`,
    `  actions:      ${actions || 'none'}; ${n(s.escalations)} escalated since last week`,
    `  spot checks:  ${n(s.spotChecks)} merchants to inspect`,
    `  compensation: ${money(s.compensation.confirmed)} confirmed, ${money(s.compensation.expected)} expected this week`,
    ...(s.unjudged ?? []).map((u) => `  not judged:   ${u.week}: ${u.reason}`),
  ].join('\n');
}
