// Raw binary hand-off of a bench dataset to child processes: Float32 columns back to back, then Uint8 labels.
import { readFileSync, writeFileSync } from 'node:fs';
import type { BenchData } from './dataset.ts';

export function writeBenchFile(path: string, data: BenchData): void {
  const n = data.labels.length;
  const bytes = new Uint8Array(data.columns.length * n * 4 + n);
  const floats = new Float32Array(bytes.buffer, 0, data.columns.length * n);
  data.columns.forEach((c, f) => floats.set(c, f * n));
  bytes.set(data.labels, data.columns.length * n * 4);
  writeFileSync(path, bytes);
}

export function readBenchFile(path: string, nRows: number, nFeatures: number): BenchData {
  const file = readFileSync(path);
  // Shared memory, as scikit-learn's threads share its arrays: prediction workers then read the rows in place.
  const bytes = new Uint8Array(new SharedArrayBuffer(file.byteLength));
  bytes.set(file);
  const columns = Array.from({ length: nFeatures }, (_, f) => new Float32Array(bytes.buffer, f * nRows * 4, nRows));
  const labels = bytes.subarray(nFeatures * nRows * 4, nFeatures * nRows * 4 + nRows);
  return { columns, labels };
}

/** What each contender's child process prints as its last stdout line (JSON). */
export interface ContenderResult {
  contender: string;
  trees: number;
  trainSeconds: number;
  predictRowsPerSecond: number;
  holdoutAuc: number;
  peakRssMB: number;
  modelMB: number;
  note?: string;
}
