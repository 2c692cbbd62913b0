// One decision line as JSON text, byte for byte what JSON.stringify writes, without its generic walk over the object.
import type { DecisionLine } from './createDecider.ts';

/** Characters JSON.stringify escapes: quote, backslash, controls, and surrogates (a lone one is written as \uXXXX). */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** A JSON string literal; plain text (ids, rule names, reason sentences) is copied as is. */
export function jsonString(s: string): string {
  return NEEDS_ESCAPE.test(s) ? JSON.stringify(s) : `"${s}"`;
}

/** As JSON.stringify writes a number: non-finite values as null, the rest as Number#toString (-0 as 0). */
function jsonNumber(x: number): string {
  return Number.isFinite(x) ? String(x) : 'null';
}

function nullableNumber(x: number | null): string {
  return x === null ? 'null' : jsonNumber(x);
}

function nullableString(x: string | null): string {
  return x === null ? 'null' : jsonString(x);
}

function stringArray(xs: readonly string[]): string {
  let out = '[';
  for (let i = 0; i < xs.length; i++) out += (i === 0 ? '' : ',') + jsonString(xs[i]!);
  return out + ']';
}

/**
 * JSON.stringify(d) for a decision or an error line. Decisions (all but a few lines) are written field by field in
 * the order createDecider builds them; an error line, whose `value` can be any JSON, goes through JSON.stringify.
 */
export function decisionLineJson(d: DecisionLine): string {
  if (!('action' in d)) return JSON.stringify(d);
  let out = d.line === undefined ? '{' : `{"line":${jsonNumber(d.line)},`;
  out += `"request_id":${jsonString(d.request_id)}`;
  out += `,"action":${jsonString(d.action)}`;
  out += `,"rule":${jsonString(d.rule)}`;
  out += `,"rule_index":${jsonNumber(d.rule_index)}`;
  out += `,"request_risk":${nullableNumber(d.request_risk)}`;
  out += `,"buyer_risk":${nullableNumber(d.buyer_risk)}`;
  out += `,"merchant_trust":${nullableNumber(d.merchant_trust)}`;
  out += `,"buyer_tier":${nullableString(d.buyer_tier)}`;
  out += `,"merchant_tier":${nullableString(d.merchant_tier)}`;
  out += `,"reasons":${stringArray(d.reasons)}`;
  out += `,"scores_as_of":${jsonString(d.scores_as_of)}`;
  if (d.notes !== undefined) out += `,"notes":${stringArray(d.notes)}`;
  return out + '}';
}
