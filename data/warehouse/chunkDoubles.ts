// Reads a DOUBLE column of a result chunk as one typed array, without a JavaScript value a row.
import duckdb from '@duckdb/node-bindings';
import type { DuckDBDataChunk } from '@duckdb/node-api';

/**
 * The column's doubles as DuckDB holds them (a NULL reads as whatever its slot holds: select coalesce(x, 'NaN') so
 * none arrives). DuckDBVector.getItem checks validity through BigInt arithmetic a value, which made reading a
 * million buyers' sixty features cost seconds.
 */
export function chunkDoubles(chunk: DuckDBDataChunk, column: number): Float64Array {
  const vector = duckdb.data_chunk_get_vector(chunk.chunk, column);
  const n = chunk.rowCount;
  const bytes = duckdb.vector_get_data(vector, n * Float64Array.BYTES_PER_ELEMENT);
  return new Float64Array(bytes.buffer, bytes.byteOffset, n);
}
