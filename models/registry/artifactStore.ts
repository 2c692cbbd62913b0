// Reads and writes artifacts as <artifactsDir>/<model>/<date>.json with a latest.json pointer to the newest date.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../data/validation/errors.ts';
import { parseOrThrow } from '../../data/validation/parseOrThrow.ts';
import type { ModelName } from '../artifactSchema.ts';
import { artifactFileSchema, type ArtifactFile } from './artifactFile.ts';

const DATE_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

export function artifactPath(dir: string, model: ModelName, date: string): string {
  return join(dir, model, `${date}.json`);
}

/** Dates with an artifact, ascending. */
export function artifactDates(dir: string, model: ModelName): string[] {
  const folder = join(dir, model);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .map((f) => DATE_FILE.exec(f)?.[1])
    .filter((d): d is string => d !== undefined)
    .sort();
}

/** Writes the artifact (atomically: temp file then rename) and repoints latest.json to the newest date on disk. */
export function writeArtifact(dir: string, artifact: ArtifactFile): string {
  const folder = join(dir, artifact.model);
  mkdirSync(folder, { recursive: true });
  const path = artifactPath(dir, artifact.model, artifact.asOf);
  writeFileSync(`${path}.tmp`, JSON.stringify(artifact) + '\n');
  renameSync(`${path}.tmp`, path);
  const newest = artifactDates(dir, artifact.model).at(-1)!;
  writeFileSync(`${join(folder, 'latest.json')}.tmp`, JSON.stringify({ date: newest }) + '\n');
  renameSync(`${join(folder, 'latest.json')}.tmp`, join(folder, 'latest.json'));
  return path;
}

export function readArtifact(dir: string, model: ModelName, date: string): ArtifactFile {
  const path = artifactPath(dir, model, date);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UserError(
      `${path}: cannot read the ${model} artifact (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); run \`trustlens train --as-of ${date}\``,
    );
  }
  return parseOrThrow(artifactFileSchema, raw, path);
}

/** The newest artifact trained as of `asOf` or earlier: scoring a date never uses a model that saw later labels. */
export function readArtifactFor(dir: string, model: ModelName, asOf: string): ArtifactFile {
  const date = artifactDates(dir, model)
    .filter((d) => d <= asOf)
    .at(-1);
  if (date === undefined) {
    throw new UserError(
      `no ${model} model trained on or before ${asOf} in ${join(dir, model)}; run \`trustlens train --as-of ${asOf}\` first`,
    );
  }
  return readArtifact(dir, model, date);
}
