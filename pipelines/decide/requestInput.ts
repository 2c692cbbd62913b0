// One refund request as decide reads it: the refund_requests contract's columns, six required, the rest optional; every
// problem named.
import { z } from 'zod';
import { CONTRACTS, describeRule, isoTimestamp, type Column } from '../../data/contracts/index.ts';

const REQUIRED = ['request_id', 'order_id', 'requested_at', 'kind', 'reason', 'amount'] as const;
const COLUMNS = CONTRACTS.refund_requests.columns;

/** A validated request; timestamps also as epoch milliseconds (UTC when the text has no zone). */
export interface DecideRequest {
  request_id: string;
  order_id: string;
  requested_at: string;
  requestedMs: number;
  kind: 'refund_only' | 'return_and_refund' | 'exchange';
  reason: 'not_received' | 'damaged' | 'not_as_described' | 'quality' | 'wrong_item' | 'no_reason_7day' | 'other';
  amount: number;
}

/**
 * What is wrong with one field of one line: the field (null for the line as a whole), the value received and the rule.
 */
export interface InputProblem {
  field: string | null;
  value: unknown;
  rule: string;
}

export type ParsedRequest =
  { ok: true; request: DecideRequest } | { ok: false; request_id: string | null; problems: InputProblem[] };

/** Epoch ms of an ISO 8601 timestamp (no zone = UTC); NaN for impossible dates such as 2026-02-30 or 25:00. */
export function isoToMs(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/.exec(
    text,
  );
  if (!m) return NaN;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1, 7).map((x) => x ?? undefined) as string[];
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s, m[7] ? Math.floor(Number(`0${m[7]}`) * 1000) : 0);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== +y! ||
    back.getUTCMonth() !== +mo! - 1 ||
    back.getUTCDate() !== +d! ||
    back.getUTCHours() !== +h ||
    back.getUTCMinutes() !== +mi ||
    back.getUTCSeconds() !== +s
  ) {
    return NaN;
  }
  const zone = m[8];
  if (!zone || zone === 'Z') return ms;
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return ms - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0)) * 60_000;
}

function ruleOf(c: Column): string {
  switch (c.meta.kind) {
    case 'money':
      return 'must be a decimal >= 0 with at most 2 decimals';
    case 'id':
      return 'must be a non-empty string';
    case 'ts':
      return `must be an ${describeRule(c.meta)}`;
    case 'int':
      return `must be an ${describeRule(c.meta)}`;
    default:
      return `must be ${describeRule(c.meta)}`;
  }
}

/** The contract's schemas: required columns as they are, the others nullable and optional; unknown keys are ignored. */
const shape = Object.fromEntries(
  Object.entries(COLUMNS).map(([name, c]) => [
    name,
    (REQUIRED as readonly string[]).includes(name) ? c.schema : c.schema.nullish(),
  ]),
) as Record<string, z.ZodType>;
export const requestSchema = z.object(shape);

const valuesOf = (c: Column) => new Set<unknown>(c.meta.values ?? []);
const KINDS = valuesOf(COLUMNS.kind!);
const REASONS = valuesOf(COLUMNS.reason!);
const OPTIONAL = Object.keys(COLUMNS).filter((name) => !(REQUIRED as readonly string[]).includes(name));

/**
 * True only when requestSchema accepts the object: the six required columns well formed (the contract's rules, checked
 * by hand) and no optional column given. Any other object goes through zod, so what it reports stays the only wording;
 * this saves zod's walk (most of a line's validation) on the lines that need none.
 */
export function plainlyValid(o: Record<string, unknown>): boolean {
  const { request_id, order_id, requested_at, amount } = o;
  if (typeof request_id !== 'string' || request_id.length === 0) return false;
  if (typeof order_id !== 'string' || order_id.length === 0) return false;
  if (typeof requested_at !== 'string' || !isoTimestamp.test(requested_at)) return false;
  if (typeof o.kind !== 'string' || !KINDS.has(o.kind) || typeof o.reason !== 'string' || !REASONS.has(o.reason))
    return false;
  if (typeof amount !== 'number' || !Number.isFinite(amount) || !(amount >= 0)) return false;
  for (const name of OPTIONAL) if (o[name] !== undefined && o[name] !== null) return false;
  return true;
}

/** Validates one parsed JSON value; every problem of the line is reported, not only the first. */
export function parseRequest(raw: unknown): ParsedRequest {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, request_id: null, problems: [{ field: null, value: raw, rule: 'line is not a JSON object' }] };
  }
  const obj = raw as Record<string, unknown>;
  const result = plainlyValid(obj) ? null : requestSchema.safeParse(obj);
  const problems: InputProblem[] = [];
  if (result && !result.success) {
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (seen.has(field)) continue;
      seen.add(field);
      const value = obj[field];
      problems.push({
        field,
        value: value ?? null,
        rule: value === undefined || value === null ? 'required value missing' : ruleOf(COLUMNS[field]!),
      });
    }
  }
  const requestedMs = typeof obj.requested_at === 'string' ? isoToMs(obj.requested_at) : NaN;
  if (
    typeof obj.requested_at === 'string' &&
    !problems.some((p) => p.field === 'requested_at') &&
    Number.isNaN(requestedMs)
  ) {
    problems.push({
      field: 'requested_at',
      value: obj.requested_at,
      rule: 'not a valid timestamp (ISO 8601 expected)',
    });
  }
  if (
    typeof obj.amount === 'number' &&
    !problems.some((p) => p.field === 'amount') &&
    Math.abs(Math.round(obj.amount * 100) - obj.amount * 100) > 1e-6
  ) {
    problems.push({ field: 'amount', value: obj.amount, rule: 'money must have at most 2 decimals' });
  }
  const id = typeof obj.request_id === 'string' && obj.request_id.length > 0 ? obj.request_id : null;
  if (problems.length > 0) return { ok: false, request_id: id, problems };
  const v = obj as Omit<DecideRequest, 'requestedMs'>;
  return {
    ok: true,
    request: {
      request_id: v.request_id,
      order_id: v.order_id,
      requested_at: v.requested_at,
      requestedMs,
      kind: v.kind,
      reason: v.reason,
      amount: v.amount,
    },
  };
}

/** Parses one NDJSON line (text) and validates it. */
export function parseRequestLine(text: string): ParsedRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const shown = text.length > 200 ? `${text.slice(0, 200)}…` : text;
    return {
      ok: false,
      request_id: null,
      problems: [
        { field: null, value: shown, rule: `not valid JSON (${err instanceof Error ? err.message : String(err)})` },
      ],
    };
  }
  return parseRequest(raw);
}
