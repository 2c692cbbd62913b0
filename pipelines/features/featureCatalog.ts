// The feature catalogue: the validated feat_*.yml files that sit beside the features SQL, exposed to models, reports
// and the CLI.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { parseOrThrow } from '../../data/validation/parseOrThrow.ts';
import { UserError } from '../../data/validation/errors.ts';
import { catalogTableSchema, type CatalogColumn, type CatalogTable } from '../../data/catalog/catalogSchema.ts';

export const FEATURE_TABLES = ['feat_buyer', 'feat_merchant', 'buyer_groups', 'feat_request'] as const;
export type FeatureTableName = (typeof FEATURE_TABLES)[number];
export type FeatureCatalog = Record<FeatureTableName, CatalogTable>;

const FEATURES_SQL_DIR = fileURLToPath(new URL('./sql/features/', import.meta.url));

/** NULL convention shared by every table, printed with the catalogue. */
export const NULL_POLICY =
  'Counts and amounts are 0, never NULL. A value that is undefined (a rate with no denominator, a median or average of nothing) ' +
  'is NULL; models read it as NaN (missing). Each nullable column says when it is NULL.';

/** Parses and validates one catalogue file's text; every problem is reported at once. */
export function parseCatalogTable(text: string, fileName: string): CatalogTable {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (err) {
    throw new UserError(
      `${fileName}: not valid YAML (${err instanceof Error ? err.message.split('\n')[0] : String(err)}); fix the syntax`,
    );
  }
  const table = parseOrThrow(catalogTableSchema, raw, fileName);
  const expected = fileName.replace(/^.*\//, '').replace(/\.yml$/, '');
  if (table.table !== expected) {
    throw new UserError(`${fileName}: key table: got "${table.table}"; must match the file name ("${expected}")`);
  }
  return table;
}

let cached: FeatureCatalog | undefined;

/** The catalogue of every features table, read once from pipelines/features/sql/features/<table>.yml. */
export function featureCatalog(): FeatureCatalog {
  if (!cached) {
    const out: Partial<FeatureCatalog> = {};
    for (const t of FEATURE_TABLES) {
      const file = `${FEATURES_SQL_DIR}${t}.yml`;
      out[t] = parseCatalogTable(readFileSync(file, 'utf8'), file);
    }
    cached = out as FeatureCatalog;
  }
  return cached;
}

/** Columns of a table filtered by role and (merchant) component, in output order; what model specs select from. */
export function catalogColumns(
  table: FeatureTableName,
  filter: { role?: CatalogColumn['role']; component?: CatalogColumn['component'] } = {},
): CatalogColumn[] {
  return featureCatalog()[table].columns.filter(
    (c) =>
      (filter.role === undefined || c.role === filter.role) &&
      (filter.component === undefined || c.component === filter.component),
  );
}

/** Names of the model inputs (role: feature) of a table. */
export function featureNames(table: FeatureTableName): string[] {
  return catalogColumns(table, { role: 'feature' }).map((c) => c.name);
}
