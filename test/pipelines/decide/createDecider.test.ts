// decide on a tiny warehouse: the rule that fires, the scores of the held week, error lines among good ones, review
// capacity, NDJSON streaming.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDecider, loadState, type DeciderState } from '../../../pipelines/decide/decide.ts';
import { createDecider } from '../../../pipelines/decide/createDecider.ts';
import { decideStream } from '../../../pipelines/decide/runDecide.ts';
import { policySchema } from '../../../pipelines/simulate/policy/policySchema.ts';
import { TINY_REQUEST, tinyWarehouse } from './fixtures/tinyWarehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'trustlens-decide-'));
const warehouse = join(dir, 'warehouse.duckdb');
const artifactsDir = join(dir, 'artifacts');
let state: DeciderState;

beforeAll(async () => {
  await tinyWarehouse(warehouse);
  state = await loadState({ warehouse, artifactsDir });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const reviewAll = (capacity?: number) =>
  policySchema.parse({
    name: 'review-all',
    rules: [
      {
        name: 'refund-only is reviewed',
        when: [{ field: 'kind', op: '=', value: 'refund_only' }],
        action: 'manual_review',
      },
    ],
    default: 'instant_refund',
    settings: capacity === undefined ? {} : { reviewCapacityPerWeek: capacity, overflowAction: 'refund_after_return' },
  });

describe('decide', () => {
  it('decides with the first matching rule and the scores of the held week', async () => {
    const decider = await loadDecider({ warehouse, artifactsDir, policy: 'data/policies/risk-gated.yaml' });
    expect(decider.decideValues([TINY_REQUEST], false)).toEqual([
      {
        request_id: 'r1',
        action: 'manual_review',
        rule: 'linked to a confirmed abuser',
        rule_index: 1,
        request_risk: null,
        buyer_risk: 0.3,
        merchant_trust: 97.5,
        buyer_tier: 'elevated',
        merchant_tier: 'top-rated',
        reasons: [],
        scores_as_of: '2026-11-02',
        notes: ['no request-risk model trained on or before the scored week: request risk unknown'],
      },
    ]);
  });

  it('decides a request about an order it does not hold, with everything but the request unknown', () => {
    const [d] = createDecider(state, reviewAll()).decideValues([{ ...TINY_REQUEST, order_id: 'o-elsewhere' }], false);
    expect(d).toMatchObject({ action: 'manual_review', buyer_risk: null, merchant_trust: null, request_risk: null });
    expect(d && 'notes' in d && d.notes?.[0]).toMatch(/^order o-elsewhere is not among the warehouse's orders/);
  });

  it('gives a bad item an error line and still decides the others, each with its position', () => {
    const out = createDecider(state, reviewAll()).decideValues(
      [TINY_REQUEST, { ...TINY_REQUEST, request_id: 'r2', kind: 'refund' }, TINY_REQUEST],
      true,
    );
    expect(
      out.map((d) => ('action' in d ? `${d.line}:${d.action}` : `${d.line}:${d.field}=${String(d.value)} ${d.rule}`)),
    ).toEqual([
      '1:manual_review',
      '2:kind=refund must be one of refund_only, return_and_refund, exchange',
      '3:manual_review',
    ]);
  });

  it('spends review capacity first come, first served within the week, then applies the overflow action', () => {
    const decider = createDecider(state, reviewAll(2));
    const week2 = { ...TINY_REQUEST, requested_at: '2026-11-10T09:00:00Z' };
    const out = decider.decideValues([TINY_REQUEST, TINY_REQUEST, TINY_REQUEST, week2], true);
    expect(out.map((d) => ('action' in d ? d.action : 'error'))).toEqual([
      'manual_review',
      'manual_review',
      'refund_after_return',
      'manual_review',
    ]);
    expect(out[2]).toMatchObject({ rule: 'refund-only is reviewed (review capacity of 2 this week used up)' });
  });

  it('streams NDJSON: one output line per input line, blank lines skipped, line numbers kept', async () => {
    const input = Readable.from([
      `${JSON.stringify(TINY_REQUEST)}\n\nnot json\n`,
      JSON.stringify({ ...TINY_REQUEST, amount: -1 }),
    ]);
    const output = new PassThrough();
    const text: string[] = [];
    output.on('data', (c: Buffer) => text.push(c.toString()));
    const counts = await decideStream(createDecider(state, reviewAll()), input, output);
    const lines = text
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; action?: string; rule: string });
    expect(counts).toEqual({ lines: 4, decisions: 1, errors: 2 });
    expect(lines.map((l) => [l.line, l.action ?? l.rule])).toEqual([
      [1, 'manual_review'],
      [3, expect.stringMatching(/^not valid JSON/)],
      [4, 'must be a decimal >= 0 with at most 2 decimals'],
    ]);
  });
});
