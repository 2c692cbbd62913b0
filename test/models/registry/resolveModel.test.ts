// Which model scores a date: a configured artifact (trained elsewhere), else one trained here on or before it, else the
// shipped starter.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configSchema } from '../../../data/config/configSchema.ts';
import { writeArtifact } from '../../../models/registry/artifactStore.ts';
import { artifactFileSchema } from '../../../models/registry/artifactFile.ts';
import {
  modelChoice,
  resolveModel,
  SHIPPED_STARTER_DIR,
  starterArtifactPath,
} from '../../../models/registry/resolveModel.ts';

const dir = mkdtempSync(join(tmpdir(), 'trustlens-resolve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The shipped starter stands in for a model trained elsewhere or here: any valid artifact does.
const starter = artifactFileSchema.parse(
  JSON.parse(readFileSync(starterArtifactPath(SHIPPED_STARTER_DIR, 'merchant-trust'), 'utf8')),
);
const choice = (models: Record<string, string> = {}, artifactsDir = join(dir, 'none')) =>
  modelChoice(configSchema.parse({ artifactsDir, models }));

describe('resolveModel', () => {
  it('scores with the shipped starter while nothing was trained here, found wherever trustlens runs from', () => {
    const m = resolveModel(choice(), 'merchant-trust', '2026-11-02');
    expect(m.source).toBe('starter');
    // recorded relative to the package, so outputs do not depend on where it is installed
    expect(m.path).toBe(join('models', 'starter', 'merchant-trust', 'artifact.json'));
  });

  it('prefers a model trained here on or before the date, never a later one', () => {
    const trained = join(dir, 'trained');
    writeArtifact(trained, { ...starter, asOf: '2026-10-26' });
    writeArtifact(trained, { ...starter, asOf: '2026-11-09' });
    const m = resolveModel(choice({}, trained), 'merchant-trust', '2026-11-02');
    expect(m).toMatchObject({ source: 'trained', path: join(trained, 'merchant-trust', '2026-10-26.json') });
    expect(m.artifact.asOf).toBe('2026-10-26');
  });

  it('uses an artifact the config points at over anything trained here', () => {
    const file = join(dir, 'elsewhere.json');
    writeFileSync(file, JSON.stringify({ ...starter, asOf: '2026-06-01' }));
    const m = resolveModel(choice({ merchantTrust: file }, join(dir, 'trained')), 'merchant-trust', '2026-11-02');
    expect(m).toMatchObject({ source: 'configured', path: file });
  });

  it('refuses a configured artifact of the other model, naming the file and the fix', () => {
    const file = join(dir, 'elsewhere.json');
    expect(() => resolveModel(choice({ abuseRisk: file }), 'abuse-risk', '2026-11-02')).toThrow(
      `${file}: is a merchant-trust artifact, not abuse-risk; fix models.* in the config, or remove it to use models trained here`,
    );
  });

  it('fails with what to do when starters are turned off and nothing was trained', () => {
    const c = { ...choice(), useStarter: 'never' as const };
    expect(() => resolveModel(c, 'abuse-risk', '2026-11-02')).toThrow(
      `no abuse-risk model trained on or before 2026-11-02 in ${join(dir, 'none', 'abuse-risk')} (models.useStarter is never); run \`trustlens train --as-of 2026-11-02\` first, or point models.abuseRisk in the config at an artifact trained elsewhere`,
    );
  });
});
