// decide's input: a refund_requests row per line, six columns required; every problem of a line named with its field,
// value and rule.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoToMs, parseRequestLine, plainlyValid, requestSchema } from '../../../pipelines/decide/requestInput.ts';

const good = {
  request_id: 'r1',
  order_id: 'o1',
  requested_at: '2026-11-03T10:15:00Z',
  kind: 'refund_only',
  reason: 'damaged',
  amount: 59.9,
};
const line = (o: object) => JSON.stringify(o);

describe('parseRequestLine', () => {
  it('accepts the six required columns, and the other contract columns when valid', () => {
    expect(parseRequestLine(line(good))).toEqual({
      ok: true,
      request: { ...good, requestedMs: Date.UTC(2026, 10, 3, 10, 15) },
    });
    expect(
      parseRequestLine(line({ ...good, status: 'pending', escalated: false, decided_at: null, extra: 'ignored' })).ok,
    ).toBe(true);
  });

  it('reads a timestamp without zone as UTC, and converts one with an offset', () => {
    expect(isoToMs('2026-11-03T10:15:00')).toBe(Date.UTC(2026, 10, 3, 10, 15));
    expect(isoToMs('2026-11-03T18:15:00+08:00')).toBe(Date.UTC(2026, 10, 3, 10, 15));
    expect(isoToMs('2026-11-03 10:15')).toBe(Date.UTC(2026, 10, 3, 10, 15));
  });

  it('names every problem of a line: field, value received and rule', () => {
    const out = parseRequestLine(
      line({
        ...good,
        order_id: '',
        kind: 'refund',
        amount: 10.005,
        requested_at: '2026-02-30T10:00:00',
        reason: undefined,
      }),
    );
    expect(out).toEqual({
      ok: false,
      request_id: 'r1',
      problems: [
        { field: 'order_id', value: '', rule: 'must be a non-empty string' },
        { field: 'kind', value: 'refund', rule: 'must be one of refund_only, return_and_refund, exchange' },
        { field: 'reason', value: null, rule: 'required value missing' },
        { field: 'requested_at', value: '2026-02-30T10:00:00', rule: 'not a valid timestamp (ISO 8601 expected)' },
        { field: 'amount', value: 10.005, rule: 'money must have at most 2 decimals' },
      ],
    });
  });

  it('rejects negative and non-numeric money, malformed timestamps and bad optional columns', () => {
    const problems = (o: object) => {
      const r = parseRequestLine(line(o));
      return r.ok ? [] : r.problems;
    };
    expect(problems({ ...good, amount: -1 })).toEqual([
      { field: 'amount', value: -1, rule: 'must be a decimal >= 0 with at most 2 decimals' },
    ]);
    expect(problems({ ...good, amount: '12.50' })).toEqual([
      { field: 'amount', value: '12.50', rule: 'must be a decimal >= 0 with at most 2 decimals' },
    ]);
    expect(problems({ ...good, requested_at: 'yesterday' })).toEqual([
      {
        field: 'requested_at',
        value: 'yesterday',
        rule: 'must be an ISO 8601 timestamp (with or without zone; stored as UTC)',
      },
    ]);
    expect(problems({ ...good, status: 'lost' })).toEqual([
      { field: 'status', value: 'lost', rule: 'must be one of pending, approved, rejected, withdrawn' },
    ]);
  });

  it('reports a line that is not JSON, or not an object, as a whole', () => {
    expect(parseRequestLine('{"request_id": ')).toMatchObject({
      ok: false,
      request_id: null,
      problems: [{ field: null, value: '{"request_id": ', rule: expect.stringMatching(/^not valid JSON \(/) }],
    });
    expect(parseRequestLine('[1, 2]')).toEqual({
      ok: false,
      request_id: null,
      problems: [{ field: null, value: [1, 2], rule: 'line is not a JSON object' }],
    });
  });
});

describe('plainlyValid (the check that spares zod on well-formed lines)', () => {
  const field = fc.oneof(
    fc.constantFrom(undefined, null, '', 'x', 'refund_only', 'damaged', 'other', 0, -0, -1, 1.5, 1e999, true, [], {}),
    fc.constantFrom(
      '2026-11-03',
      '2026-11-03T10:15',
      '2026-11-03 10:15:00.5+02:00',
      '2026-11-03T10:15:00Z ',
      '26-11-03',
    ),
    fc.string({ maxLength: 6 }),
    fc.double(),
  );
  const request = fc.record(
    {
      request_id: fc.oneof(field, fc.constant('r1')),
      order_id: fc.oneof(field, fc.constant('o1')),
      requested_at: fc.oneof(field, fc.constant('2026-11-03T10:15:00Z')),
      kind: fc.oneof(field, fc.constantFrom('refund_only', 'return_and_refund', 'exchange')),
      reason: fc.oneof(field, fc.constantFrom('damaged', 'not_received', 'no_reason_7day')),
      amount: fc.oneof(field, fc.constant(59.9)),
      status: field,
      escalated: field,
      decided_at: field,
      extra: field,
    },
    { requiredKeys: [] },
  );

  it('passes nothing the contract’s zod schema rejects', () => {
    fc.assert(
      fc.property(request, (o) => {
        if (plainlyValid(o)) expect(requestSchema.safeParse(o).success).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it('passes the six required columns well formed, with unknown keys and absent or null optional columns', () => {
    expect(plainlyValid(good)).toBe(true);
    expect(plainlyValid({ ...good, extra: 1, status: null, decided_at: undefined })).toBe(true);
    expect(plainlyValid({ ...good, status: 'open' })).toBe(false); // an optional column given: zod checks it
    expect(plainlyValid({ ...good, amount: -0.01 })).toBe(false);
    expect(plainlyValid({ ...good, requested_at: '2026-11-03T10:15:00Z ' })).toBe(false);
  });
});
