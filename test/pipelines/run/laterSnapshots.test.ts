// The warm-up of a first run also builds the final training's snapshots dated before the first replayed week.
import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { laterSnapshots } from '../../../pipelines/run/laterSnapshots.ts';

const config = configSchema.parse({});
const ALL = ['abuse-risk', 'merchant-trust', 'request-risk'] as const;

describe('laterSnapshots', () => {
  it('lists the buyer and merchant snapshots training as of the week will read, dated before the first replayed week', () => {
    // 12 replayed weeks before 2026-10-26: the warm-up trains as of 2026-08-03 and the week retrains 84 days later
    expect(laterSnapshots(ALL, '2026-08-03', '2026-10-26', config, false)).toEqual([
      // abuse-risk: snapshots at least abuseLabelDelayDays old
      {
        table: 'feat_buyer_history',
        dates: ['2026-06-15', '2026-06-22', '2026-06-29', '2026-07-06', '2026-07-13', '2026-07-20', '2026-07-27'],
      },
      // merchant-trust: snapshots at least merchantHorizonDays old
      {
        table: 'feat_merchant_history',
        dates: [
          '2026-04-13',
          '2026-04-20',
          '2026-04-27',
          '2026-05-04',
          '2026-05-11',
          '2026-05-18',
          '2026-05-25',
          '2026-06-01',
          '2026-06-08',
          '2026-06-15',
          '2026-06-22',
          '2026-06-29',
          '2026-07-06',
          '2026-07-13',
          '2026-07-20',
          '2026-07-27',
        ],
      },
      // request-risk: the buyer snapshot of the week before each request week
      {
        table: 'feat_buyer_history',
        dates: [
          '2026-01-19',
          '2026-01-26',
          '2026-02-02',
          '2026-02-09',
          '2026-02-16',
          '2026-02-23',
          '2026-03-02',
          '2026-03-09',
          '2026-03-16',
          '2026-03-23',
          '2026-03-30',
          '2026-04-06',
          '2026-04-13',
          '2026-04-20',
          '2026-04-27',
          '2026-05-04',
          '2026-05-11',
          '2026-05-18',
          '2026-05-25',
          '2026-06-01',
          '2026-06-08',
          '2026-06-15',
          '2026-06-22',
          '2026-06-29',
          '2026-07-06',
          '2026-07-13',
          '2026-07-20',
          '2026-07-27',
        ],
      },
    ]);
  });

  it('lists nothing when the warm-up model will still be fresh on the week, unless the run retrains', () => {
    // two replayed weeks: the warm-up's artifact is 14 days old on the week, under the 28-day retrain interval
    expect(laterSnapshots(ALL, '2026-10-12', '2026-10-26', config, false)).toEqual([]);
    const retrained = laterSnapshots(['merchant-trust'], '2026-10-12', '2026-10-26', config, true);
    expect(retrained.map((n) => n.table)).toEqual(['feat_merchant_history']);
    expect(retrained[0]!.dates.every((d) => d < '2026-10-12')).toBe(true);
    expect(retrained[0]!.dates.length).toBeGreaterThan(0);
  });
});
