// The starter merchant model's label: a problem merchant (generator truth) is positive once its problem has begun.
import { describe, expect, it } from 'vitest';
import { MODEL_SPECS } from '../../../models/specs/index.ts';
import type { TrainingData } from '../../../models/train/trainingData.ts';
import { withTruthLabels } from '../../../pipelines/train/starter/truthLabels.ts';

const data: TrainingData = {
  snapshots: ['2026-03-02', '2026-03-09'],
  ids: ['m1', 'm2', 'm3', 'm1', 'm2', 'm3'],
  snapshotIndex: Int32Array.from([0, 0, 0, 1, 1, 1]),
  // serious actions: only m3, in the second week
  labels: Uint8Array.from([0, 0, 0, 0, 0, 1]),
  columns: new Map([['rating_avg_90d', Float32Array.from([4.8, 3.1, 4.5, 4.8, 3.0, 4.4])]]),
};
// m2 has been a problem since February, m3 from 2026-03-05; m1 never
const problems = new Map([
  ['m2', '2026-02-01'],
  ['m3', '2026-03-05'],
]);

describe('withTruthLabels', () => {
  it('labels merchants by the truth once their problem has begun, whatever the actions say', () => {
    const out = withTruthLabels(MODEL_SPECS['merchant-trust'], data, problems);
    expect([...out.labels]).toEqual([0, 1, 0, 0, 1, 1]);
    expect(out.columns).toBe(data.columns);
  });

  it('leaves the buyer model on its investigation labels', () => {
    expect(withTruthLabels(MODEL_SPECS['abuse-risk'], data, problems)).toBe(data);
  });
});
