// The layered SQL models of the features build (staging → intermediate → features), ordered from the files themselves:
// every model comes after the models its SQL reads.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FEATURE_TABLES, type FeatureTableName } from './featureCatalog.ts';
import { COMPONENT_FILES, COMPONENT_SEARCH, COMPONENT_TABLES } from './groupLinkedAccounts.ts';
import { REQUEST_MODELS } from './requestSources.ts';

/** feat_request has its own weekly build (buildRequestFeatures); its files are not part of the snapshot build. */
const SEPARATE_FILES: readonly string[] = REQUEST_MODELS.map((m) => m.file);
type SnapshotTable = Exclude<FeatureTableName, 'feat_request'>;
const SNAPSHOT_TABLES = FEATURE_TABLES.filter((t): t is SnapshotTable => t !== 'feat_request');

const SQL_DIR = fileURLToPath(new URL('./sql/', import.meta.url));
const LAYERS = ['staging', 'intermediate', 'features'] as const;
type Layer = (typeof LAYERS)[number];

/** A staging model `stg_<source>` with a sibling `stg_<source>__empty.sql` reads a source a later stage writes. */
const EMPTY_SUFFIX = '__empty';
/** Names a build model may have; a reference with one of these prefixes that no file builds is a mistake. */
const MODEL_PREFIXES = ['stg_', 'int_', 'build_'];

interface ModelBase {
  /** Temp table the model builds. */
  name: string;
  /** Path under pipelines/features/sql/ (for the component search, its first file). */
  file: string;
  layer: Layer;
  /** Other models of the build the SQL reads (from / join). */
  references: readonly string[];
}

export interface SqlModel extends ModelBase {
  kind: 'sql';
  /** A source table that may be absent (written by a later stage); then `fallback` is used instead. */
  optionalSource?: { table: string; fallback: string };
}

/** The linked-account component search (groupLinkedAccounts): several files run in rounds, building one table. */
export interface ComponentSearchModel extends ModelBase {
  kind: 'components';
}

export type BuildModel = SqlModel | ComponentSearchModel;

/** How each features table is published: its build table, whether it replaces a current table, its history. */
export interface PublishedFeature {
  table: FeatureTableName;
  build: string;
  /** Replaced on every build unless the caller asks for history only. */
  current: boolean;
  history: string;
}

const buildName = (table: string) => `build_${table}`;

const PUBLISHING: Record<SnapshotTable, Pick<PublishedFeature, 'current' | 'history'>> = {
  feat_buyer: { current: true, history: 'feat_buyer_history' },
  feat_merchant: { current: true, history: 'feat_merchant_history' },
  // groups carry their as_of and accumulate, so the risk queue of any week can list its linked accounts
  buyer_groups: { current: false, history: 'buyer_groups' },
};

export const PUBLISHED_FEATURES: readonly PublishedFeature[] = SNAPSHOT_TABLES.map((table) => ({
  table,
  build: buildName(table),
  ...PUBLISHING[table],
}));

/** Table names a query reads after `from` or `join` (comments and string literals ignored), lower-cased, each once. */
export function sqlReferences(sql: string): string[] {
  const code = sql
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/'(?:[^']|'')*'/g, "''");
  return [
    ...new Set(
      [...code.matchAll(/\b(?:from|join)\s+"?([a-z_][a-z0-9_]*)"?/gi)].map((m) => (m[1] as string).toLowerCase()),
    ),
  ];
}

/** The cycle among models none of which can be built, as a path that returns to its start. */
function findCycle<M extends Pick<ModelBase, 'name' | 'references'>>(stuck: readonly M[]): M[] {
  const byName = new Map(stuck.map((m) => [m.name, m]));
  const path: M[] = [];
  const at = new Map<string, number>();
  let m = stuck[0] as M;
  while (!at.has(m.name)) {
    at.set(m.name, path.length);
    path.push(m);
    // every stuck model waits for at least one other stuck model
    m = byName.get(m.references.find((r) => byName.has(r)) as string) as M;
  }
  return [...path.slice(at.get(m.name)), m];
}

/**
 * Orders models so each comes after every model it references (references to names not among `models` are sources).
 * Among models ready at the same time the input order decides, so the order is stable. A cycle is an error naming it.
 */
export function orderModels<M extends Pick<ModelBase, 'name' | 'file' | 'references'>>(models: readonly M[]): M[] {
  const names = new Set(models.map((m) => m.name));
  const built = new Set<string>();
  const pending = [...models];
  const order: M[] = [];
  while (pending.length) {
    const i = pending.findIndex((m) => m.references.every((r) => built.has(r) || !names.has(r)));
    if (i < 0) {
      const cycle = findCycle(pending);
      throw new Error(
        `features SQL models read each other in a cycle: ${cycle.map((m) => m.name).join(' → ')} ` +
          `(${cycle
            .slice(0, -1)
            .map((m) => m.file)
            .join(', ')} under pipelines/features/sql/); ` +
          'a model can only read models built before it: remove one of these references',
      );
    }
    const [m] = pending.splice(i, 1) as [M];
    order.push(m);
    built.add(m.name);
  }
  return order;
}

function sqlFiles(layer: Layer): string[] {
  return readdirSync(`${SQL_DIR}${layer}`)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => `${layer}/${f}`);
}

const baseName = (file: string) => file.replace(/^.*\//, '').replace(/\.sql$/, '');

/** Every model under pipelines/features/sql/{staging,intermediate,features}, in layer then file-name order. */
function discoverModels(): BuildModel[] {
  const read = (file: string) => sqlReferences(readFileSync(`${SQL_DIR}${file}`, 'utf8'));
  const models: BuildModel[] = [];
  for (const layer of LAYERS) {
    const files = sqlFiles(layer);
    for (const file of files) {
      const base = baseName(file);
      if (base.endsWith(EMPTY_SUFFIX) || COMPONENT_FILES.includes(file) || SEPARATE_FILES.includes(file)) continue;
      const name = layer === 'features' ? buildName(base) : base;
      const fallback = `${layer}/${base}${EMPTY_SUFFIX}.sql`;
      const model: SqlModel = { kind: 'sql', name, file, layer, references: read(file) };
      if (files.includes(fallback)) model.optionalSource = { table: base.replace(/^stg_/, ''), fallback };
      models.push(model);
    }
    if (layer === 'intermediate') {
      const references = COMPONENT_FILES.flatMap(read);
      models.push({
        kind: 'components',
        name: COMPONENT_SEARCH.components,
        file: COMPONENT_FILES[0] as string,
        layer,
        references,
      });
    }
  }
  checkModels(models);
  // keep only references to other models: the rest are source tables and CTEs
  const names = new Set(models.map((m) => m.name));
  const internal = new Set<string>(COMPONENT_TABLES);
  return models.map((m) => ({
    ...m,
    references: [...new Set(m.references)].filter((r) => names.has(r) && !(m.kind === 'components' && internal.has(r))),
  }));
}

/** Every reference to a would-be model names one, and the features layer builds exactly the published tables. */
function checkModels(models: readonly BuildModel[]): void {
  const known = new Set([...models.map((m) => m.name), ...COMPONENT_TABLES]);
  for (const m of models) {
    const unknown = m.references.find((r) => MODEL_PREFIXES.some((p) => r.startsWith(p)) && !known.has(r));
    if (unknown !== undefined) {
      const where = m.kind === 'components' ? COMPONENT_FILES.join(' or ') : m.file;
      throw new Error(
        `pipelines/features/sql/${where} reads ${unknown}, which no file under pipelines/features/sql/ builds; fix the name or add the model`,
      );
    }
  }
  const built = models
    .filter((m) => m.layer === 'features')
    .map((m) => m.name)
    .sort();
  const published = SNAPSHOT_TABLES.map(buildName).sort();
  if (built.join() !== published.join()) {
    throw new Error(
      `pipelines/features/sql/features/ builds ${built.join(', ')} but the published tables are ${published.join(', ')}; keep them in step`,
    );
  }
}

let cached: readonly BuildModel[] | undefined;

/** The build order of the features stage, read from the SQL files once per process. */
export function featureBuildOrder(): readonly BuildModel[] {
  cached ??= orderModels(discoverModels());
  return cached;
}

/**
 * For each model, the models no later model reads once it is built (the features tables stay for the checks and the
 * publish): dropping them then keeps a 10M-order build within its memory limit instead of spilling its largest
 * intermediates.
 */
export function releasedAfter(order: readonly BuildModel[]): Map<string, string[]> {
  const lastReader = new Map<string, string>();
  for (const m of order) {
    lastReader.set(m.name, m.name);
    for (const r of m.references) lastReader.set(r, m.name);
  }
  const released = new Map<string, string[]>();
  for (const m of order) {
    if (m.layer === 'features') continue;
    const after = lastReader.get(m.name) as string;
    released.set(after, [...(released.get(after) ?? []), m.name]);
  }
  return released;
}

/** Every temp table a features build creates, for cleaning up. */
export function featureTempTables(): string[] {
  return [...new Set([...featureBuildOrder().map((m) => m.name), ...COMPONENT_TABLES])];
}
