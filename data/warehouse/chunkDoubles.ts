// Reads a DOUBLE column of a result chunk as one typed array, without a JavaScript value a row.
import duckdb from '@duckdb/node-bindings';
import type { DuckDBDataChunk } from '@duckdb/node-api';

/**
 * The column's doubles as DuckDB holds them. DuckDBVector.getItem checks validity through BigInt arithmetic a value,
 * which made reading a million buyers' sixty features cost seconds; here validity is checked once a chunk, and a NULL
 * (whose slot holds garbage) stops the read: select coalesce(x, 'NaN'::double) to send unknowns as NaN.
 */
export function chunkDoubles(chunk: DuckDBDataChunk, column: number): Float64Array {
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
  // any other type's bytes would read as garbage doubles
  if (duckdb.get_type_id(duckdb.vector_get_column_type(vector)) !== duckdb.Type.DOUBLE) {
    throw new Error(`chunkDoubles: column ${column} is not DOUBLE; cast it in the query`);
  }
  const n = chunk.rowCount;
  const words = Math.ceil(n / 64);
  const validity = duckdb.vector_get_validity(vector, words * 8);
  // no mask at all means every row is valid; a mask must have every one of the n bits set
  if (validity) {
    const bits = new Uint8Array(validity.buffer, validity.byteOffset, words * 8);
    for (let byte = 0; byte * 8 < n; byte++) {
      if (bits[byte] === 255) continue; // eight valid rows at once
      for (let row = byte * 8; row < Math.min(n, byte * 8 + 8); row++) {
        if (!(bits[byte]! & (1 << (row & 7)))) {
          throw new Error(`chunkDoubles: column ${column} has a NULL at row ${row}; select coalesce(x, 'NaN'::double)`);
        }
      }
    }
  }
  const bytes = duckdb.vector_get_data(vector, n * Float64Array.BYTES_PER_ELEMENT);
  return new Float64Array(bytes.buffer, bytes.byteOffset, n);
}
