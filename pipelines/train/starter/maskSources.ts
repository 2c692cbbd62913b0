// Copies of labelled rows with whole sources masked (NaN), so a starter model has learnt to score marketplaces that
// lack them.
import type { ModelSpec } from '../../../models/specs/modelSpec.ts';
import type { TrainingData } from '../../../models/train/trainingData.ts';
import type { OptionalTable } from '../../../data/contracts/index.ts';
import { columnsFromSources } from '../../features/featureSources.ts';

/**
 * The source sets masked per model, each as one extra copy of every row: alone, and together for the usual real case of
 * a marketplace with only orders and reviews. Investigations never feed merchant features, refunds are the buyer model.
 */
export const MASKED_SOURCES: Record<ModelSpec['entity'], readonly (readonly OptionalTable[])[]> = {
  buyer: [['investigations'], ['reviews']],
  merchant: [
    ['refund_requests'],
    ['reviews'],
    ['service_tickets'],
    ['merchant_actions'],
    ['refund_requests', 'service_tickets', 'merchant_actions'],
  ],
  request: [],
};

/** The rows, then one copy per masked source set with the columns computed from those sources set to NaN. */
export function withMaskedSources(spec: ModelSpec, data: TrainingData): TrainingData {
  const sets = MASKED_SOURCES[spec.entity];
  const n = data.ids.length;
  const copies = sets.length + 1;
  const columns = new Map<string, Float32Array>();
  for (const [name, col] of data.columns) {
    const out = new Float32Array(n * copies);
    for (let c = 0; c < copies; c++) out.set(col, c * n);
    columns.set(name, out);
  }
  sets.forEach((set, i) => {
    for (const name of columnsFromSources(spec.featureTable, set))
      columns.get(name)?.fill(NaN, (i + 1) * n, (i + 2) * n);
  });
  const ids: string[] = [...data.ids];
  for (const set of sets) for (const id of data.ids) ids.push(`${id}~without-${set.join('+')}`);
  const repeat = <T extends Int32Array | Uint8Array>(a: T, make: (len: number) => T): T => {
    const out = make(n * copies);
    for (let c = 0; c < copies; c++) out.set(a, c * n);
    return out;
  };
  return {
    snapshots: data.snapshots,
    ids,
    snapshotIndex: repeat(data.snapshotIndex, (len) => new Int32Array(len)),
    labels: repeat(data.labels, (len) => new Uint8Array(len)),
    columns,
  };
}
