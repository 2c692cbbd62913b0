// `trustlens features`: builds feat_buyer, feat_merchant and buyer_groups as of a date and appends them to history.
import { defineCommand, opt } from '../defineCommand.ts';

export const featuresCommand = defineCommand({
  name: 'features',
  summary:
    'Build buyer and merchant features as of a date (feat_buyer, feat_merchant, buyer_groups) and append them to history.',
  details:
    "Reads only events strictly before --as-of. Replaces feat_buyer and feat_merchant and that date's rows in " +
    'feat_buyer_history, feat_merchant_history and buyer_groups, in one transaction after the column checks pass; ' +
    'a failed build leaves the previous outputs intact. `trustlens catalog` describes every column.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: 'Feature date (YYYY-MM-DD); events on or after it are ignored.',
      schema: opt.date,
      required: true,
    },
  ],
  examples: [
    {
      command: 'trustlens features --as-of 2026-11-02',
      note: 'buyer and merchant features from events before 2026-11-02',
    },
  ],
  handler: async () => (await import('../../features/runFeatures.ts')).runFeatures,
});
