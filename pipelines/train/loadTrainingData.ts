// Builds the labelled training rows of a model: each snapshot's feature rows joined to labels known before the training
// date.
import { listValue, type DuckDBValue } from '@duckdb/node-api';
import { SERIOUS_ACTIONS } from '../../data/contracts/index.ts';
import type { ModelSpec } from '../../models/specs/modelSpec.ts';
import type { TrainingData } from '../../models/train/trainingData.ts';
import { createKnownRowsMacros } from '../../data/warehouse/knownRows.ts';
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import { readFeatureSnapshot, snapshotRowCounts } from '../features/loadFeatureColumns.ts';
import { specColumns } from '../../models/specs/specCatalogue.ts';

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
  // Every snapshot's rows are counted first and read straight into one typed array a column: no copy a snapshot, no
  // concatenation (at 10M orders 16M rows by 60 columns, each copy gigabytes and seconds).
  const counts = await snapshotRowCounts(wh, spec, snapshots);
  const total = snapshots.reduce((n, d) => n + counts.get(d)!, 0);
  const names = specColumns(spec);
  const ids: string[] = [];
  const snapshotIndex = new Int32Array(total);
  const labels = new Uint8Array(total);
  const target = { ids, columns: names.map(() => new Float32Array(total)), flags: [labels], offset: 0 };
  await createKnownRowsMacros(wh, o.asOf);
  const labelSql = readSql(new URL(`./sql/${LABEL_FILES[spec.entity]}`, import.meta.url));
  for (const [s, snapshot] of snapshots.entries()) {
    const params: Record<string, DuckDBValue> =
      spec.entity === 'merchant'
        ? { as_of: o.asOf, snapshot, horizon_days: o.horizonDays, serious_actions: listValue([...SERIOUS_ACTIONS]) }
        : { as_of: o.asOf, snapshot, horizon_days: o.horizonDays };
    await wh.run(
      `create or replace temp table ${LABEL_TABLE} as select *, true as is_positive from (${labelSql})`,
      params,
    );
    const rows = counts.get(snapshot)!;
    snapshotIndex.fill(s, target.offset, target.offset + rows);
    // the label table holds each positive id once (grouped by id), so the join keeps the counted rows
    await readFeatureSnapshot(wh, spec, snapshot, target, rows, {
      join: LABEL_TABLE,
      flags: ['coalesce(l.is_positive, false)'],
    });
  }
  await wh.run(`drop table if exists ${LABEL_TABLE}`);
  const columns = new Map(names.map((name, c) => [name, target.columns[c]!]));
  return {
    snapshots: [...snapshots],
    ids,
    snapshotIndex,
    labels,
    columns,
  };
}
