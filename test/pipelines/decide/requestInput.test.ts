// decide's input: a refund_requests row per line, six columns required; every problem of a line named with its field,
// value and rule.
import { describe, expect, it } from 'vitest';
import { isoToMs, parseRequestLine } from '../../../pipelines/decide/requestInput.ts';

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
