// Normalises feature input (Float32Array per feature, or an apache-arrow Table) to Float32 columns with NaN for
// missing.
import type { Table } from 'apache-arrow';

/** Feature matrix as one Float32Array per feature (NaN = missing), or an apache-arrow Table of numeric columns. */
export type FeatureInput = readonly Float32Array[] | Table;

export interface FeatureColumns {
  columns: Float32Array[];
  names: string[] | undefined;
  nRows: number;
}

/** Arrow numeric/boolean columns become Float32 with nulls as NaN; typed columns pass through uncopied. */
export function toFeatureColumns(input: FeatureInput): FeatureColumns {
  if (Array.isArray(input)) {
    const columns = input as Float32Array[];
    if (columns.length === 0)
      throw new Error('Forest input: no feature columns given. Fix: pass at least one Float32Array.');
    const nRows = columns[0]!.length;
    columns.forEach((c, i) => {
      if (!(c instanceof Float32Array)) {
        throw new Error(
          `Forest input: column ${i} is ${Object.prototype.toString.call(c)}; must be a Float32Array (NaN = missing). Fix: Float32Array.from(values).`,
        );
      }
      if (c.length !== nRows) {
        throw new Error(
          `Forest input: column ${i} has ${c.length} rows but column 0 has ${nRows}. Fix: give every column the same length.`,
        );
      }
    });
    return { columns, names: undefined, nRows };
  }
  const table = input as Table;
  const names: string[] = [];
  const columns: Float32Array[] = [];
  for (let f = 0; f < table.numCols; f++) {
    const field = table.schema.fields[f]!;
    const vector = table.getChildAt(f)!;
    names.push(field.name);
    const out = new Float32Array(table.numRows);
    let at = 0;
    for (const data of vector.data) {
      const values: unknown = data.values;
      const fast =
        (values instanceof Float32Array ||
          values instanceof Float64Array ||
          values instanceof Int32Array ||
          values instanceof Int16Array ||
          values instanceof Int8Array ||
          values instanceof Uint8Array ||
          values instanceof Uint16Array ||
          values instanceof Uint32Array) &&
        data.typeId !== 6; /* Bool is bit-packed */
      if (fast && data.nullCount === 0) {
        const typed = values as Float64Array;
        for (let i = 0; i < data.length; i++) out[at + i] = typed[data.offset + i]!;
      } else {
        const chunk = vector.data.length === 1 ? vector : null;
        for (let i = 0; i < data.length; i++) {
          const v: unknown = chunk ? chunk.get(i) : vector.get(at + i);
          out[at + i] = v === null || v === undefined ? NaN : typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
        }
      }
      at += data.length;
    }
    columns.push(out);
  }
  if (columns.length === 0)
    throw new Error('Forest input: the Arrow table has no columns. Fix: select the feature columns.');
  return { columns, names, nRows: table.numRows };
}
