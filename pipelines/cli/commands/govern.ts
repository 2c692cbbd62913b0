// `trustlens govern`: the merchant side — weekly after-sales scorecards, the penalty ladder, spot checks and the
// compensation ledger.
import { defineCommand, opt } from '../defineCommand.ts';

export const governCommand = defineCommand({
  name: 'govern',
  summary:
    'Merchant governance as of a date: weekly after-sales scorecards, recommended actions on the penalty ladder, a spot-check sample and the compensation ledger.',
  details:
    'Computes the scorecards of the govern.historyWeeks weeks ending at --as-of (each judging the govern.windowDays days before it, ' +
    "leaving out cases of buyers flagged as abusers at the time), runs the penalty ladder over them, draws the week's spot checks and " +
    'restates the ledger of abusive refund-only money merchants bore. Replaces those weeks in merchant_scorecard, ' +
    "merchant_actions_recommended, merchant_spot_checks and merchant_compensation in one transaction: a failure keeps last week's. " +
    'Run after `trustlens score`, whose buyer tiers and merchant trust it reads.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: "The week's date: scorecards judge events before it.",
      schema: opt.date,
      required: true,
    },
  ],
  examples: [
    { command: 'trustlens govern --as-of 2026-11-02', note: 'scorecards, ladder, spot checks and ledger for the week' },
  ],
  handler: async () => (await import('../../govern/runGovern.ts')).runGovern,
});
