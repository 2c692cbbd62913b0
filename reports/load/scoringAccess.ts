// Scores and explains one feature snapshot with a given model artifact, for week-over-week comparisons under one model.
import { Forest } from '../../models/forest/index.ts';
import type { ArtifactFile } from '../../models/registry/artifactFile.ts';
import { readArtifact } from '../../models/registry/artifactStore.ts';
import { predictCalibrated } from '../../models/score/predictCalibrated.ts';
import type { ModelName } from '../../models/artifactSchema.ts';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';
import type { WeekExplanation } from '../../models/explain/moveReasons.ts';

/** One feature snapshot of a spec as typed columns (NaN = unknown), ordered by id. */
export interface FeatureSnapshot {
  ids: string[];
  columns: Map<string, Float32Array>;
}

/**
 * What the report needs to score past weeks itself. The snapshot loader is the features stage's, handed in by the
 * report
 * handler (reports/ may not import pipelines/); without it (tests of pages alone) comparisons use the published scores.
 */
export interface ScoringAccess {
  artifactsDir: string;
  threads: number;
  loadFeatures: (spec: ModelSpec, asOf: string) => Promise<FeatureSnapshot>;
}

export interface LoadedModel {
  artifact: ArtifactFile;
  forest: Forest;
}

/** The artifact of `model` dated `date`, or the reason it cannot be used. */
export function loadModel(access: ScoringAccess, model: ModelName, date: string): LoadedModel | { problem: string } {
  try {
    const artifact = readArtifact(access.artifactsDir, model, date);
    return { artifact, forest: Forest.fromJSON(artifact.forest) };
  } catch (err) {
    return { problem: err instanceof Error ? err.message.split('\n')[0]! : String(err) };
  }
}

/** Calibrated probability per id of the snapshot at `asOf` under `m`. */
export async function scoreSnapshot(access: ScoringAccess, m: LoadedModel, asOf: string): Promise<Map<string, number>> {
  const snap = await access.loadFeatures(m.artifact.spec, asOf);
  if (snap.ids.length === 0) return new Map();
  const columns = m.artifact.spec.features.map((f) => snap.columns.get(f)!);
  const { probability } = await predictCalibrated(m.forest, m.artifact, columns, access.threads);
  return new Map(snap.ids.map((id, i) => [id, probability[i]!]));
}

/**
 * Values and TreeSHAP contributions of the given ids in the snapshot at `asOf` under `m` (ids missing from the snapshot
 * are left out).
 */
export async function explainSnapshot(
  access: ScoringAccess,
  m: LoadedModel,
  asOf: string,
  ids: readonly string[],
): Promise<Map<string, WeekExplanation>> {
  const snap = await access.loadFeatures(m.artifact.spec, asOf);
  const index = new Map(snap.ids.map((id, i) => [id, i]));
  const rows = ids.map((id) => index.get(id)).filter((i): i is number => i !== undefined);
  const out = new Map<string, WeekExplanation>();
  if (rows.length === 0) return out;
  const columns = m.artifact.spec.features.map((f) => snap.columns.get(f)!);
  const ex = await m.forest.explainRowsAsync(columns, rows, { threads: access.threads });
  const F = columns.length;
  rows.forEach((row, j) => {
    out.set(snap.ids[row]!, {
      values: columns.map((c) => c[row]!),
      contributions: ex.contributions.slice(j * F, (j + 1) * F),
    });
  });
  return out;
}
