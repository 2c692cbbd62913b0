// decide on worker threads writes the very bytes one thread writes: same decisions, same error lines, same line
// numbers, in input order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecider, type Decider } from '../../../pipelines/decide/createDecider.ts';
import { resolvePolicy, type DeciderState } from '../../../pipelines/decide/decide.ts';
import { DeciderPool } from '../../../pipelines/decide/deciderPool.ts';
import { decideStream } from '../../../pipelines/decide/runDecide.ts';
import { policySchema } from '../../../pipelines/simulate/policy/policySchema.ts';
import { lcg } from '../../models/fixtures/miniSpecs.ts';
import { tinyDeciderState } from './fixtures/tinyDeciderState.ts';
import { TINY_REQUEST } from './fixtures/tinyWarehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'trustlens-decide-par-'));
let state: DeciderState;

beforeAll(async () => {
  state = await tinyDeciderState(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const KINDS = ['refund_only', 'return_and_refund', 'exchange'];
const REASONS = ['not_received', 'damaged', 'quality', 'not_as_described', 'wrong_item', 'no_reason_7day', 'other'];

/** Requests of both held orders and an unknown one, varied, with bad lines, blank lines and CRLF endings among them. */
function inputText(lines: number): string {
  const r = lcg(5);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const x = r();
    if (x < 0.01) out.push('');
    else if (x < 0.02) out.push('{"request_id": "broken",');
    else if (x < 0.03) out.push(JSON.stringify({ ...TINY_REQUEST, request_id: `r${i}`, amount: -1, kind: 'swap' }));
    else if (x < 0.035) out.push('[1, 2]');
    else if (x < 0.04)
      out.push(JSON.stringify({ ...TINY_REQUEST, request_id: `r${i} "quoted"\t\u0001 ✓ \ud800` }) + '\r');
    else
      out.push(
        JSON.stringify({
          request_id: `r${i}`,
          order_id: pick(['o1', 'o2', 'o2', 'o9']),
          requested_at: `2026-11-0${1 + Math.floor(r() * 8)}T${String(Math.floor(r() * 24)).padStart(2, '0')}:15:00Z`,
          kind: pick(KINDS),
          reason: pick(REASONS),
          amount: Math.round(r() * 30_000) / 100,
          ...(r() < 0.05 ? { status: 'open', escalated: false } : {}),
        }),
      );
  }
  return out.join('\n') + '\n';
}

/** The text through decideStream, fed in 64 KiB pieces as a file would be, or as a slow pipe (a pause a piece). */
async function run(decider: Decider, text: string, options: Parameters<typeof decideStream>[3], pauseMs = 0) {
  const pieces = (async function* () {
    for (let at = 0; at < text.length; at += 65_536) {
      if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      yield text.slice(at, at + 65_536);
    }
  })();
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const counts = await decideStream(decider, Readable.from(pieces), output, options);
  return { counts, text: Buffer.concat(chunks).toString('utf8') };
}

const gated = () => createDecider(state, resolvePolicy('data/policies/request-gated.yaml'));

describe('decideStream on worker threads', () => {
  /** Workers start after this many lines in these tests (PARALLEL_FROM_LINES would make them slow). */
  const from = 16_384;
  const text = inputText(from + 4_500);

  it('writes the same bytes as one thread, on a long input of decisions, reasons and bad lines', async () => {
    const one = await run(gated(), text, { threads: 1 });
    const decider = gated();
    const pool = await DeciderPool.start(decider, 2);
    try {
      const two = await run(decider, text, { threads: 2, pool });
      expect(two.counts).toEqual(one.counts);
      expect(two.text).toBe(one.text);
    } finally {
      await pool.close();
    }
    // and the one-thread bytes are JSON.stringify of the decisions, one a non-blank line, in order
    const lines = text.split('\n').slice(0, -1);
    const expected = gated().decideLines(lines);
    expect(one.text).toBe(expected.map((d) => JSON.stringify(d) + '\n').join(''));
    expect(one.counts.lines).toBe(lines.length);
    expect(one.counts.errors).toBeGreaterThan(500);
    expect(expected.filter((d) => 'reasons' in d && d.reasons.length > 0).length).toBeGreaterThan(1_000);
  }, 60_000);

  it('starts its own workers on a long input and decides a short one in this thread, the same bytes either way', async () => {
    const one = await run(gated(), text, { threads: 1 });
    // a slow input: the workers get ready part way and take over from this thread
    expect((await run(gated(), text, { threads: 4, parallelFromLines: from }, 40)).text).toBe(one.text);
    const short = text.slice(0, text.indexOf('\n', 100_000) + 1);
    expect((await run(gated(), short, { threads: 4, parallelFromLines: from })).text).toBe(
      one.text.slice(0, (await run(gated(), short, { threads: 1 })).text.length),
    );
  }, 60_000);

  it('keeps one thread when the policy spends review capacity in input order', async () => {
    const capped = policySchema.parse({
      name: 'review-refund-only',
      rules: [{ when: [{ field: 'kind', op: '=', value: 'refund_only' }], action: 'manual_review' }],
      default: 'instant_refund',
      settings: { reviewCapacityPerWeek: 40, overflowAction: 'refund_after_return' },
    });
    const decider = createDecider(state, capped);
    expect(decider.orderIndependent).toBe(false);
    await expect(DeciderPool.start(decider, 2)).rejects.toThrow(/review capacity/);
    const one = await run(createDecider(state, capped), text, { threads: 1 });
    const many = await run(decider, text, { threads: 4, parallelFromLines: from });
    expect(many.text).toBe(one.text);
    expect(one.text.match(/review capacity of 40 this week used up/g)?.length).toBeGreaterThan(100);
  }, 60_000);

  it('says so and goes on in this thread when the workers cannot build their decider', async () => {
    const one = await run(gated(), text, { threads: 1 });
    const decider = gated();
    // the workers rebuild the decider from its policy; this one cannot be compiled there
    const broken: Decider = { ...decider, policy: { ...decider.policy, rules: null as never } };
    const warnings: string[] = [];
    const many = await run(broken, text, {
      threads: 2,
      parallelFromLines: from,
      onWarning: (m) => warnings.push(m),
    });
    expect(many.text).toBe(one.text);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^decide worker threads did not start \(.+\); deciding in one thread$/);
  }, 60_000);
});
