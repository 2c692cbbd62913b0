// Finds the newest model artifact on or before the as-of date and validates its summary fields (the forest itself is
// ignored).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { artifactSummarySchema, type ModelName } from '../../models/artifactSchema.ts';
import { describeIssues } from '../../data/validation/parseOrThrow.ts';
import type { ArtifactState } from '../reportData.ts';

export function loadArtifact(artifactsDir: string, model: ModelName, asOf: string): ArtifactState {
  const dir = join(artifactsDir, model);
  const dates = existsSync(dir)
    ? readdirSync(dir)
        .map((f) => /^(\d{4}-\d{2}-\d{2})\.json$/.exec(f)?.[1])
        .filter((d): d is string => d !== undefined && d <= asOf)
        .sort()
    : [];
  const date = dates.at(-1);
  if (!date) return { status: 'missing', dir };
  return loadArtifactFile(join(dir, `${date}.json`));
}

/** One artifact file's summary fields (a starter or configured model the week was scored with). */
export function loadArtifactFile(file: string): ArtifactState {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return {
      status: 'invalid',
      file,
      problems: [`not valid JSON (${err instanceof Error ? err.message.split('\n')[0] : String(err)})`],
    };
  }
  // Unknown keys (the forest, future fields) are stripped: the card reads only the documented summary.
  const parsed = artifactSummarySchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { status: 'invalid', file, problems: describeIssues(parsed.error.issues) };
  return { status: 'ok', file, summary: parsed.data };
}
