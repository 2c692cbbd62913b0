// A request model reads fewer weeks once the newest hold enough requests: at least config training.snapshotWeeks, at
// most its spec's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { addDays } from '../../../data/time/isoDate.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { MODEL_SPECS } from '../../../models/specs/index.ts';
import { snapshotWeeks } from '../../../pipelines/train/snapshotWeeks.ts';

const AS_OF = '2026-11-02';
const config = configSchema.parse({
  training: { snapshotWeeks: 4, validationWeeks: 1 },
  labels: { abuseLabelDelayDays: 14 },
});
// its weeks end 2, 3, … 11 weeks before AS_OF (labels take 14 days)
const spec = { ...MODEL_SPECS['request-risk'], snapshotWeeks: 10, snapshotRows: 100 };

let wh: Warehouse;
beforeEach(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
});
afterEach(() => wh.close());

/** `perWeek` requests in each of the 12 weeks before AS_OF, made 3 days before each week's end. */
async function requests(perWeek: number): Promise<void> {
  await wh.run('create table refund_requests (requested_at timestamp)');
  for (let k = 1; k <= 12; k++) {
    await wh.run('insert into refund_requests select $t::timestamp from range($n)', {
      t: `${addDays(AS_OF, -7 * k - 3)} 12:00`,
      n: perWeek,
    });
  }
}

describe('snapshotWeeks', () => {
  it('stops at the newest weeks holding snapshotRows requests, never under config training.snapshotWeeks', async () => {
    await requests(20);
    expect(await snapshotWeeks(wh, spec, AS_OF, config)).toBe(5); // 4 weeks hold 80, 5 hold 100
  });

  it('reads config training.snapshotWeeks when fewer weeks would do', async () => {
    await requests(60);
    expect(await snapshotWeeks(wh, spec, AS_OF, config)).toBe(4);
  });

  it("reads all the spec's weeks when they hold too few requests, or there is no request table", async () => {
    expect(await snapshotWeeks(wh, spec, AS_OF, config)).toBe(10);
    await requests(5);
    expect(await snapshotWeeks(wh, spec, AS_OF, config)).toBe(10);
  });

  it('reads the fixed weeks of a spec without snapshotRows', async () => {
    await requests(60);
    expect(await snapshotWeeks(wh, { ...spec, snapshotRows: undefined }, AS_OF, config)).toBe(10);
    expect(await snapshotWeeks(wh, MODEL_SPECS['abuse-risk'], AS_OF, config)).toBe(4);
  });
});
