// Builds the labelled training rows of a model: each snapshot's feature rows joined to labels known before the training
// date.
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { SERIOUS_ACTIONS } from '../../data/contracts/index.ts';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';
import type { TrainingData } from '../../models/train/trainingData.ts';
import { createKnownRowsMacros } from '../../data/warehouse/knownRows.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { loadFeatureColumns } from '../features/loadFeatureColumns.ts';

export interface LabelOptions {
  /** Training date: only labels known before it count. */
  asOf: string;
  horizonDays: number;
}

const LABEL_TABLE = 'train_labels';

const LABEL_FILES: Record<ModelSpec['entity'], string> = {
  buyer: 'lbl_buyer_abuse.sql',
  merchant: 'lbl_merchant_serious_action.sql',
  request: 'lbl_request_abuse.sql',
};

/** Snapshots must already be in the history table (ensureFeatureSnapshots). */
export async function loadTrainingData(
  wh: Warehouse,
  spec: ModelSpec,
  snapshots: readonly string[],
  o: LabelOptions,
): Promise<TrainingData> {
  const idParts: string[][] = [];
  const labelParts: Uint8Array[] = [];
  const parts: Map<string, Float32Array>[] = [];
  await createKnownRowsMacros(wh, o.asOf);
  const labelSql = readSql(new URL(`./sql/${LABEL_FILES[spec.entity]}`, import.meta.url));
  for (const snapshot of snapshots) {
    const params: Record<string, DuckDBValue> =
      spec.entity === 'merchant'
        ? { as_of: o.asOf, snapshot, horizon_days: o.horizonDays, serious_actions: listValue([...SERIOUS_ACTIONS]) }
        : { as_of: o.asOf, snapshot, horizon_days: o.horizonDays };
    await wh.run(
      `create or replace temp table ${LABEL_TABLE} as select *, true as is_positive from (${labelSql})`,
      params,
    );
    const rows = await loadFeatureColumns(wh, spec, snapshot, {
      join: LABEL_TABLE,
      extra: ['coalesce(l.is_positive, false) as label'],
    });
    idParts.push(rows.ids);
    labelParts.push(Uint8Array.from(rows.extra[0]!, (v) => (v ? 1 : 0)));
    parts.push(rows.columns);
  }
  await wh.run(`drop table if exists ${LABEL_TABLE}`);
  // Typed arrays filled snapshot by snapshot (a push a row into number arrays had cost seconds at 16M rows), each
  // snapshot's column let go once copied, so a column is not held twice over for long.
  const ids = ([] as string[]).concat(...idParts);
  const snapshotIndex = new Int32Array(ids.length);
  const labels = new Uint8Array(ids.length);
  let start = 0;
  for (const [s, part] of labelParts.entries()) {
    snapshotIndex.fill(s, start, start + part.length);
    labels.set(part, start);
    start += part.length;
  }
  const columns = new Map<string, Float32Array>();
  for (const name of parts[0]?.keys() ?? []) {
    const out = new Float32Array(ids.length);
    let at = 0;
    for (const p of parts) {
      out.set(p.get(name)!, at);
      at += p.get(name)!.length;
      p.delete(name);
    }
    columns.set(name, out);
  }
  return {
    snapshots: [...snapshots],
    ids,
    snapshotIndex,
    labels,
    columns,
  };
}
