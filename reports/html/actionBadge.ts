// Badges for the penalty ladder's actions, coloured by severity with the tier badges' classes.
import { html, type SafeHtml } from './escapeHtml.ts';
import { ACTION_LABELS, type LadderAction } from '../../data/vocabulary/ladderActions.ts';

// Classes come from this map, never from data, so an unexpected action cannot inject a class.
const CLASS: Record<LadderAction, string> = {
  none: 'tier-top-rated',
  warning: 'tier-standard',
  rectification: 'tier-watch',
  demotion: 'tier-watch',
  point_deduction: 'tier-at-risk',
  suspension: 'tier-at-risk',
  closure: 'tier-at-risk',
};

export function actionLabel(action: string): string {
  return (ACTION_LABELS as Record<string, string>)[action] ?? action;
}

export function renderActionBadge(action: string): SafeHtml {
  const cls = (CLASS as Record<string, string>)[action] ?? 'tier-unknown';
  return html`<span class="badge ${cls}">${actionLabel(action)}</span>`;
}
