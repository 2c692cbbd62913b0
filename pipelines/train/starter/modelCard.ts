// The markdown model card committed beside a starter artifact: what it is, how it was built, how well it did, and its
// limits.
import type { ArtifactFile } from '../../../models/registry/artifactFile.ts';
import { MASKED_SOURCES } from './maskSources.ts';
import { STARTER_MARKETPLACE, STARTER_TRAINING } from './starterSettings.ts';

const f = (x: number | null, d = 3) => (x === null ? '–' : x.toFixed(d));

export function starterModelCard(a: ArtifactFile, bytes: number): string {
  const m = a.metrics;
  const entity = a.spec.entity;
  const masked = MASKED_SOURCES[entity].map((s) => s.join(' + ')).join('; ');
  const lines = [
    `# Starter model: ${a.model}`,
    '',
    `A **starter** ${a.model} model shipped with trustlens. \`trustlens run\` scores with it automatically while a marketplace`,
    'has no labels of its own that can train this model (config `models.useStarter: auto`), and every report page and the run',
    'summary then say so. It was trained on the **synthetic marketplace**, not on real data: read its scores as a first',
    'ranking of who to look at, not as calibrated probabilities for your marketplace. Once your own labels suffice,',
    '`run` trains a model on them and stops using this one.',
    '',
    '## How it was built',
    '',
    '```sh',
    'npm run starter-models    # regenerates models/starter/*/artifact.json and these cards',
    '```',
    '',
    `- Data: \`trustlens generate\` seed ${STARTER_MARKETPLACE.seed}, ${STARTER_MARKETPLACE.buyers.toLocaleString('en')} buyers, ` +
      `${STARTER_MARKETPLACE.merchants.toLocaleString('en')} merchants, ${STARTER_MARKETPLACE.weeks} weeks before ${STARTER_MARKETPLACE.end}, ingested and trained as of ${a.asOf}.`,
    `- Training: the ${a.model} spec of \`models/specs/\` with ${STARTER_TRAINING.nTrees} trees (weekly models use config training.nTrees, 100) ` +
      `of depth at most ${a.spec.forest.maxDepth}, seed ${STARTER_TRAINING.seed}; ${a.training.fitted.rows.toLocaleString('en')} rows fitted ` +
      `(${a.training.fitted.positives.toLocaleString('en')} positives); calibration ${a.spec.calibration}.`,
    `- Missing sources: every labelled row is used once as it is and once more per masked source set (${masked}), with the features ` +
      'computed from those sources unknown (NaN), so the forest has learnt to score a marketplace that lacks them.',
    `- Training snapshots ${a.trainingWindow.from} … ${a.trainingWindow.to}; held out ${a.validationWindow.from} … ${a.validationWindow.to} (out of time).`,
    `- File: \`artifact.json\`, ${(bytes / 1024).toFixed(0)} KiB, the same format as \`models/artifacts/<model>/<date>.json\`.`,
    '',
    '## Label',
    '',
    a.labelDefinition,
    '',
    '## Held-out metrics (synthetic marketplace, masked copies included)',
    '',
    '| model or rule | ROC AUC | PR AUC | precision@k | recall@k | Brier |',
    '|---|---|---|---|---|---|',
    `| ${a.model} (starter) | ${f(m.rocAuc)} | ${f(m.prAuc)} | ${f(m.precisionAtK)} (k ${m.k}) | ${f(m.recallAtK)} | ${f(m.brier, 4)} |`,
    ...a.baselines.map(
      (b) =>
        `| rule: ${b.name} | ${f(b.metrics.rocAuc)} | ${f(b.metrics.prAuc)} | ${f(b.metrics.precisionAtK)} | ${f(b.metrics.recallAtK)} | ${f(b.metrics.brier, 4)} |`,
    ),
    '',
    `${m.rows.toLocaleString('en')} held-out rows, ${m.positives.toLocaleString('en')} positives.`,
    '',
    '## Limits',
    '',
    '- Learnt from planted behaviour (see data/synthetic/README.md): real abuse and real merchant problems look different in places.',
    "- Probabilities are calibrated on the synthetic marketplace's base rates; tiers built on them are a starting point.",
    '- Its features must match the feature catalogue of the trustlens version scoring with it: rebuild it after changing features.',
    '',
    '## Using another model',
    '',
    'Point config `models.abuseRisk` or `models.merchantTrust` at an artifact trained elsewhere (a `<date>.json` written by',
    '`trustlens train`); `models.useStarter: never` makes a run fail instead of scoring with a starter.',
    '',
    '## Top features (mean |TreeSHAP| on held-out rows)',
    '',
    ...a.shapSummary.slice(0, 10).map((s) => `- ${s.feature}: ${s.meanAbs.toFixed(4)}`),
    '',
  ];
  return lines.join('\n');
}
