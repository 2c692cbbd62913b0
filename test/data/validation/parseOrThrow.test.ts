// parseOrThrow reports every problem of an external input at once, each with its key, the value received and the rule.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOrThrow, showValue } from '../../../data/validation/parseOrThrow.ts';
import { ValidationError } from '../../../data/validation/errors.ts';

const schema = z.strictObject({
  capacity: z.number().int().min(1, 'must be at least 1: the team reviews a positive number of accounts'),
  tiers: z.strictObject({ kind: z.enum(['refund_only', 'exchange']) }),
});

describe('parseOrThrow', () => {
  it('returns the parsed value when valid', () => {
    expect(parseOrThrow(schema, { capacity: 3, tiers: { kind: 'exchange' } }, 'x.json')).toEqual({
      capacity: 3,
      tiers: { kind: 'exchange' },
    });
  });

  it('collects all problems with keys, values and rules', () => {
    let caught: unknown;
    try {
      parseOrThrow(schema, { capacity: 0, tiers: { kind: 'swap', extra: 1 }, typo: true }, 'trustlens.config.json');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    expect((caught as ValidationError).message).toBe(
      [
        'trustlens.config.json: 4 problems',
        '  - key capacity: got 0; must be at least 1: the team reviews a positive number of accounts',
        '  - key tiers.kind: got "swap"; Invalid option: expected one of "refund_only"|"exchange"',
        '  - unknown key "extra" under tiers: remove it or check the spelling',
        '  - unknown key "typo": remove it or check the spelling',
      ].join('\n'),
    );
  });

  it('shows NaN and infinity by name (JSON.stringify wrote null) and asks for a finite number', () => {
    expect(() => parseOrThrow(schema, { capacity: NaN, tiers: { kind: 'exchange' } }, 'c.yaml')).toThrow(
      'c.yaml: 1 problem\n  - key capacity: got NaN; must be a finite number (NaN and infinity are not allowed)',
    );
    expect(showValue([1, NaN, -Infinity, { a: Infinity }])).toBe('[1,NaN,-Infinity,{"a":Infinity}]');
  });

  it('shows a value as JSON cut to 60 characters, however deeply it nests', () => {
    expect(showValue({ a: [1, 'x', null, true], b: undefined })).toBe('{"a":[1,"x",null,true]}');
    expect(showValue(undefined)).toBe('nothing');
    expect(showValue('y'.repeat(100))).toBe(`"${'y'.repeat(56)}...`);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(showValue(deep)).toBe(`${'['.repeat(57)}...`);
    expect(() => parseOrThrow(schema, { capacity: deep, tiers: { kind: 'exchange' } }, 'c.json')).toThrow(
      `c.json: 1 problem\n  - key capacity: got ${'['.repeat(57)}...; Invalid input: expected number, received array`,
    );
  });
});
