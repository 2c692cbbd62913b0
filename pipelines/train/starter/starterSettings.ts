// The one definition of how the shipped starter models are built: marketplace, training settings, smaller forests.
import type { ModelName } from '../../../models/artifactSchema.ts';

/**
 * The models shipped as starters: the weekly scores. request-risk has none (requests stay without a request risk until
 * one is trained).
 */
export const STARTER_MODELS = ['abuse-risk', 'merchant-trust'] as const satisfies readonly ModelName[];

/** The synthetic marketplace they learn from: the default one `npm start` generates. */
export const STARTER_MARKETPLACE = {
  seed: 42,
  buyers: 20_000,
  merchants: 1_000,
  weeks: 52,
  end: '2026-11-02',
} as const;

/** Config overrides for training them: fewer trees than a weekly model, so the committed files stay small. */
export const STARTER_TRAINING = { nTrees: 30, threads: 2, seed: 7 } as const;

/** Shallower trees than the weekly specs where that keeps the file small (merchant-trust is already depth 6). */
export const STARTER_MAX_DEPTH: Record<(typeof STARTER_MODELS)[number], number> = {
  'abuse-risk': 8,
  'merchant-trust': 6,
};

/** What the starters learn where it differs from the weekly spec (see truthLabels.ts): shown on the model card page. */
export const STARTER_LABEL_DEFINITIONS: Partial<Record<(typeof STARTER_MODELS)[number], string>> = {
  'merchant-trust':
    "Positive (starter): a problem merchant in the synthetic marketplace's ground truth (items not as described, late " +
    'shipping, poor after-sales service or refused 7-day returns), from the day its problem began. The starter learns this ' +
    'instead of serious actions, which come late and follow mostly after-sales data many marketplaces lack. ' +
    'Trust = 100 × (1 − calibrated probability of being a problem merchant).',
};
