// Who gets reasons: the whole queue, then flagged buyers by risk up to the limit; normal buyers outside the queue
// never.
import { describe, expect, it } from 'vitest';
import { reasonRows } from '../../../pipelines/score/scoreBuyers.ts';

const rows = [
  { buyer_id: 'a', risk: 0.9, tier: 'high', queue_rank: null },
  { buyer_id: 'b', risk: 0.05, tier: 'normal', queue_rank: 1 },
  { buyer_id: 'c', risk: 0.3, tier: 'elevated', queue_rank: null },
  { buyer_id: 'd', risk: 0.01, tier: 'normal', queue_rank: null },
  { buyer_id: 'e', risk: 0.6, tier: 'high', queue_rank: 2 },
  { buyer_id: 'f', risk: 0.3, tier: 'elevated', queue_rank: null },
] as const;

describe('reasonRows', () => {
  it('explains the queue and every flagged buyer when the limit allows', () => {
    expect(reasonRows(rows, 'flagged', 100)).toEqual([0, 1, 2, 4, 5]);
  });

  it('fills up to the limit with the riskiest flagged buyers, ties by id', () => {
    expect(reasonRows(rows, 'flagged', 4)).toEqual([0, 1, 2, 4]);
  });

  it('always explains the whole queue, even past the limit', () => {
    expect(reasonRows(rows, 'flagged', 1)).toEqual([1, 4]);
  });

  it('explains only the queue for history weeks', () => {
    expect(reasonRows(rows, 'queue', 100)).toEqual([1, 4]);
  });
});
