// `trustlens score`: abuse risk per buyer, trust per merchant, reasons, tiers and the review queue, as of a date.
import { defineCommand, opt } from '../defineCommand.ts';

export const scoreCommand = defineCommand({
  name: 'score',
  summary:
    'Score buyers (abuse risk) and merchants (trust) as of a date, with tiers, reasons and the weekly review queue.',
  details:
    'Uses the newest model artifacts trained on or before --as-of. Writes score_buyer, score_merchant and risk_queue (this week) and ' +
    "upserts score_buyer_history, score_merchant_history and risk_queue_history, all in one transaction: a failure keeps last week's tables. " +
    'Features as of the date are rebuilt first, because merchant quality rates leave out requests of buyers flagged by earlier scores.',
  options: [
    {
      flag: 'as-of',
      value: 'DATE',
      description: 'Scoring date: features use only events before it.',
      schema: opt.date,
      required: true,
    },
    {
      flag: 'weeks',
      value: 'N',
      description:
        'Score the N weekly dates ending at --as-of, oldest first (backfills history; each week uses the newest model trained on or before it).',
      schema: opt.count.default(1),
      defaultText: '1',
    },
    {
      flag: 'weekday-ok',
      description: "Go ahead when --as-of is not on the weekday of the warehouse's scored weeks.",
      schema: opt.flag,
    },
  ],
  examples: [
    { command: 'trustlens score --as-of 2026-11-02', note: "this week's scores, reasons and review queue" },
    { command: 'trustlens score --as-of 2026-11-02 --weeks 12', note: 'backfill twelve weeks of history' },
  ],
  handler: async () => (await import('../../score/runScore.ts')).runScore,
});
