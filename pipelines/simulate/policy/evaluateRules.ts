// Evaluates a policy's ordered rules on one request in memory, with the semantics compileRules gives them in SQL.
import { CONDITION_FIELDS, type ConditionFieldName } from './conditionFields.ts';
import type { Condition, Policy, PolicyAction } from './policySchema.ts';

/** One request's values of the condition fields; null (or absent) = unknown, as a NULL column in sim_context. */
export type RuleContext = { readonly [F in ConditionFieldName]?: string | number | null };

export interface RuleMatch {
  /** Index of the first rule whose conditions all hold; -1 when none does (the policy default applies). */
  index: number;
  action: PolicyAction;
  exemptFromDeadline: boolean;
}

/**
 * SQL's three-valued logic, as the compiled CASE sees it: a comparison with an unknown value is unknown, and an unknown
 * conjunction is coalesced to false — so unknown never matches, `!=` and `not_in` included, except `unknown` itself.
 */
function holds(c: Condition, value: string | number | null | undefined): boolean {
  if (c.op === 'unknown') return value === null || value === undefined;
  if (c.op === 'known') return value !== null && value !== undefined;
  if (value === null || value === undefined) return false;
  if (c.op === 'in' || c.op === 'not_in') {
    const list = Array.isArray(c.value) ? c.value : [c.value!];
    const found = list.some((v) => v === value);
    return c.op === 'in' ? found : !found;
  }
  const v = c.value as string | number;
  switch (c.op) {
    case '=':
      return value === v;
    case '!=':
      return value !== v;
    case '<':
      return value < v;
    case '<=':
      return value <= v;
    case '>':
      return value > v;
    case '>=':
      return value >= v;
  }
}

/** The compiled form of a policy for repeated in-memory use: conditions resolved to the fields they read. */
export function ruleEvaluator(policy: Pick<Policy, 'rules' | 'default'>): (ctx: RuleContext) => RuleMatch {
  const rules = policy.rules.map((r) => ({
    ...r,
    when: r.when.map((c) => ({ c, field: c.field as ConditionFieldName })),
  }));
  // The whitelist guards the SQL; here it only documents that every field is a context key.
  for (const r of rules)
    for (const w of r.when) if (!(w.field in CONDITION_FIELDS)) throw new Error(`unknown condition field ${w.field}`);
  return (ctx) => {
    for (let i = 0; i < rules.length; i++) {
      const r = rules[i]!;
      if (r.when.every((w) => holds(w.c, ctx[w.field])))
        return { index: i, action: r.action, exemptFromDeadline: r.exemptFromDeadline };
    }
    return { index: -1, action: policy.default, exemptFromDeadline: false };
  };
}
