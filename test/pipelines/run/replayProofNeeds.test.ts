// The snapshots a first run's warm-up builds for the week's own training: those no replayed score can change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { replayProofNeeds } from '../../../pipelines/run/replayProofNeeds.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';

const config = configSchema.parse({
  training: { snapshotWeeks: 4, validationWeeks: 1, retrainIntervalDays: 28 },
  labels: { abuseLabelDelayDays: 14, merchantHorizonDays: 28 },
});

// no refund request: the request model reads all its 36 weeks (snapshotWeeks.ts)
let wh: Warehouse;
beforeAll(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
});
afterAll(() => wh.close());

describe('replayProofNeeds', () => {
  it('keeps the dates before the first replayed week, and request weeks ending on it', async () => {
    // abuse-risk as of 11-02 reads 10-19 … 09-28; request-risk (36 weeks of its own) 10-19 … 2026-02-16.
    const needs = await replayProofNeeds(wh, ['abuse-risk', 'request-risk'], '2026-10-05', '2026-11-02', config);
    expect(needs[0]).toEqual({ table: 'feat_buyer_history', dates: ['2026-09-28'] });
    expect(needs[1]!.table).toBe('feat_request_history');
    expect(needs[1]!.dates.at(-1)).toBe('2026-10-05');
    expect(needs[1]!.dates).toHaveLength(34);
  });

  it('asks for nothing when the warm-up models will still be fresh on the week', async () => {
    expect(await replayProofNeeds(wh, ['abuse-risk'], '2026-10-12', '2026-11-02', config)).toEqual([]);
  });
});
