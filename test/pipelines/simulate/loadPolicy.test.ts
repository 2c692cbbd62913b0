// Policy files: the shipped scenarios load, and an invalid file reports every problem at once with its file and key.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPolicies, parsePolicy } from '../../../pipelines/simulate/policy/loadPolicy.ts';

const SHIPPED = ['status-quo', 'no-refund-only', 'risk-gated', 'trust-aware', 'hybrid', 'request-gated'].map(
  (n) => `data/policies/${n}.yaml`,
);

describe('policy files', () => {
  it('loads the six shipped scenarios with defaults filled in', () => {
    const policies = loadPolicies(SHIPPED);
    expect(policies.map((p) => p.name)).toEqual([
      'status-quo',
      'no-refund-only',
      'risk-gated',
      'trust-aware',
      'hybrid',
      'request-gated',
    ]);
    // the scenarios compare like with like: each repays merchants what confirmed abusers kept (README, Metrics)
    expect(policies.map((p) => [p.name, p.settings.compensation])).toEqual(policies.map((p) => [p.name, 1]));
    const riskGated = policies[2]!;
    expect(riskGated.settings).toMatchObject({
      reviewCapacityPerWeek: 300,
      overflowAction: 'refund_after_return',
      merchantResponseHours: 48,
    });
    expect(riskGated.rules[2]).toEqual({
      name: 'high risk',
      when: [{ field: 'buyer_risk', op: '>=', value: 0.5 }],
      action: 'manual_review',
      exemptFromDeadline: false,
    });
    expect(policies[0]!.settings).toEqual({
      reviewDetectionRate: 0.8,
      reviewDelayDays: 2,
      returnDays: 6,
      abuserReturnRate: 0.1,
      compensation: 1,
    });
  });

  it('reports all problems of all files at once, each with its file and key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      [
        'name: Risk Gated',
        'rules:',
        '  - when:',
        "      - { field: buyer_risk, op: '>=', value: 1.5 }",
        "      - { field: buyer_age, op: '<', value: 30 }",
        '      - { field: category, op: in, value: [fresh_food, toys] }',
        "      - { field: merchant_tier, op: '>', value: watch }",
        '      - { field: buyer_risk, op: unknown, value: 0.5 }',
        '    action: review',
        'default: instant_refund',
        'settings:',
        '  reviewCapacityPerWeek: 100',
        '  colour: blue',
      ].join('\n'),
    );
    const notYaml = join(dir, 'broken.yaml');
    writeFileSync(notYaml, 'name: [unclosed');
    const dup = join(dir, 'dup.json');
    writeFileSync(dup, JSON.stringify({ name: 'hybrid', default: 'reject' }));
    let message = '';
    try {
      loadPolicies([bad, notYaml, join(dir, 'missing.yaml'), 'data/policies/hybrid.yaml', dup]);
    } catch (err) {
      message = (err as Error).message.replaceAll(dir, '<dir>');
    }
    expect(message).toBe(
      [
        'policy files: 12 problems',
        '  - <dir>/bad.yaml: key name: got "Risk Gated"; must be kebab-case letters, digits and dashes, e.g. risk-gated',
        '  - <dir>/bad.yaml: key rules[0].when[0].value: got 1.5; must be at most 1 (field buyer_risk)',
        '  - <dir>/bad.yaml: key rules[0].when[1].field: got "buyer_age"; unknown field; use one of kind, reason, amount, category, buyer_risk, buyer_tier, buyer_account_age_days, group_confirmed_abusers, merchant_trust, merchant_tier, hours_since_delivery, request_risk',
        '  - <dir>/bad.yaml: key rules[0].when[2].value: got ["fresh_food","toys"]; "toys" is not one of fresh_food, electronics, apparel, home, beauty, grocery, other (field category)',
        '  - <dir>/bad.yaml: key rules[0].when[3].op: got ">"; op > does not apply to field merchant_tier; use one of =, !=, in, not_in, unknown, known',
        '  - <dir>/bad.yaml: key rules[0].when[4].value: got 0.5; op unknown takes no value; remove it',
        '  - <dir>/bad.yaml: key rules[0].action: got "review"; must be one of instant_refund, refund_after_return, manual_review, reject, as_recorded',
        '  - <dir>/bad.yaml: unknown key "colour" under settings: remove it or check the spelling',
        '  - <dir>/bad.yaml: key settings.overflowAction: got nothing; is required when reviewCapacityPerWeek is set: name the action for requests beyond capacity (e.g. refund_after_return)',
        '  - <dir>/broken.yaml: not valid YAML (Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 16:); fix the syntax',
        '  - <dir>/missing.yaml: cannot read (ENOENT); check the path',
        '  - <dir>/dup.json: key name: got "hybrid"; another policy (data/policies/hybrid.yaml) has the same name; scenario names must be unique',
      ].join('\n'),
    );
  });

  it('needs a value of the right type for each op', () => {
    expect(() =>
      parsePolicy(
        {
          name: 'x',
          default: 'reject',
          rules: [
            {
              action: 'reject',
              when: [
                { field: 'kind', op: 'in', value: 'refund_only' },
                { field: 'kind', op: '=' },
              ],
            },
          ],
        },
        'x.json',
      ),
    ).toThrow(
      [
        'x.json: 2 problems',
        '  - key rules[0].when[0].value: got "refund_only"; op in needs a non-empty list of values, e.g. [refund_only, return_and_refund] (field kind)',
        '  - key rules[0].when[1].value: got nothing; op = needs a value',
      ].join('\n'),
    );
  });

  // Each bound failed only in simulate, stages later, with no file or key ("bigint out of int64 range" for 1e308 days).
  const problemOf = (raw: object): string => {
    try {
      parsePolicy({ name: 'x', default: 'reject', ...raw }, 'x.yaml');
    } catch (err) {
      return (err as Error).message;
    }
    return 'no problem';
  };
  it.each([
    [
      { reviewDelayDays: 1e308 },
      'settings.reviewDelayDays: got 1e+308; must be at most 365 (a year; a refund later than that is no refund)',
    ],
    [
      { returnDays: 366 },
      'settings.returnDays: got 366; must be at most 365 (a year; a refund later than that is no refund)',
    ],
    [
      { reviewCapacityPerWeek: 1e308, overflowAction: 'reject' },
      'settings.reviewCapacityPerWeek: got 1e+308; must be at most 10,000,000 (leave it out for no weekly cap)',
    ],
    [
      { merchantResponseHours: 1e9 },
      'settings.merchantResponseHours: got 1000000000; must be at most 8,760 (a year; leave it out for no deadline)',
    ],
  ])('bounds the setting %o', (settings, problem) => {
    expect(problemOf({ settings })).toBe(`x.yaml: 1 problem\n  - key ${problem}`);
  });

  it.each(['returnShipping', 'manualReview', 'honestDelayDay'])('bounds the cost %s', (key) => {
    expect(problemOf({ costs: { [key]: 1e308 } })).toBe(
      `x.yaml: 1 problem\n  - key costs.${key}: got 1e+308; must be at most 1,000,000 (money per request or day)`,
    );
  });

  it('bounds the numbers conditions compare with', () => {
    const when = [
      { field: 'buyer_account_age_days', op: '>=', value: 1e20 },
      { field: 'hours_since_delivery', op: '<', value: -1e308 },
      { field: 'amount', op: '<', value: 1e12 },
    ];
    expect(problemOf({ rules: [{ action: 'reject', when }] })).toBe(
      [
        'x.yaml: 2 problems',
        '  - key rules[0].when[0].value: got 100000000000000000000; must be within ±1,000,000,000,000 (no amount, age, count or hours is larger) (field buyer_account_age_days)',
        '  - key rules[0].when[1].value: got -1e+308; must be within ±1,000,000,000,000 (no amount, age, count or hours is larger) (field hours_since_delivery)',
      ].join('\n'),
    );
  });

  it('takes the largest days, hours, capacity and costs', () => {
    const settings = { reviewDelayDays: 365, returnDays: 365, merchantResponseHours: 8760, reviewCapacityPerWeek: 1e7 };
    const costs = { returnShipping: 1e6, manualReview: 1e6, honestDelayDay: 1e6 };
    const p = parsePolicy(
      { name: 'x', default: 'reject', settings: { ...settings, overflowAction: 'reject' }, costs },
      'x',
    );
    expect(p.settings).toMatchObject(settings);
    expect(p.costs).toEqual(costs);
  });

  it('shows NaN and infinity by name and asks for a finite number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const nan = join(dir, 'nan.yaml');
    writeFileSync(
      nan,
      [
        'name: nan',
        'rules:',
        '  - when:',
        "      - { field: buyer_risk, op: '>=', value: .nan }",
        "      - { field: amount, op: '<', value: -.inf }",
        '      - { field: kind, op: "=", value: .nan }',
        '    action: reject',
        'default: instant_refund',
        'settings:',
        '  returnDays: .inf',
      ].join('\n'),
    );
    expect(() => loadPolicies([nan])).toThrow(
      [
        'policy files: 4 problems',
        `  - ${nan}: key rules[0].when[0].value: got NaN; must be a finite number (NaN and infinity are not allowed) (field buyer_risk)`,
        `  - ${nan}: key rules[0].when[1].value: got -Infinity; must be a finite number (NaN and infinity are not allowed) (field amount)`,
        `  - ${nan}: key rules[0].when[2].value: got NaN; NaN is not one of refund_only, return_and_refund, exchange (field kind)`,
        `  - ${nan}: key settings.returnDays: got Infinity; must be a finite number (NaN and infinity are not allowed)`,
      ].join('\n'),
    );
  });

  it('names a policy file nested deeper than any policy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'policy-'));
    const deep = join(dir, 'deep.json');
    writeFileSync(deep, `{"rules":${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expect(() => loadPolicies([deep])).toThrow(
      `policy files: 1 problem\n  - ${deep}: nested more than 32 levels deep (at rules[0][0][0]…); no setting nests that deep: check the file`,
    );
  });
});
