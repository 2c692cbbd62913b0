// The hand-written decision serialiser writes exactly what JSON.stringify writes, and reads back as the decision.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Decision, DecisionError } from '../../../pipelines/decide/createDecider.ts';
import { decisionLineJson, jsonString } from '../../../pipelines/decide/decisionJson.ts';

/** Any UTF-16 code units: quotes, backslashes, controls, lone surrogates, astral pairs. */
const text = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 30 });
const anyText = fc.oneof(
  text,
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', '"', '\\', '\u2028'),
);
/** Finite numbers (-0 as 0): these read back as themselves. */
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));

function decision(num: fc.Arbitrary<number>): fc.Arbitrary<Decision> {
  const nullableNum = fc.option(num, { nil: null });
  return fc
    .record({
      line: fc.option(fc.nat(), { nil: undefined }),
      request_id: anyText,
      action: fc.constantFrom('instant_refund', 'manual_review', 'refund_after_return', 'as_recorded'),
      rule: anyText,
      rule_index: fc.integer({ min: -1, max: 20 }),
      request_risk: nullableNum,
      buyer_risk: nullableNum,
      merchant_trust: nullableNum,
      buyer_tier: fc.option(anyText, { nil: null }),
      merchant_tier: fc.option(anyText, { nil: null }),
      reasons: fc.array(anyText, { maxLength: 3 }),
      scores_as_of: anyText,
      notes: fc.option(fc.array(anyText, { maxLength: 2 }), { nil: undefined }),
    })
    .map((d) => {
      // As createDecider builds them: `line` first when there is one, `notes` only when there are some.
      const { line, notes, ...rest } = d;
      const out = (line === undefined ? { ...rest } : { line, ...rest }) as Decision;
      if (notes !== undefined) out.notes = notes;
      return out;
    });
}

describe('decisionLineJson', () => {
  it('writes what JSON.stringify writes for any decision, non-finite numbers included', () => {
    fc.assert(
      fc.property(decision(fc.double()), (d) => {
        expect(decisionLineJson(d)).toBe(JSON.stringify(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads back as the decision it wrote', () => {
    fc.assert(
      fc.property(decision(finite), (d) => {
        const text = decisionLineJson(d);
        expect(JSON.parse(text)).toEqual(d);
        expect(text).toBe(JSON.stringify(d));
      }),
      { numRuns: 2000 },
    );
  });

  it('escapes strings as JSON.stringify does: quotes, backslashes, controls and lone surrogates', () => {
    for (const s of [
      'plain',
      'a "quote"',
      'back\\slash',
      'tab\there',
      'nl\n',
      '\u0000\u001f',
      '\ud800',
      'x\udfffy',
      '😀',
    ])
      expect(jsonString(s)).toBe(JSON.stringify(s));
    fc.assert(
      fc.property(text, (s) => {
        expect(jsonString(s)).toBe(JSON.stringify(s));
      }),
      { numRuns: 5000 },
    );
  });

  it('writes an error line with JSON.stringify, whatever its value', () => {
    const e: DecisionError = {
      line: 3,
      request_id: null,
      field: 'amount',
      value: { nested: [1, 'two'] },
      rule: 'must be a decimal >= 0 with at most 2 decimals',
      problems: [
        { field: 'amount', value: { nested: [1, 'two'] }, rule: 'must be a decimal >= 0 with at most 2 decimals' },
      ],
    };
    expect(decisionLineJson(e)).toBe(JSON.stringify(e));
  });
});
