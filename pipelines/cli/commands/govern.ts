// `trustlens govern`: the merchant side — weekly after-sales scorecards, the penalty ladder, spot checks and the
// compensation ledger.
import { defineCommand, opt } from '../defineCommand.ts';

export const governCommand = defineCommand({
  name: 'govern',
  summary:
    'Merchant governance as of a date: weekly after-sales scorecards, recommended actions on the penalty ladder, a spot-check sample and the compensation ledger.',
  details:
    'Scores the govern.historyWeeks weeks ending at --as-of (each judging the govern.windowDays days before it, ' +
    'leaving out cases of buyers flagged as abusers at the time): weeks stored by earlier runs are read back unless settings, ' +
    "deliveries or buyer scores since may change them, the rest are computed. Runs the penalty ladder over them, draws the week's " +
    'spot checks and restates the ledger of abusive refund-only money merchants bore. Writes the weeks computed to merchant_scorecard, ' +
    'the recommendations of the weeks not published before (this one at least) to merchant_actions_recommended, and replaces ' +
    "merchant_spot_checks and merchant_compensation, in one transaction: a failure keeps last week's. " +
    'Run after `trustlens score`, whose buyer tiers and merchant trust it reads.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: "The week's date: scorecards judge events before it.",
      schema: opt.date,
      required: true,
    },
    {
      flag: 'full',
      description:
        "Compute every history week and rewrite every week's recommendations (a fresh warehouse's run), reusing nothing stored.",
      schema: opt.flag,
    },
  ],
  examples: [
    { command: 'trustlens govern --as-of 2026-11-02', note: 'scorecards, ladder, spot checks and ledger for the week' },
    {
      command: 'trustlens govern --as-of 2026-11-02 --full',
      note: 'the same from scratch, after a change of ladder settings',
    },
  ],
  handler: async () => (await import('../../govern/runGovern.ts')).runGovern,
});
