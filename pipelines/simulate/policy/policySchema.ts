// The refund-policy file schema (YAML or JSON): ordered rules with conditions and actions, plus review, deadline and
// cost settings.
import { z } from 'zod';
import { showValue } from '../../../data/validation/parseOrThrow.ts';
import {
  CONDITION_FIELDS,
  CONDITION_FIELD_NAMES,
  CONDITION_OPS,
  PRESENCE_OPS,
  opsFor,
  type FieldType,
} from './conditionFields.ts';

export const ACTIONS = ['instant_refund', 'refund_after_return', 'manual_review', 'reject', 'as_recorded'] as const;
export type PolicyAction = (typeof ACTIONS)[number];
const actionSchema = z.enum(ACTIONS, { error: `must be one of ${ACTIONS.join(', ')}` });
/** What a rule's review overflow may do instead: any action but review itself. */
type OverflowAction = Exclude<PolicyAction, 'manual_review'>;
const OVERFLOW_ACTIONS = ACTIONS.filter((a): a is OverflowAction => a !== 'manual_review') as [
  OverflowAction,
  ...OverflowAction[],
];
const fallbackSchema = z.enum(OVERFLOW_ACTIONS, {
  error: `must be ${OVERFLOW_ACTIONS.slice(0, -1).join(', ')} or ${OVERFLOW_ACTIONS.at(-1)} (overflow cannot go back to review)`,
});

// Any number, NaN and infinity included: checkValue refuses those with the value by name (z.number() refused them as
// "Invalid input", shown as null).
const anyNumber = z.custom<number>((v) => typeof v === 'number');
const conditionValue = z.union([anyNumber, z.string(), z.array(z.union([anyNumber, z.string()]))]);
const NOT_FINITE = 'must be a finite number (NaN and infinity are not allowed)';
/**
 * Largest size of a number a condition compares with: no amount, account age in days, count of accounts or hours is
 * near a trillion, and DuckDB binds a whole number as a 64-bit integer (1e20 failed the replay: "bigint out of int64
 * range").
 */
const MAX_CONDITION_NUMBER = 1e12;

function checkValue(type: FieldType, op: string, value: unknown): string | null {
  const list = op === 'in' || op === 'not_in';
  if (list && (!Array.isArray(value) || value.length === 0))
    return `op ${op} needs a non-empty list of values, e.g. [${type.kind === 'enum' ? type.values.slice(0, 2).join(', ') : '1, 2'}]`;
  if (!list && Array.isArray(value)) return `op ${op} takes one value, not a list; use op in for a list`;
  for (const v of Array.isArray(value) ? value : [value]) {
    if (type.kind === 'number') {
      if (typeof v !== 'number') return 'must be a number';
      if (!Number.isFinite(v)) return NOT_FINITE;
      if (Math.abs(v) > MAX_CONDITION_NUMBER)
        return `must be within ±${MAX_CONDITION_NUMBER.toLocaleString('en')} (no amount, age, count or hours is larger)`;
      if (type.min !== undefined && v < type.min) return `must be at least ${type.min}`;
      if (type.max !== undefined && v > type.max) return `must be at most ${type.max}`;
    } else if (typeof v !== 'string' || !type.values.includes(v)) {
      return `${showValue(v)} is not one of ${type.values.join(', ')}`;
    }
  }
  return null;
}

export const conditionSchema = z
  .strictObject({
    field: z.enum(CONDITION_FIELD_NAMES, { error: `unknown field; use one of ${CONDITION_FIELD_NAMES.join(', ')}` }),
    op: z.enum(CONDITION_OPS, { error: `unknown op; use one of ${CONDITION_OPS.join(', ')}` }),
    value: conditionValue.optional(),
  })
  .superRefine((c, ctx) => {
    const ops = opsFor(c.field);
    if (!ops.includes(c.op)) {
      ctx.addIssue({
        code: 'custom',
        path: ['op'],
        input: c.op,
        message: `got "${c.op}"; op ${c.op} does not apply to field ${c.field}; use one of ${ops.join(', ')}`,
      });
      return;
    }
    const presence = (PRESENCE_OPS as readonly string[]).includes(c.op);
    if (presence) {
      if (c.value !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['value'],
          input: c.value,
          message: `got ${showValue(c.value)}; op ${c.op} takes no value; remove it`,
        });
      return;
    }
    if (c.value === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        input: undefined,
        message: `got nothing; op ${c.op} needs a value`,
      });
      return;
    }
    const problem = checkValue(CONDITION_FIELDS[c.field].type, c.op, c.value);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        input: c.value,
        message: `got ${showValue(c.value)}; ${problem} (field ${c.field})`,
      });
  });
export type Condition = z.output<typeof conditionSchema>;

export const ruleSchema = z.strictObject({
  name: z.string().min(1).optional(),
  /** All conditions must hold; no conditions means the rule always matches. */
  when: z.array(conditionSchema).default([]),
  action: actionSchema,
  /** The merchant response deadline does not turn this rule's refund_after_return into an auto-refund. */
  exemptFromDeadline: z.boolean().default(false),
});

const rate = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const nonNegative = z.number().min(0, 'must be 0 or more');
// Bounds the simulator needs, each far past any real setting: values bind to DuckDB integers and decimals, and days and
// costs add up into sums that must stay exact (1e308 days failed stages later as "bigint out of int64 range").
/** A refund more than a year away is no refund: days of review or return, 0 to 365. */
const MAX_DAYS = 365;
const days = nonNegative.max(MAX_DAYS, `must be at most ${MAX_DAYS} (a year; a refund later than that is no refund)`);
/** A merchant deadline past a year never fires: leave the key out for no deadline. */
const MAX_RESPONSE_HOURS = 8_760;
/** More reviews than a 10M-order week has refund requests: leave the key out for no cap. */
const MAX_REVIEW_CAPACITY = 10_000_000;
/**
 * Money per request or day, in the platform currency; a million is past any shipping or review cost even in
 * currencies of small units (IDR, VND), and costs are stored as decimal(18, 2) and summed exactly.
 */
const MAX_COST = 1_000_000;
const cost = nonNegative.max(MAX_COST, `must be at most ${MAX_COST.toLocaleString('en')} (money per request or day)`);

export const settingsSchema = z
  .strictObject({
    reviewCapacityPerWeek: z
      .number()
      .min(0, { error: 'must be 0 or more', abort: true })
      // before the whole-number check, which also fails past the safe integers (1e308) and said so beside this
      .max(MAX_REVIEW_CAPACITY, {
        error: `must be at most ${MAX_REVIEW_CAPACITY.toLocaleString('en')} (leave it out for no weekly cap)`,
        abort: true,
      })
      .int('must be a whole number')
      .optional(),
    overflowAction: fallbackSchema.optional(),
    merchantResponseHours: z
      .number()
      .positive('must be more than 0')
      .max(
        MAX_RESPONSE_HOURS,
        `must be at most ${MAX_RESPONSE_HOURS.toLocaleString('en')} (a year; leave it out for no deadline)`,
      )
      .optional(),
    reviewDetectionRate: rate.default(0.8),
    reviewDelayDays: days.default(2),
    returnDays: days.default(6),
    abuserReturnRate: rate.default(0.1),
    /**
     * Share of the money paid to confirmed abusers for kept goods that the platform repays the merchants (0 = none).
     */
    compensation: rate.default(0),
  })
  .prefault({})
  .superRefine((s, ctx) => {
    if (s.reviewCapacityPerWeek !== undefined && s.overflowAction === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['overflowAction'],
        input: undefined,
        message:
          'got nothing; is required when reviewCapacityPerWeek is set: name the action for requests beyond capacity (e.g. refund_after_return)',
      });
    }
  });

export const costsSchema = z
  .strictObject({
    returnShipping: cost.default(10),
    manualReview: cost.default(15),
    honestDelayDay: cost.default(2),
  })
  .prefault({});

export const policySchema = z.strictObject({
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be kebab-case letters, digits and dashes, e.g. risk-gated'),
  description: z.string().optional(),
  rules: z.array(ruleSchema).default([]),
  /** Action for requests no rule matches. */
  default: actionSchema,
  settings: settingsSchema,
  costs: costsSchema,
});
export type Policy = z.output<typeof policySchema>;
