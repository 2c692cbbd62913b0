// decideChunk writes the bytes of JSON.stringify of decideLines over the whole chunk, whatever batches it decides in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDecider } from '../../../pipelines/decide/createDecider.ts';
import { resolvePolicy, type DeciderState } from '../../../pipelines/decide/decide.ts';
import { decideChunk } from '../../../pipelines/decide/decideChunk.ts';
import { tinyDeciderState } from './fixtures/tinyDeciderState.ts';
import { TINY_REQUEST } from './fixtures/tinyWarehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'trustlens-decide-chunk-'));
let state: DeciderState;

beforeAll(async () => {
  state = await tinyDeciderState(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const line = (o: Record<string, unknown>) => JSON.stringify({ ...TINY_REQUEST, ...o });

describe('decideChunk', () => {
  it('gives the same bytes and counts in batches of 2 as one batch: decisions, bad and blank lines', () => {
    const lines = [
      line({ request_id: 'a', amount: 12.5 }),
      '',
      'not json',
      line({ request_id: 'b', order_id: 'o1', kind: 'return_and_refund' }),
      line({ request_id: 'c', order_id: 'o9' }),
      line({ request_id: 'd', reason: 'stolen' }),
      line({ request_id: 'é "q"', amount: 99.99 }),
    ];
    const policy = resolvePolicy('data/policies/request-gated.yaml');
    const whole = createDecider(state, policy).decideLines(lines, 10);
    const expected = whole.map((d) => JSON.stringify(d) + '\n').join('');
    for (const batch of [1, 2, 3, 256]) {
      const chunk = decideChunk(createDecider(state, policy), lines, 10, batch);
      expect(new TextDecoder().decode(chunk.bytes)).toBe(expected);
      expect([chunk.decisions, chunk.errors]).toEqual([4, 2]);
    }
    expect(whole.map((d) => d.line)).toEqual([10, 12, 13, 14, 15, 16]);
  });
});
