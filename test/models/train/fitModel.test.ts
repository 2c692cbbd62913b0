// fitModel: forest on training weeks only, metrics and calibration on held-out weeks, deterministic artifacts.
import { describe, expect, it } from 'vitest';
import { artifactFileSchema } from '../../../models/registry/artifactFile.ts';
import { featureCatalog } from '../../../pipelines/features/featureCatalog.ts';
import { specCatalogue } from '../../../models/specs/specCatalogue.ts';
import { fitModel, type FitOptions } from '../../../models/train/fitModel.ts';
import { planSnapshots } from '../../../models/train/planSnapshots.ts';
import { MINI_BUYER_SPEC, miniTrainingData } from '../fixtures/miniSpecs.ts';

const plan = planSnapshots({ asOf: '2026-03-02', snapshotWeeks: 5, validationWeeks: 2, minAgeDays: 28 });
const data = miniTrainingData([...plan.training, ...plan.validation]);
const options: FitOptions = {
  spec: MINI_BUYER_SPEC,
  asOf: '2026-03-02',
  plan,
  catalogue: specCatalogue(MINI_BUYER_SPEC, featureCatalog()[MINI_BUYER_SPEC.featureTable].columns),
  k: 10,
  seed: 7,
  nTrees: 15,
  threads: 1,
  trustlensVersion: '0.0.0-test',
};

describe('fitModel', () => {
  it('writes a valid artifact whose windows are the plan and whose metrics count held-out rows only', async () => {
    const { artifact } = await fitModel(data, options);
    expect(artifactFileSchema.safeParse(artifact).success).toBe(true);
    expect(artifact.trainingWindow.snapshots).toEqual(plan.training);
    expect(artifact.validationWindow.snapshots).toEqual(plan.validation);
    expect(artifact.metrics.rows).toBe(2 * 160);
    expect(artifact.training.trainingSnapshots.rows).toBe(3 * 160);
    expect(artifact.training.fitted.snapshots).toEqual(plan.training);
    expect(artifact.training.perValidationSnapshot.map((s) => s.asOf)).toEqual(plan.validation);
    expect(artifact.metrics.rocAuc).toBeGreaterThan(0.7);
    expect(artifact.baselines.map((b) => b.name)).toEqual(MINI_BUYER_SPEC.baselines.map((b) => b.name));
    expect(artifact.features.map((f) => f.name)).toEqual(MINI_BUYER_SPEC.features);
  });

  it('gives a byte-identical artifact for the same data and seed, whatever the thread count', async () => {
    const a = JSON.stringify((await fitModel(data, options)).artifact);
    const b = JSON.stringify((await fitModel(data, { ...options, threads: 2 })).artifact);
    expect(b).toBe(a);
    const c = JSON.stringify((await fitModel(data, { ...options, seed: 8 })).artifact);
    expect(c).not.toBe(a);
  });

  it('does not let held-out rows shape the forest: changing their labels changes metrics, not the trees', async () => {
    const flipped = {
      ...data,
      labels: Uint8Array.from(data.labels, (y, i) => (data.snapshotIndex[i]! >= 3 ? 1 - y : y)),
    };
    const a = (await fitModel(data, options)).artifact;
    const b = (await fitModel(flipped, options)).artifact;
    expect(JSON.stringify(b.forest)).toBe(JSON.stringify(a.forest));
    expect(b.metrics.positives).not.toBe(a.metrics.positives);
    expect(b.dataFingerprint).not.toBe(a.dataFingerprint);
  });
});
