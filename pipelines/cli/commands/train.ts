// `trustlens train`: fits the abuse-risk, merchant-trust and request-risk forests on labels known before a date.
import { z } from 'zod';
import { MODEL_NAMES } from '../../../models/artifactSchema.ts';
import { defineCommand, opt } from '../defineCommand.ts';

export const trainCommand = defineCommand({
  name: 'train',
  summary:
    'Train the abuse-risk, merchant-trust and request-risk models on labels known before a date, with out-of-time validation.',
  details:
    'Rows come from weekly feature snapshots before --as-of (built as needed). Buyer snapshots must be at least labels.abuseLabelDelayDays ' +
    'old (request weeks too) and merchant snapshots at least labels.merchantHorizonDays old; the newest training.validationWeeks of them are held out for ' +
    'metrics and calibration. Writes <artifactsDir>/<model>/<DATE>.json and latest.json. Same data and seed give the same file.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: 'Training date: only labels known before it are used.',
      schema: opt.date,
      required: true,
    },
    {
      flag: 'model',
      value: 'NAME',
      description: `One model only (${MODEL_NAMES.join(' or ')}).`,
      schema: z.enum(MODEL_NAMES).optional(),
      defaultText: 'all three',
    },
    {
      flag: 'rebuild-features',
      description: 'Rebuild every feature snapshot used, not only missing ones.',
      schema: opt.flag,
    },
  ],
  examples: [
    { command: 'trustlens train --as-of 2026-11-02', note: 'all three models on labels known before the date' },
    { command: 'trustlens train --as-of 2026-11-02 --model merchant-trust', note: 'the merchant model only' },
  ],
  handler: async () => (await import('../../train/runTrain.ts')).runTrain,
});
