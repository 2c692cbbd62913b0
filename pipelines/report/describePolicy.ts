// A refund policy in words: each rule as a sentence, then the capacity, deadline and cost assumptions (policy page,
// README).
import type { Condition, Policy, PolicyAction } from '../simulate/policy/policySchema.ts';
import type { ScenarioInfo } from '../../reports/reportData.ts';
import { categoryLabel, tierLabel } from '../../reports/html/labels.ts';

const FIELD_WORDS: Record<Condition['field'], string> = {
  kind: 'the request is',
  reason: 'the reason is',
  amount: 'the amount is',
  category: 'the category is',
  buyer_risk: 'buyer risk is',
  buyer_tier: 'the buyer tier is',
  buyer_account_age_days: 'the account is',
  group_confirmed_abusers: 'confirmed abusers in the linked group number',
  merchant_trust: 'merchant trust is',
  merchant_tier: 'the merchant tier is',
  hours_since_delivery: 'the request comes',
  request_risk: 'request risk is',
};

export const ACTION_WORDS: Record<PolicyAction, string> = {
  instant_refund: 'refund at once, goods kept',
  refund_after_return: 'refund after the goods come back',
  manual_review: 'manual review',
  reject: 'reject',
  as_recorded: 'as recorded',
};

const NUMBER_OPS: Record<string, string> = {
  '<': 'below',
  '<=': 'at most',
  '>': 'above',
  '>=': 'at least',
  '=': 'exactly',
  '!=': 'not',
};

/** An amount in words: "CNY 100" with a configured currency, else the plain number. */
function moneyWords(v: number, currency: string | null): string {
  return currency ? `${currency} ${v}` : String(v);
}

function valueWords(field: Condition['field'], v: string | number, currency: string | null): string {
  if (typeof v === 'number') {
    if (field === 'amount') return moneyWords(v, currency);
    if (field === 'buyer_risk' || field === 'request_risk') return `${Number((v * 100).toFixed(2))}%`;
    if (field === 'buyer_account_age_days') return `${v} days old`;
    if (field === 'hours_since_delivery') return `${v} hours after delivery`;
    return String(v);
  }
  if (field === 'kind') return v.replace(/_/g, '-').replace('return-and-refund', 'return-and-refund');
  if (field === 'category') return categoryLabel(v);
  if (field === 'merchant_tier' || field === 'buyer_tier') return tierLabel(v);
  return v.replace(/_/g, ' ');
}

function orList(words: string[], last: string): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words.at(-1)}`;
}

/** "buyer risk is at least 50%", "the category is fresh food", "the merchant tier is watch or at risk". */
export function conditionWords(c: Condition, currency: string | null = null): string {
  const subject = FIELD_WORDS[c.field];
  if (c.op === 'unknown' || c.op === 'known')
    return `${c.field.replace(/_/g, ' ')} is ${c.op === 'unknown' ? 'unknown (not scored, or not delivered)' : 'known'}`;
  const values = (Array.isArray(c.value) ? c.value : [c.value as string | number]).map((v) =>
    valueWords(c.field, v, currency),
  );
  if (c.op === 'in') return `${subject} ${orList(values, 'or')}`;
  if (c.op === 'not_in') return `${subject} neither ${orList(values, 'nor')}`;
  const first = values[0]!;
  if (typeof (Array.isArray(c.value) ? c.value[0] : c.value) === 'string')
    return `${subject} ${c.op === '!=' ? 'not ' : ''}${first}`;
  const n = c.value as number;
  if (c.field === 'hours_since_delivery') {
    const hours = `${n} hour${n === 1 ? '' : 's'}`;
    if (c.op === '<' || c.op === '<=') return `the request comes within ${hours} of delivery`;
    if (c.op === '>' || c.op === '>=')
      return `the request comes ${c.op === '>' ? 'more than' : 'at least'} ${hours} after delivery`;
  }
  if (c.field === 'group_confirmed_abusers' && (c.op === '>=' || c.op === '>')) {
    const k = c.op === '>' ? n + 1 : n;
    return `the linked group holds ${k === 1 ? 'a confirmed abuser' : `at least ${k} confirmed abusers`}`;
  }
  return `${subject} ${NUMBER_OPS[c.op] ?? c.op} ${first}`;
}

function settingsWords(p: Policy, currency: string | null): string[] {
  const s = p.settings;
  const out: string[] = [];
  const reviews = p.default === 'manual_review' || p.rules.some((r) => r.action === 'manual_review');
  const returns =
    p.default === 'refund_after_return' ||
    p.rules.some((r) => r.action === 'refund_after_return') ||
    s.overflowAction === 'refund_after_return';
  if (reviews) {
    out.push(
      s.reviewCapacityPerWeek === undefined
        ? 'Manual reviews: no weekly limit.'
        : `Manual reviews: at most ${s.reviewCapacityPerWeek} a week, riskiest first; the rest: ${ACTION_WORDS[s.overflowAction ?? 'instant_refund']}.`,
    );
    out.push(
      `A review catches ${Math.round(s.reviewDetectionRate * 100)}% of abusive requests and takes ${s.reviewDelayDays} days.`,
    );
  }
  if (returns)
    out.push(
      `A return takes ${s.returnDays} days; ${Math.round(s.abuserReturnRate * 100)}% of abusers asked to return send the goods back, the rest drop the claim.`,
    );
  if (s.merchantResponseHours !== undefined)
    out.push(
      `A merchant that does not answer within ${s.merchantResponseHours} hours has a return request refunded at once (goods kept).`,
    );
  out.push(
    `Costs assumed: return shipping ${moneyWords(p.costs.returnShipping, currency)}, a manual review ${moneyWords(p.costs.manualReview, currency)}, a day’s wait ${moneyWords(p.costs.honestDelayDay, currency)} per honest buyer.`,
  );
  return out;
}

/**
 * The scenario as the policy page and the README state it; amounts carry `currency` (config report.currency) when
 * given.
 */
export function describePolicy(p: Policy, file: string, currency: string | null = null): ScenarioInfo {
  const rules = p.rules.map((r) => {
    const when = r.when.length
      ? `when ${r.when.map((c) => conditionWords(c, currency)).join(' and ')}`
      : 'every request';
    return `${when}: ${ACTION_WORDS[r.action]}${r.exemptFromDeadline ? ' (no auto-refund at the merchant deadline)' : ''}.`;
  });
  rules.push(`${p.rules.length ? 'Any other request' : 'Every request'}: ${ACTION_WORDS[p.default]}.`);
  return { name: p.name, description: p.description ?? null, rules, settings: settingsWords(p, currency), file };
}
