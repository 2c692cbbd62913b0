// parseOrThrow reports every problem of an external input at once, each with its key, the value received and the rule.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseOrThrow } from '../../../data/validation/parseOrThrow.ts';
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
});
