// A sha256 fingerprint of training data: snapshot dates, row keys, labels and feature values, in row order.
import { createHash } from 'node:crypto';

export interface FingerprintInput {
  featureNames: readonly string[];
  snapshots: readonly string[];
  ids: readonly string[];
  snapshotIndex: Int32Array;
  labels: Uint8Array;
  columns: readonly Float32Array[];
}

export function dataFingerprint(d: FingerprintInput): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ features: d.featureNames, snapshots: d.snapshots, rows: d.ids.length }));
  h.update(d.ids.join('\n'));
  h.update(Buffer.from(d.snapshotIndex.buffer, d.snapshotIndex.byteOffset, d.snapshotIndex.byteLength));
  h.update(Buffer.from(d.labels.buffer, d.labels.byteOffset, d.labels.byteLength));
  for (const c of d.columns) h.update(Buffer.from(c.buffer, c.byteOffset, c.byteLength));
  return `sha256:${h.digest('hex')}`;
}
