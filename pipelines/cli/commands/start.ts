// `trustlens start` (what `npm start` runs): the whole product on the embedded synthetic marketplace.
import { defineCommand, opt } from '../defineCommand.ts';

export const startCommand = defineCommand({
  name: 'start',
  summary:
    'Generate the synthetic marketplace into config dataDir if it has none, then run the week of config generate.end and print where the reports are.',
  details: 'A second start reuses the data, the warehouse and fresh models, so it only redoes the week.',
  options: [{ flag: 'retrain', description: 'Retrain every model even if it is fresh.', schema: opt.flag }],
  examples: [
    { command: 'trustlens start', note: 'the synthetic marketplace end to end; prints where the reports are' },
    { command: 'trustlens start --retrain', note: 'the same, retraining every model' },
  ],
  handler: async () => (await import('../../run/runStart.ts')).runStart,
});
