// The notice every page carries when a week was scored by a starter model (or one trained elsewhere): read its scores
// accordingly.
import { html } from './escapeHtml.ts';
import { renderNotice } from './section.ts';

/** One model that scored the week (score_model_history). */
export interface ScoredModel {
  model: string;
  /** trained (here) | configured (trained elsewhere) | starter (shipped, synthetic). */
  source: string;
  modelDate: string;
  artifact: string;
}

/** The notice's HTML, empty when every model was trained on this marketplace's own labels. */
export function modelNotice(models: readonly ScoredModel[] | undefined): string {
  const starters = (models ?? []).filter((m) => m.source === 'starter');
  const elsewhere = (models ?? []).filter((m) => m.source === 'configured');
  if (!starters.length && !elsewhere.length) return '';
  const parts: string[] = [];
  if (starters.length) {
    parts.push(
      renderNotice(
        'warning',
        `scored with starter models (${starters.map((m) => m.model).join(', ')})`,
        html`This marketplace has no labels yet that can train ${starters.length > 1 ? 'these models' : 'this model'}, so this week was scored by the model${starters.length > 1 ? 's' : ''} shipped with trustlens, trained on its synthetic marketplace (${starters.map((m) => m.artifact).join(', ')}; see MODEL_CARD.md beside each). Read risks, trust and tiers as a first ranking, not as calibrated probabilities for this marketplace; the run trains its own models once investigations and governance actions arrive.`,
      ).html,
    );
  }
  if (elsewhere.length) {
    parts.push(
      renderNotice(
        'info',
        `scored with models trained elsewhere (${elsewhere.map((m) => m.model).join(', ')})`,
        html`Config models.* points at ${elsewhere.map((m) => m.artifact).join(', ')}.`,
      ).html,
    );
  }
  return parts.join('\n');
}

/** The page with the notice first in its main content (every page has one <main>). */
export function withModelNotice(page: string, notice: string): string {
  return notice ? page.replace('<main>\n', `<main>\n${notice}\n`) : page;
}
