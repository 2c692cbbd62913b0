// Catalogue entries of a spec's columns (feature catalogue plus the spec's derived columns), checked to exist.
import type { CatalogColumn } from '../../data/catalog/catalogSchema.ts';
import type { ModelSpec } from './modelSpec.ts';

export interface CatalogueEntry {
  name: string;
  description: string;
  unit: CatalogColumn['unit'];
  window: CatalogColumn['window'];
  component?: CatalogColumn['component'];
  /** The info column naming, per row, the feature whose component this one takes (see the catalogue schema). */
  componentFrom?: string;
}

/** Every column a spec reads: its features, then baseline columns that are not features. */
export function specColumns(spec: ModelSpec): string[] {
  const cols = [...spec.features];
  for (const b of spec.baselines) for (const c of b.anyOf) if (!cols.includes(c.column)) cols.push(c.column);
  return cols;
}

/**
 * Entries for specColumns(spec), in that order, from the columns of the spec's feature table; throws naming every
 * column the catalogue lacks.
 */
export function specCatalogue(spec: ModelSpec, catalogue: readonly CatalogColumn[]): CatalogueEntry[] {
  const problems: string[] = [];
  const out: CatalogueEntry[] = [];
  for (const name of specColumns(spec)) {
    const derived = spec.derived.find((d) => d.name === name);
    const col = catalogue.find((c) => c.name === name);
    if (derived) {
      out.push({
        name,
        description: derived.description,
        unit: derived.unit,
        window: derived.window,
        ...(derived.component ? { component: derived.component } : {}),
      });
    } else if (!col) {
      problems.push(
        `"${name}" is not a column of ${spec.featureTable} (see pipelines/features/sql/features/${spec.featureTable}.yml)`,
      );
    } else if (col.role !== 'feature') {
      problems.push(`"${name}" has role ${col.role} in ${spec.featureTable}, not feature`);
    } else {
      out.push({
        name,
        description: col.description,
        unit: col.unit,
        window: col.window,
        ...(col.component ? { component: col.component } : {}),
        ...(col.component_from ? { componentFrom: col.component_from } : {}),
      });
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `model spec ${spec.name} (models/specs): ${problems.join('; ')}. Fix: correct the spec's features/baselines or add the column to the features.`,
    );
  }
  return out;
}
