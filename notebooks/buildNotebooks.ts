// Builds the analyst notebooks to static HTML with Notebook Kit and Vite, offline, and copies an export folder beside
// them as data/.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Alias, type AliasOptions } from 'vite';
import { config as notebookConfig, observable } from '@observablehq/notebook-kit/vite';
import { UserError } from '../data/validation/errors.ts';
import { parseOrThrow } from '../data/validation/parseOrThrow.ts';
import { exportManifestSchema, type ExportManifest } from '../pipelines/export/exportManifest.ts';
import { localLibraries } from './localLibraries.ts';

export const NOTEBOOKS = ['explore-features.html', 'investigate-buyer.html', 'policy-what-if.html'] as const;

export const NOTEBOOKS_DIR = fileURLToPath(new URL('./', import.meta.url));
export const DEFAULT_OUT_DIR = join(NOTEBOOKS_DIR, 'dist');

export interface BuildOptions {
  /** An export folder holding manifest.json (from `trustlens export`). */
  dataDir: string;
  outDir?: string;
  minify?: boolean;
}

/** Reads and validates an export's manifest.json and checks every file it lists is there. */
export function readExportManifest(dataDir: string): ExportManifest {
  const file = join(dataDir, 'manifest.json');
  if (!existsSync(file)) {
    throw new UserError(
      `${file} not found: --data must be a folder written by \`trustlens export\` (it holds manifest.json)`,
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UserError(`${file}: not valid JSON (${(err as Error).message}); re-run \`trustlens export\``);
  }
  const manifest = parseOrThrow(exportManifestSchema, raw, file);
  const missing = [...manifest.files.map((f) => f.file), ...(manifest.catalog ? [manifest.catalog] : [])].filter(
    (f) => !existsSync(join(dataDir, f)),
  );
  if (missing.length) {
    throw new UserError(
      `${file} lists ${missing.join(', ')} but ${missing.length > 1 ? 'they are' : 'it is'} not in ${dataDir}; re-run \`trustlens export\``,
    );
  }
  return manifest;
}

/** The newest <reportsDir>/<date>/data folder holding a manifest, or null. */
export function findLatestExport(reportsDir: string): string | null {
  if (!existsSync(reportsDir)) return null;
  const dates = readdirSync(reportsDir)
    .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && existsSync(join(reportsDir, d, 'data', 'manifest.json')))
    .sort();
  const latest = dates.at(-1);
  return latest ? join(reportsDir, latest, 'data') : null;
}

/** The kit's aliases as an array (Vite also accepts a record). */
function kitAliases(alias: AliasOptions | undefined): Alias[] {
  if (!alias) return [];
  return Array.isArray(alias)
    ? (alias as Alias[])
    : Object.entries(alias).map(([find, replacement]) => ({ find, replacement: String(replacement) }));
}

export async function buildNotebooks(
  options: BuildOptions,
): Promise<{ outDir: string; manifest: ExportManifest; pages: string[] }> {
  const dataDir = resolve(options.dataDir);
  const outDir = resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const manifest = readExportManifest(dataDir);
  const kit = notebookConfig();
  await build({
    ...kit,
    // The kit maps npm: and jsr: imports to CDNs; drop those so localLibraries() rejects them at build time instead.
    resolve: { alias: kitAliases(kit.resolve?.alias).filter((a) => String(a.find).includes('observable')) },
    configFile: false,
    envDir: false,
    logLevel: 'warn',
    root: NOTEBOOKS_DIR,
    base: './',
    publicDir: false,
    plugins: [localLibraries(), observable({ template: join(NOTEBOOKS_DIR, 'template.html') })],
    build: {
      outDir,
      emptyOutDir: true,
      minify: options.minify ?? true,
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: NOTEBOOKS.map((n) => join(NOTEBOOKS_DIR, n)) },
    },
  });
  const target = join(outDir, 'data');
  mkdirSync(target, { recursive: true });
  for (const f of [
    'manifest.json',
    ...manifest.files.map((x) => x.file),
    ...(manifest.catalog ? [manifest.catalog] : []),
  ]) {
    copyFileSync(join(dataDir, f), join(target, f));
  }
  return { outDir, manifest, pages: NOTEBOOKS.map((n) => join(outDir, n)) };
}
