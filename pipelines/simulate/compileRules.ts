// Compiles a policy's ordered rules into SQL CASE expressions over sim_context; values are bound parameters, columns
// come from the whitelist.
import type { DuckDBValue } from '@duckdb/node-api';
import { CONDITION_FIELDS } from './policy/conditionFields.ts';
import type { Condition, Policy } from './policy/policySchema.ts';

export interface CompiledRules {
  /** Index of the first matching rule, -1 when none matches (the policy default applies). */
  ruleIndex: string;
  /** Action of a rule index (expects a column named rule_index). */
  action: string;
  /** Whether that rule is exempt from the merchant response deadline. */
  exempt: string;
  params: Record<string, DuckDBValue>;
}

function compileCondition(c: Condition, prefix: string, params: Record<string, DuckDBValue>): string {
  const col = `ctx.${CONDITION_FIELDS[c.field].column}`;
  const bind = (v: string | number, i: number): string => {
    const name = `${prefix}_${i}`;
    params[name] = v;
    return `$${name}`;
  };
  switch (c.op) {
    case 'unknown':
      return `${col} is null`;
    case 'known':
      return `${col} is not null`;
    case 'in':
    case 'not_in': {
      const values = (Array.isArray(c.value) ? c.value : [c.value!]).map(bind);
      return `${col} ${c.op === 'in' ? 'in' : 'not in'} (${values.join(', ')})`;
    }
    default: {
      // The op was validated against the closed list of comparison operators, so it is safe to place in SQL.
      const op = c.op === '!=' ? '<>' : c.op;
      return `${col} ${op} ${bind(c.value as string | number, 0)}`;
    }
  }
}

export function compileRules(policy: Pick<Policy, 'rules' | 'default'>): CompiledRules {
  const params: Record<string, DuckDBValue> = {};
  const whens = policy.rules.map((rule, r) => {
    const conds = rule.when.map((c, i) => `(${compileCondition(c, `r${r}c${i}`, params)})`);
    // A null condition (unknown score) must not match, so coalesce the conjunction to false.
    return `when coalesce(${conds.length ? conds.join(' and ') : 'true'}, false) then ${r}`;
  });
  const ruleIndex = whens.length ? `case ${whens.join(' ')} else -1 end` : '-1';
  params.default_action = policy.default;
  const actionWhens = policy.rules.map((rule, r) => {
    params[`a${r}`] = rule.action;
    return `when ${r} then $a${r}`;
  });
  const action = actionWhens.length
    ? `case rule_index ${actionWhens.join(' ')} else $default_action end`
    : '$default_action';
  const exemptIdx = policy.rules.flatMap((rule, r) => (rule.exemptFromDeadline ? [r] : []));
  const exempt = exemptIdx.length ? `rule_index in (${exemptIdx.join(', ')})` : 'false';
  return { ruleIndex, action, exempt, params };
}
