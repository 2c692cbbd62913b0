// Out-of-time snapshot plan: weekly dates old enough for labels to mature, the newest held out, never interleaved.
import { describe, expect, it } from 'vitest';
import { planSnapshots } from '../../../models/train/planSnapshots.ts';
import { addDays } from '../../../data/time/isoDate.ts';

describe('planSnapshots', () => {
  it('uses buyer snapshots at least the label delay old, newest held out', () => {
    const plan = planSnapshots({ asOf: '2026-11-02', snapshotWeeks: 6, validationWeeks: 2, minAgeDays: 28 });
    expect(plan.validation).toEqual(['2026-09-28', '2026-10-05']);
    expect(plan.training).toEqual(['2026-08-31', '2026-09-07', '2026-09-14', '2026-09-21']);
  });

  it('uses merchant snapshots whose 90-day label window closed before the training date', () => {
    const plan = planSnapshots({ asOf: '2026-11-02', snapshotWeeks: 3, validationWeeks: 1, minAgeDays: 90 });
    expect(plan.validation).toEqual(['2026-08-03']); // 91 days before: the first weekly date at least 90 days old
    expect(plan.training).toEqual(['2026-07-20', '2026-07-27']);
    for (const d of [...plan.training, ...plan.validation]) expect(addDays(d, 90) <= '2026-11-02').toBe(true);
  });

  it('puts every validation date after every training date', () => {
    const plan = planSnapshots({ asOf: '2026-05-04', snapshotWeeks: 16, validationWeeks: 4, minAgeDays: 28 });
    expect(plan.training).toHaveLength(12);
    expect(plan.training.at(-1)! < plan.validation[0]!).toBe(true);
    expect(plan.validation.at(-1)).toBe('2026-04-06');
  });

  it('refuses a plan without training weeks', () => {
    expect(() => planSnapshots({ asOf: '2026-11-02', snapshotWeeks: 4, validationWeeks: 4, minAgeDays: 28 })).toThrow(
      'training.snapshotWeeks (4) must exceed training.validationWeeks (4)',
    );
  });
});
