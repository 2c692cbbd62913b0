// Browser loader for a trustlens export folder copied beside the built notebooks (data/): manifest first, then Parquet
// via hyparquet.
import { parquetReadObjects } from 'hyparquet';
import type { ExportManifest } from '../../pipelines/export/exportManifest.ts';

export type Row = Record<string, unknown>;

/** The manifest as `trustlens export` writes it (type only: zod stays out of the browser bundle). */
export type Manifest = ExportManifest;

export interface CatalogColumn {
  name: string;
  description: string;
  unit: string;
  window: string;
  role: string;
  component: string | null;
}

export type Catalog = Record<string, { description: string; columns: CatalogColumn[] }>;

/** The export folder, relative to the notebook page (the build copies it there). */
export const DATA_DIR = 'data/';

function dataUrl(file: string): string {
  return new URL(DATA_DIR + file, document.baseURI).href;
}

async function fetchOk(file: string): Promise<Response> {
  const response = await fetch(dataUrl(file));
  if (!response.ok)
    throw new Error(`${DATA_DIR}${file}: HTTP ${response.status}; rebuild the notebooks with \`npm run notebooks\``);
  return response;
}

export async function loadManifest(): Promise<Manifest> {
  return (await (await fetchOk('manifest.json')).json()) as Manifest;
}

/** Rows of one dataset, or null when the export skipped it (the notebook then says which stage to run). */
export async function loadDataset(manifest: Manifest, name: string): Promise<Row[] | null> {
  const entry = manifest.files.find((f) => f.name === name);
  if (!entry) return null;
  const file = await (await fetchOk(entry.file)).arrayBuffer();
  return (await parquetReadObjects({ file })) as Row[];
}

export async function loadCatalog(manifest: Manifest): Promise<Catalog | null> {
  if (!manifest.catalog) return null;
  return (await (await fetchOk(manifest.catalog)).json()) as Catalog;
}

/** Why a dataset is missing, in the export's own words. */
export function skippedReason(manifest: Manifest, name: string): string {
  const skipped = manifest.skipped.find((s) => s.name === name);
  return skipped ? skipped.reason : `${name} is not in this export; re-run \`trustlens export\``;
}
