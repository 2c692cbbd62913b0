// Labelled feature rows of several weekly snapshots, as typed columns: what fitModel trains and validates on.
export interface TrainingData {
  /** Snapshot dates, ascending; snapshotIndex points into it. */
  snapshots: string[];
  /** Entity id per row (buyer_id or merchant_id). */
  ids: string[];
  snapshotIndex: Int32Array;
  labels: Uint8Array;
  /** Every column the spec reads (features and baseline columns), NaN = missing. */
  columns: Map<string, Float32Array>;
}

/**
 * Rows whose snapshot is in `dates`. When they are one run of rows (loadTrainingData keeps each snapshot's rows
 * together, so the training weeks and the held-out weeks each are), the result's typed arrays are views of the
 * source's: read them, never write them. A copy of 12M training rows by 60 columns had cost seconds and 2.9 GB.
 * Otherwise a new TrainingData sharing nothing with the source.
 */
export function selectSnapshots(data: TrainingData, dates: readonly string[]): TrainingData {
  const wanted = new Set(dates.map((d) => data.snapshots.indexOf(d)).filter((i) => i >= 0));
  let start = -1;
  let end = -1;
  let count = 0;
  for (let i = 0; i < data.ids.length; i++) {
    if (!wanted.has(data.snapshotIndex[i]!)) continue;
    if (start === -1) start = i;
    end = i + 1;
    count += 1;
  }
  if (count === 0) return takeRows(data, []);
  if (end - start === count) {
    const columns = new Map<string, Float32Array>();
    for (const [name, col] of data.columns) columns.set(name, col.subarray(start, end));
    return {
      snapshots: data.snapshots,
      ids: data.ids.slice(start, end),
      snapshotIndex: data.snapshotIndex.subarray(start, end),
      labels: data.labels.subarray(start, end),
      columns,
    };
  }
  const rows: number[] = [];
  for (let i = start; i < end; i++) if (wanted.has(data.snapshotIndex[i]!)) rows.push(i);
  return takeRows(data, rows);
}

export function takeRows(data: TrainingData, rows: readonly number[]): TrainingData {
  // Plain loops: TypedArray.from with a map callback is several times slower, and this runs on every training row.
  const n = rows.length;
  const columns = new Map<string, Float32Array>();
  for (const [name, col] of data.columns) {
    const out = new Float32Array(n);
    for (let j = 0; j < n; j++) out[j] = col[rows[j]!]!;
    columns.set(name, out);
  }
  const snapshotIndex = new Int32Array(n);
  const labels = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    snapshotIndex[j] = data.snapshotIndex[rows[j]!]!;
    labels[j] = data.labels[rows[j]!]!;
  }
  return { snapshots: data.snapshots, ids: rows.map((i) => data.ids[i]!), snapshotIndex, labels, columns };
}

export function countPositives(labels: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < labels.length; i++) n += labels[i]!;
  return n;
}

/**
 * Deterministic per-row uniform in [0, 1) from (seed, snapshot, id): negative sampling that does not depend on row
 * order.
 */
export function rowUniform(seed: number, snapshot: string, id: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  const s = `${snapshot}|${id}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return (h >>> 0) / 4294967296;
}
