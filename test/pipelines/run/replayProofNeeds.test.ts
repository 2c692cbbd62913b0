// The snapshots a first run's warm-up builds for the week's own training: those no replayed score can change, for the
// models that training will retrain and can.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { contractTablesDdl } from '../../../pipelines/ingest/contractDdl.ts';
import { replayProofNeeds } from '../../../pipelines/run/replayProofNeeds.ts';

const root = mkdtempSync(join(tmpdir(), 'trustlens-proof-'));
const config = configSchema.parse({
  artifactsDir: join(root, 'artifacts'),
  training: { snapshotWeeks: 4, validationWeeks: 1, retrainIntervalDays: 28 },
  labels: { abuseLabelDelayDays: 14, merchantHorizonDays: 28 },
});
const FIRST = '2026-10-05';
const AS_OF = '2026-11-02';

// one confirmed abuser (buyer and request labels), no governance action (merchant-trust cannot learn); no refund
// request, so the request model reads all its 36 weeks (snapshotWeeks.ts)
let wh: Warehouse;
beforeAll(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
  await wh.run(contractTablesDdl());
  await wh.run(
    "insert into investigations (case_id, buyer_id, opened_at, closed_at, verdict) values ('c1', 'b1', '2026-05-01', '2026-06-01', 'confirmed_abuse')",
  );
});
afterAll(() => {
  wh.close();
  rmSync(root, { recursive: true, force: true });
});

describe('replayProofNeeds', () => {
  it('keeps the dates before the first replayed week, and request weeks ending on it', async () => {
    // abuse-risk as of 11-02 reads 10-19 … 09-28; request-risk (36 weeks of its own) 10-19 … 2026-02-16.
    const needs = await replayProofNeeds(wh, ['abuse-risk', 'request-risk'], FIRST, AS_OF, config, false);
    expect(needs[0]).toEqual({ table: 'feat_buyer_history', dates: ['2026-09-28'] });
    expect(needs[1]!.table).toBe('feat_request_history');
    expect(needs[1]!.dates.at(-1)).toBe(FIRST);
    expect(needs[1]!.dates).toHaveLength(34);
  });

  it('asks for nothing when the warm-up models will still be fresh on the week, unless told to retrain', async () => {
    expect(await replayProofNeeds(wh, ['abuse-risk'], '2026-10-12', AS_OF, config, false)).toEqual([]);
    const retrained = await replayProofNeeds(wh, ['abuse-risk'], '2026-10-12', AS_OF, config, true);
    expect(retrained.map((n) => n.table)).toEqual(['feat_buyer_history']);
  });

  it('asks for nothing for a model the week cannot train: no labels yet, or a fresher artifact already there', async () => {
    expect(await replayProofNeeds(wh, ['merchant-trust'], FIRST, AS_OF, config, false)).toEqual([]);
    mkdirSync(join(root, 'artifacts', 'abuse-risk'), { recursive: true });
    writeFileSync(join(root, 'artifacts', 'abuse-risk', '2026-10-19.json'), '{}');
    expect(await replayProofNeeds(wh, ['abuse-risk'], FIRST, AS_OF, config, false)).toEqual([]);
  });
});
