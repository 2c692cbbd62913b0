// The in-memory rule evaluator (decide) picks the same rule as the SQL the replay compiles, on the same requests.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { boundParams } from '../../../data/warehouse/boundParams.ts';
import { compileRules } from '../../../pipelines/simulate/compileRules.ts';
import {
  CONDITION_FIELDS,
  CONDITION_FIELD_NAMES,
  opsFor,
  type ConditionFieldName,
  type FieldType,
} from '../../../pipelines/simulate/policy/conditionFields.ts';
import { ruleEvaluator, type RuleContext } from '../../../pipelines/simulate/policy/evaluateRules.ts';
import { loadPolicies } from '../../../pipelines/simulate/policy/loadPolicy.ts';
import { policySchema, type Policy } from '../../../pipelines/simulate/policy/policySchema.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
});
afterAll(() => wh.close());

const FIELDS = CONDITION_FIELD_NAMES;
/** Column types as in sim_context: amount is DECIMAL(18,2) like refund_requests.amount, other numbers DOUBLE. */
const sqlType = (f: ConditionFieldName) => {
  const t = CONDITION_FIELDS[f].type;
  return t.kind === 'enum' ? 'varchar' : f === 'amount' ? 'decimal(18,2)' : 'double';
};

/** Values near the thresholds the policies use, so equality and boundaries are exercised, plus unknown. */
function valueOf(f: ConditionFieldName): fc.Arbitrary<string | number | null> {
  const t: FieldType = CONDITION_FIELDS[f].type;
  if (t.kind === 'enum') return fc.option(fc.constantFrom(...t.values), { nil: null, freq: 4 });
  const max = t.max ?? 200;
  const min = t.min ?? -50;
  const grid = fc.integer({ min: Math.ceil(min * 4), max: Math.floor(max * 4) }).map((k) => k / 4);
  return fc.option(f === 'amount' ? grid.map((v) => Math.round(Math.abs(v) * 100) / 100) : grid, {
    nil: null,
    freq: 4,
  });
}

const contextArb: fc.Arbitrary<RuleContext> = fc.record(
  Object.fromEntries(FIELDS.map((f) => [f, valueOf(f)])) as Record<
    ConditionFieldName,
    fc.Arbitrary<string | number | null>
  >,
);

type RawCondition = { field: ConditionFieldName; op: string; value?: string | number | (string | number)[] };
const conditionArb: fc.Arbitrary<RawCondition> = fc.constantFrom(...FIELDS).chain((field) =>
  fc.constantFrom(...opsFor(field)).chain((op): fc.Arbitrary<RawCondition> => {
    if (op === 'unknown' || op === 'known') return fc.constant({ field, op });
    const one = valueOf(field).filter((v): v is string | number => v !== null);
    const value = op === 'in' || op === 'not_in' ? fc.array(one, { minLength: 1, maxLength: 3 }) : one;
    return value.map((v) => ({ field, op, value: v }));
  }),
);

const policyArb: fc.Arbitrary<Policy> = fc
  .record({
    rules: fc.array(
      fc.record({
        when: fc.array(conditionArb, { maxLength: 3 }),
        action: fc.constantFrom('instant_refund', 'refund_after_return', 'manual_review', 'reject'),
      }),
      { maxLength: 5 },
    ),
    default: fc.constantFrom('instant_refund', 'as_recorded'),
  })
  .map((p) => policySchema.parse({ name: 'generated', ...p }));

async function sqlRuleIndex(
  policy: Pick<Policy, 'rules' | 'default'>,
  contexts: readonly RuleContext[],
): Promise<number[]> {
  await wh.run(
    `create or replace table sim_context (request_id integer, ${FIELDS.map((f) => `${CONDITION_FIELDS[f].column} ${sqlType(f)}`).join(', ')})`,
  );
  const a = await wh.conn.createAppender('sim_context');
  contexts.forEach((c, i) => {
    a.appendInteger(i);
    for (const f of FIELDS) {
      const v = c[f];
      if (v === null || v === undefined) a.appendNull();
      else if (typeof v === 'string') a.appendVarchar(v);
      else a.appendDouble(v);
    }
    a.endRow();
  });
  a.closeSync();
  const compiled = compileRules(policy);
  const sql = `select ${compiled.ruleIndex} as rule_index from sim_context as ctx order by request_id`;
  const rows = await wh.all<{ rule_index: number }>(sql, boundParams(sql, compiled.params));
  return rows.map((r) => Number(r.rule_index));
}

describe('ruleEvaluator', () => {
  it('agrees with the compiled SQL on random policies and requests, unknown values included', async () => {
    await fc.assert(
      fc.asyncProperty(policyArb, fc.array(contextArb, { minLength: 1, maxLength: 40 }), async (policy, contexts) => {
        const evaluate = ruleEvaluator(policy);
        expect(contexts.map((c) => evaluate(c).index)).toEqual(await sqlRuleIndex(policy, contexts));
      }),
      { numRuns: 60, seed: 17 },
    );
  });

  it('agrees with the compiled SQL for every shipped policy', async () => {
    const policies = loadPolicies(
      ['status-quo', 'no-refund-only', 'risk-gated', 'trust-aware', 'hybrid', 'request-gated'].map(
        (p) => `data/policies/${p}.yaml`,
      ),
    );
    const contexts = fc.sample(contextArb, { numRuns: 400, seed: 5 });
    for (const p of policies)
      expect(
        contexts.map((c) => ruleEvaluator(p)(c).index),
        p.name,
      ).toEqual(await sqlRuleIndex(p, contexts));
  });

  it('never matches an unknown value, except with op unknown', () => {
    const evaluate = ruleEvaluator(
      policySchema.parse({
        name: 'unknowns',
        rules: [
          { when: [{ field: 'buyer_risk', op: '!=', value: 0.5 }], action: 'reject' },
          { when: [{ field: 'merchant_tier', op: 'not_in', value: ['watch'] }], action: 'manual_review' },
          { when: [{ field: 'request_risk', op: 'unknown' }], action: 'refund_after_return', exemptFromDeadline: true },
        ],
        default: 'instant_refund',
      }),
    );
    expect(evaluate({ buyer_risk: null, merchant_tier: null, request_risk: null })).toEqual({
      index: 2,
      action: 'refund_after_return',
      exemptFromDeadline: true,
    });
    expect(evaluate({ buyer_risk: null, merchant_tier: null, request_risk: 0.3 })).toEqual({
      index: -1,
      action: 'instant_refund',
      exemptFromDeadline: false,
    });
  });
});
