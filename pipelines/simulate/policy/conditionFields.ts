// The whitelist of fields a policy rule may test: each maps to one column of the request context and a value type.
import { CATEGORIES, REFUND_KINDS, REFUND_REASONS } from '../../../data/contracts/index.ts';
import { BUYER_TIERS, MERCHANT_TIERS } from '../../../data/vocabulary/tiers.ts';

export type FieldType = { kind: 'number'; min?: number; max?: number } | { kind: 'enum'; values: readonly string[] };

export interface ConditionField {
  /** Column of the sim_context table; identifiers come only from this table, never from policy text. */
  column: string;
  type: FieldType;
  doc: string;
}

export const CONDITION_FIELDS = {
  kind: { column: 'kind', type: { kind: 'enum', values: REFUND_KINDS }, doc: 'Request kind.' },
  reason: { column: 'reason', type: { kind: 'enum', values: REFUND_REASONS }, doc: 'Reason the buyer gave.' },
  amount: { column: 'amount', type: { kind: 'number', min: 0 }, doc: 'Amount requested.' },
  category: { column: 'category', type: { kind: 'enum', values: CATEGORIES }, doc: 'Category of the order.' },
  buyer_risk: {
    column: 'buyer_risk',
    type: { kind: 'number', min: 0, max: 1 },
    doc: 'Calibrated abuse risk of the buyer (point in time; unknown if unscored).',
  },
  buyer_tier: {
    column: 'buyer_tier',
    type: { kind: 'enum', values: BUYER_TIERS },
    doc: 'Risk tier of the buyer (unknown if unscored).',
  },
  buyer_account_age_days: {
    column: 'buyer_account_age_days',
    type: { kind: 'number', min: 0 },
    doc: 'Days from registration to the request.',
  },
  group_confirmed_abusers: {
    column: 'group_confirmed_abusers',
    type: { kind: 'number', min: 0 },
    doc: "Confirmed abusers (investigation closed before the request) in the buyer's linked-account group, the buyer included.",
  },
  merchant_trust: {
    column: 'merchant_trust',
    type: { kind: 'number', min: 0, max: 100 },
    doc: 'Merchant trust 0-100 (point in time; unknown if unscored).',
  },
  merchant_tier: {
    column: 'merchant_tier',
    type: { kind: 'enum', values: MERCHANT_TIERS },
    doc: 'Merchant trust tier (unknown if unscored).',
  },
  hours_since_delivery: {
    column: 'hours_since_delivery',
    type: { kind: 'number' },
    doc: 'Hours from delivery to the request (unknown if not delivered).',
  },
  request_risk: {
    column: 'request_risk',
    type: { kind: 'number', min: 0, max: 1 },
    doc: 'Calibrated risk of this request from the request-risk model, as it was made (unknown without a request-risk model trained before it).',
  },
} as const satisfies Record<string, ConditionField>;

export type ConditionFieldName = keyof typeof CONDITION_FIELDS;
export const CONDITION_FIELD_NAMES = Object.keys(CONDITION_FIELDS) as [ConditionFieldName, ...ConditionFieldName[]];

export const NUMBER_OPS = ['<', '<=', '>', '>=', '=', '!='] as const;
export const ENUM_OPS = ['=', '!=', 'in', 'not_in'] as const;
/** Ops that test whether a value is known (a score exists, the parcel was delivered); they take no value. */
export const PRESENCE_OPS = ['unknown', 'known'] as const;
export type ConditionOp = (typeof NUMBER_OPS)[number] | (typeof ENUM_OPS)[number] | (typeof PRESENCE_OPS)[number];
/** Every op, each once: number ops, then the enum-only ones, then presence. */
export const CONDITION_OPS = [...new Set<ConditionOp>([...NUMBER_OPS, ...ENUM_OPS, ...PRESENCE_OPS])] as [
  ConditionOp,
  ...ConditionOp[],
];

export function opsFor(field: ConditionFieldName): readonly ConditionOp[] {
  const t: FieldType = CONDITION_FIELDS[field].type;
  return [...(t.kind === 'number' ? NUMBER_OPS : ENUM_OPS), ...PRESENCE_OPS];
}
