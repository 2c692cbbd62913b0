// Artifact files: <dir>/<model>/<date>.json, latest.json naming the newest date, scoring never picking a later model.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactDates, readArtifactFor, writeArtifact } from '../../../models/registry/artifactStore.ts';
import type { ArtifactFile } from '../../../models/registry/artifactFile.ts';
import { featureCatalog } from '../../../pipelines/features/featureCatalog.ts';
import { specCatalogue } from '../../../models/specs/specCatalogue.ts';
import { fitModel } from '../../../models/train/fitModel.ts';
import { planSnapshots } from '../../../models/train/planSnapshots.ts';
import { MINI_BUYER_SPEC, miniTrainingData } from '../fixtures/miniSpecs.ts';

const dir = mkdtempSync(join(tmpdir(), 'trustlens-artifacts-'));
let artifact: ArtifactFile;
beforeAll(async () => {
  const plan = planSnapshots({ asOf: '2026-03-02', snapshotWeeks: 4, validationWeeks: 1, minAgeDays: 28 });
  const fitted = await fitModel(miniTrainingData([...plan.training, ...plan.validation], 80), {
    spec: MINI_BUYER_SPEC,
    asOf: '2026-03-02',
    plan,
    catalogue: specCatalogue(MINI_BUYER_SPEC, featureCatalog()[MINI_BUYER_SPEC.featureTable].columns),
    k: 5,
    seed: 1,
    nTrees: 5,
    threads: 1,
    trustlensVersion: 'test',
  });
  artifact = fitted.artifact;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('artifact store', () => {
  it('points latest.json at the newest date, not the last one written', () => {
    writeArtifact(dir, { ...artifact, asOf: '2026-03-09' });
    writeArtifact(dir, artifact);
    expect(artifactDates(dir, 'abuse-risk')).toEqual(['2026-03-02', '2026-03-09']);
    expect(JSON.parse(readFileSync(join(dir, 'abuse-risk', 'latest.json'), 'utf8'))).toEqual({ date: '2026-03-09' });
  });

  it('scores a date with the newest model trained on or before it', () => {
    expect(readArtifactFor(dir, 'abuse-risk', '2026-03-05').asOf).toBe('2026-03-02');
    expect(readArtifactFor(dir, 'abuse-risk', '2026-03-09').asOf).toBe('2026-03-09');
    expect(() => readArtifactFor(dir, 'abuse-risk', '2026-03-01')).toThrow(
      'no abuse-risk model trained on or before 2026-03-01',
    );
  });

  it('validates on read and names the file and the broken key', () => {
    writeArtifact(dir, {
      ...artifact,
      asOf: '2026-03-16',
      calibration: { method: 'isotonic', x: [0.1], y: [2] },
    } as ArtifactFile);
    expect(() => readArtifactFor(dir, 'abuse-risk', '2026-03-16')).toThrow(/2026-03-16\.json.*calibration/s);
  });
});
