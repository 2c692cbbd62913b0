// The `govern` section of the config: after-sales standards (limit, minimum cases, points), the penalty ladder and spot
// checks.
import { z } from 'zod';

const share = (key: string) =>
  z.number().min(0, `${key} must be between 0 and 1`).max(1, `${key} must be between 0 and 1`);
const hours = (key: string) => z.number().positive(`${key} must be more than 0 hours`);
const wholeAtLeast = (key: string, min: number) =>
  z.number().int(`${key} must be a whole number`).min(min, `${key} must be at least ${min}`);

interface StandardDefaults {
  limit: number;
  minCases: number;
  points: number;
}

/**
 * One standard: the limit its metric is judged against, the cases needed for a verdict, and the points a failure costs.
 */
function standard(key: string, d: StandardDefaults, limitText: string, limitSchema: z.ZodNumber) {
  const k = `govern.standards.${key}`;
  return {
    limit: limitSchema.default(d.limit).describe(limitText),
    minCases: wholeAtLeast(`${k}.minCases`, 1)
      .default(d.minCases)
      .describe('Fewer cases than this in the window: no verdict (too few cases).'),
    points: z
      .number()
      .min(0, `${k}.points must be 0 or more`)
      .default(d.points)
      .describe('Points a failure adds on the penalty ladder.'),
  };
}

const shareStandard = (key: string, d: StandardDefaults, what: string, direction: 'max' | 'min' = 'max') =>
  standard(
    key,
    d,
    `${what}; fails ${direction === 'max' ? 'above' : 'below'} this share.`,
    share(`govern.standards.${key}.limit`),
  );
const hoursStandard = (key: string, d: StandardDefaults, what: string) =>
  standard(key, d, `${what}; fails above this many hours.`, hours(`govern.standards.${key}.limit`));

export const governSchema = z
  .strictObject({
    historyWeeks: wholeAtLeast('govern.historyWeeks', 2)
      .default(26)
      .describe(
        'Weekly scorecards the penalty ladder runs over, oldest first, ending at the as-of date; a weekly run computes only those not stored yet.',
      ),
    windowDays: wholeAtLeast('govern.windowDays', 7)
      .default(28)
      .describe('Each weekly scorecard judges the cases of this many days before its date.'),
    confidence: z
      .number()
      .min(0.5, 'govern.confidence must be between 0.5 and 0.999')
      .max(0.999, 'govern.confidence must be between 0.5 and 0.999')
      .default(0.5)
      .describe(
        'Above 0.5, a standard fails only when its cases show the limit breached beyond chance at this one-sided confidence (Wilson bound of the share of failed cases; for a median, of the cases over the limit); a value past the limit that so few cases could show by chance is `within_chance` and earns no points. 0.5 judges the value alone. Fewer good shops on the ladder, later warnings for small bad ones: README, "Evidence before a failure".',
      ),
    standards: z
      .strictObject({
        ticketResponseMedian: z
          .strictObject(
            hoursStandard(
              'ticketResponseMedian',
              { limit: 8, minCases: 2, points: 1 },
              'Median hours to the first answer to a service ticket (an unanswered one counts the hours elapsed)',
            ),
          )
          .prefault({}),
        ticketResponseLate: z
          .strictObject({
            ...shareStandard(
              'ticketResponseLate',
              { limit: 0.5, minCases: 2, points: 2 },
              'Share of service tickets first answered after `hours` or not at all',
            ),
            hours: hours('govern.standards.ticketResponseLate.hours')
              .default(24)
              .describe('Hours within which a service ticket must be answered.'),
          })
          .prefault({}),
        refundResponseMedian: z
          .strictObject(
            hoursStandard(
              'refundResponseMedian',
              { limit: 24, minCases: 2, points: 1 },
              'Median hours to the merchant’s first answer to a refund request (an unanswered one counts the hours elapsed)',
            ),
          )
          .prefault({}),
        refundResponseLate: z
          .strictObject({
            ...shareStandard(
              'refundResponseLate',
              { limit: 0.5, minCases: 2, points: 2 },
              'Share of refund requests the merchant answered after `hours` or not at all',
            ),
            hours: hours('govern.standards.refundResponseLate.hours')
              .default(48)
              .describe('Hours within which a refund request must be answered (the platform auto-refunds after 48 h).'),
          })
          .prefault({}),
        ticketResolution: z
          .strictObject({
            ...shareStandard(
              'ticketResolution',
              { limit: 0.5, minCases: 2, points: 2 },
              'Share of service tickets resolved, among those opened at least `hours` before the date',
              'min',
            ),
            hours: hours('govern.standards.ticketResolution.hours')
              .default(72)
              .describe('A ticket is judged on resolution once it is this many hours old.'),
          })
          .prefault({}),
        ticketResolutionTime: z
          .strictObject(
            hoursStandard(
              'ticketResolutionTime',
              { limit: 48, minCases: 3, points: 1 },
              'Median hours from opening to resolution of resolved service tickets',
            ),
          )
          .prefault({}),
        attitudeComplaints: z
          .strictObject(
            shareStandard(
              'attitudeComplaints',
              { limit: 0.34, minCases: 3, points: 2 },
              'Share of service tickets with a complaint about the merchant’s attitude',
            ),
          )
          .prefault({}),
        lowServiceRatings: z
          .strictObject({
            ...shareStandard(
              'lowServiceRatings',
              { limit: 0.5, minCases: 2, points: 1 },
              'Share of reviews whose service (DSR) rating is `rating` or lower',
            ),
            rating: z
              .number()
              .int('govern.standards.lowServiceRatings.rating must be a whole number')
              .min(1)
              .max(4)
              .default(3)
              .describe('Service ratings (1–5) at or below this count as low.'),
          })
          .prefault({}),
        disputesLost: z
          .strictObject(
            shareStandard(
              'disputesLost',
              { limit: 0.25, minCases: 4, points: 3 },
              'Share of decided refund requests the buyer escalated and the platform decided against the merchant',
            ),
          )
          .prefault({}),
        noReasonRefused: z
          .strictObject(
            shareStandard(
              'noReasonRefused',
              { limit: 0.5, minCases: 2, points: 3 },
              'Share of decided 7-day no-reason return requests the merchant refused or left to the auto-refund',
            ),
          )
          .prefault({}),
        freshFoodSlowDecision: z
          .strictObject({
            ...shareStandard(
              'freshFoodSlowDecision',
              { limit: 0.5, minCases: 2, points: 2 },
              'Share of fresh-food refund requests not decided within `hours` (the stricter fresh-food limit)',
            ),
            hours: hours('govern.standards.freshFoodSlowDecision.hours')
              .default(24)
              .describe('Hours within which a fresh-food refund request must be decided.'),
          })
          .prefault({}),
        electronicsExchangeRefused: z
          .strictObject(
            shareStandard(
              'electronicsExchangeRefused',
              { limit: 0.5, minCases: 2, points: 2 },
              'Share of decided electronics exchange requests the merchant refused',
            ),
          )
          .prefault({}),
        lateShipment: z
          .strictObject(
            shareStandard(
              'lateShipment',
              { limit: 0.1, minCases: 2, points: 2 },
              'Share of orders shipped after the promised date (or not shipped by it)',
            ),
          )
          .prefault({}),
        qualityRefunds: z
          .strictObject(
            shareStandard(
              'qualityRefunds',
              { limit: 0.1, minCases: 5, points: 2 },
              'Share of orders with a refund request for a product defect (not as described, quality, damaged, wrong item)',
            ),
          )
          .prefault({}),
      })
      .prefault({}),
    ladder: z
      .strictObject({
        warningPoints: z
          .number()
          .positive('govern.ladder.warningPoints must be more than 0')
          .default(1)
          .describe('Active points at which a warning is recommended.'),
        rectificationPoints: z
          .number()
          .positive()
          .default(6)
          .describe('Active points at which rectification with a deadline is recommended.'),
        demotionPoints: z
          .number()
          .positive()
          .default(12)
          .describe('Active points at which demotion in search is recommended.'),
        pointDeductionPoints: z
          .number()
          .positive()
          .default(28)
          .describe('Active points at which a point deduction is recommended.'),
        suspensionPoints: z
          .number()
          .positive()
          .default(48)
          .describe('Active points at which suspension is recommended.'),
        closurePoints: z
          .number()
          .positive()
          .default(72)
          .describe('Active points at which closing the shop is recommended.'),
        decayWeeks: wholeAtLeast('govern.ladder.decayWeeks', 1)
          .default(8)
          .describe('Points expire this many weeks after the violation that earned them.'),
        repeatWindowWeeks: wholeAtLeast('govern.ladder.repeatWindowWeeks', 0)
          .default(4)
          .describe('A standard failed again within this many weeks of its last failure is a repeat (0: no repeats).'),
        repeatMultiplier: z
          .number()
          .min(1, 'govern.ladder.repeatMultiplier must be at least 1')
          .default(2)
          .describe('Points of a repeat violation are multiplied by this.'),
        maxStepsPerWeek: wholeAtLeast('govern.ladder.maxStepsPerWeek', 1)
          .default(1)
          .describe('A merchant never moves up more than this many levels in one week.'),
        rectificationDays: wholeAtLeast('govern.ladder.rectificationDays', 1)
          .default(14)
          .describe('Days a merchant is given to rectify (the deadline shown with a rectification).'),
      })
      .prefault({})
      .refine(
        (l) =>
          l.warningPoints <= l.rectificationPoints &&
          l.rectificationPoints <= l.demotionPoints &&
          l.demotionPoints <= l.pointDeductionPoints &&
          l.pointDeductionPoints <= l.suspensionPoints &&
          l.suspensionPoints <= l.closurePoints,
        {
          message:
            'ladder points must rise with the level: warningPoints <= rectificationPoints <= demotionPoints <= pointDeductionPoints <= suspensionPoints <= closurePoints; reorder them',
          path: ['rectificationPoints'],
        },
      ),
    spotCheck: z
      .strictObject({
        size: wholeAtLeast('govern.spotCheck.size', 1).default(40).describe('Merchants to inspect each week.'),
        riskShare: share('govern.spotCheck.riskShare')
          .default(0.5)
          .describe(
            'Share of the sample drawn with probability proportional to risk (low trust, failed standards); the rest is drawn uniformly from the others, so every merchant can be checked.',
          ),
        seed: z
          .number()
          .int('govern.spotCheck.seed must be a whole number')
          .default(17)
          .describe('Seed of the sample (the week’s date is mixed in, so weeks differ but reruns agree).'),
      })
      .prefault({}),
  })
  .prefault({});

export type GovernConfig = z.output<typeof governSchema>;
