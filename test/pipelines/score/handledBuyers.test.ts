// queue_handled_buyers.sql: who is already handled at a date — confirmed before it, or a case opened before it and not
// closed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { handledBuyers } from '../../../pipelines/score/scoreBuyers.ts';

let wh: Warehouse;
beforeAll(async () => {
  wh = await Warehouse.open({ path: ':memory:' });
  await wh.run(
    'create table investigations (case_id varchar, buyer_id varchar, request_id varchar, opened_at timestamp, closed_at timestamp, verdict varchar)',
  );
  await wh.run(`insert into investigations values
    ('c1', 'confirmed', null, '2026-09-01', '2026-10-01 09:00', 'confirmed_abuse'),
    ('c2', 'cleared', null, '2026-09-01', '2026-10-01', 'cleared'),
    ('c3', 'open', null, '2026-10-20 12:00', '2026-11-20', 'cleared'),
    ('c4', 'closes-at-date', null, '2026-10-25', '2026-11-02', 'confirmed_abuse'),
    ('c5', 'opens-later', null, '2026-11-03', '2026-11-30', 'confirmed_abuse'),
    ('c6', 'both', null, '2026-08-01', '2026-08-20', 'confirmed_abuse'),
    ('c7', 'both', null, '2026-10-30', '2026-11-10', 'cleared')`);
});
afterAll(() => wh.close());

describe('handledBuyers', () => {
  it('counts confirmed verdicts closed before the date and cases still open at it; not cleared cases, nor later ones', async () => {
    const handled = await handledBuyers(wh, '2026-11-02');
    expect(Object.fromEntries(handled)).toEqual({
      both: { handled_as: 'confirmed_abuse', since: '2026-08-20 00:00', case_id: 'c6' },
      'closes-at-date': { handled_as: 'open_investigation', since: '2026-10-25 00:00', case_id: 'c4' },
      confirmed: { handled_as: 'confirmed_abuse', since: '2026-10-01 09:00', case_id: 'c1' },
      open: { handled_as: 'open_investigation', since: '2026-10-20 12:00', case_id: 'c3' },
    });
  });
});
