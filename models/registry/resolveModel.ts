// Which artifact scores a date: one configured (trained elsewhere), else the newest trained here on or before it, else
// the shipped starter.
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TrustlensConfig } from '../../data/config/configSchema.ts';
import { UserError } from '../../data/validation/errors.ts';
import { parseOrThrow } from '../../data/validation/parseOrThrow.ts';
import type { ModelName } from '../artifactSchema.ts';
import { artifactDates, artifactPath } from './artifactStore.ts';
import { artifactFileSchema, type ArtifactFile } from './artifactFile.ts';

/**
 * trained: on this warehouse's labels; configured: a file config points at; starter: shipped, trained on the synthetic
 * marketplace.
 */
export const MODEL_SOURCES = ['trained', 'configured', 'starter'] as const;
export type ModelSource = (typeof MODEL_SOURCES)[number];

export interface ModelChoice {
  artifactsDir: string;
  /** Folder of the shipped starter models: <starterDir>/<model>/artifact.json. */
  starterDir: string;
  /** 'auto': the starter scores when no model was trained here on or before the date; 'never': that is an error. */
  useStarter: 'auto' | 'never';
  /** Artifact files trained elsewhere, per model, used instead of anything trained here. */
  configured: Partial<Record<ModelName, string>>;
}

export interface ResolvedModel {
  artifact: ArtifactFile;
  source: ModelSource;
  path: string;
}

const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The starter models shipped with trustlens, found wherever trustlens is run from (config models.starterDir overrides).
 */
export const SHIPPED_STARTER_DIR = join(PACKAGE_ROOT, 'models', 'starter');

/**
 * A file inside the trustlens package as a package-relative path, so outputs do not depend on where it is installed.
 */
function packagePath(path: string): string {
  const rel = relative(PACKAGE_ROOT, path);
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

export function starterArtifactPath(starterDir: string, model: ModelName): string {
  return join(starterDir, model, 'artifact.json');
}

function readArtifactFile(path: string, model: ModelName, fix: string): ArtifactFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UserError(
      `${path}: cannot read the ${model} artifact (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); ${fix}`,
    );
  }
  const artifact = parseOrThrow(artifactFileSchema, raw, path);
  if (artifact.model !== model) throw new UserError(`${path}: is a ${artifact.model} artifact, not ${model}; ${fix}`);
  return artifact;
}

/** The model that scores `asOf`, and where it came from. */
export function resolveModel(choice: ModelChoice, model: ModelName, asOf: string): ResolvedModel {
  const configured = choice.configured[model];
  if (configured !== undefined) {
    return {
      artifact: readArtifactFile(
        configured,
        model,
        'fix models.* in the config, or remove it to use models trained here',
      ),
      source: 'configured',
      path: configured,
    };
  }
  const date = artifactDates(choice.artifactsDir, model)
    .filter((d) => d <= asOf)
    .at(-1);
  if (date !== undefined) {
    const path = artifactPath(choice.artifactsDir, model, date);
    return {
      artifact: readArtifactFile(path, model, `run \`trustlens train --as-of ${date}\` again`),
      source: 'trained',
      path,
    };
  }
  const starter = starterArtifactPath(choice.starterDir, model);
  if (choice.useStarter === 'auto' && existsSync(starter)) {
    return {
      artifact: readArtifactFile(
        starter,
        model,
        'restore it from the repository (git checkout models/starter) or rebuild it with `npm run starter-models`',
      ),
      source: 'starter',
      path: packagePath(starter),
    };
  }
  throw new UserError(
    `no ${model} model trained on or before ${asOf} in ${join(choice.artifactsDir, model)}` +
      (choice.useStarter === 'auto' ? ` and no starter model at ${starter}` : ' (models.useStarter is never)') +
      `; run \`trustlens train --as-of ${asOf}\` first, or point models.${model === 'abuse-risk' ? 'abuseRisk' : 'merchantTrust'} in the config at an artifact trained elsewhere`,
  );
}

/** The model choice a config makes (config models.*). */
export function modelChoice(config: TrustlensConfig): ModelChoice {
  const configured: Partial<Record<ModelName, string>> = {};
  if (config.models.abuseRisk !== undefined) configured['abuse-risk'] = config.models.abuseRisk;
  if (config.models.merchantTrust !== undefined) configured['merchant-trust'] = config.models.merchantTrust;
  return {
    artifactsDir: config.artifactsDir,
    starterDir: config.models.starterDir ?? SHIPPED_STARTER_DIR,
    useStarter: config.models.useStarter,
    configured,
  };
}
