// The starter merchant model's label: the synthetic marketplace's ground truth, a problem once it has begun.
import { join } from 'node:path';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { readSql } from '../../../data/warehouse/readSql.ts';
import type { ModelSpec } from '../../../models/specs/modelSpec.ts';
import type { TrainingData } from '../../../models/train/trainingData.ts';

/** Problem merchants of a generated folder and the date each problem began (YYYY-MM-DD). */
export async function problemMerchants(wh: Warehouse, generatedDir: string): Promise<Map<string, string>> {
  const rows = await wh.all<{ merchant_id: string; problem_since: string }>(
    readSql(new URL('./sql/truth_problem_merchants.sql', import.meta.url)),
    { file: join(generatedDir, 'truth', 'merchants.parquet') },
  );
  return new Map(rows.map((r) => [r.merchant_id, r.problem_since]));
}

/**
 * Serious actions are a late, noisy trace of a merchant's problems: they come weeks after a problem begins, once,
 * and are driven mostly by after-sales data many marketplaces cannot deliver. Fitted on them, the starter ranked
 * problem merchants below the 90-day mean rating alone on an orders-and-reviews export (0.71 against 0.83). On the
 * synthetic marketplace the truth is known, so the starter learns it: a merchant is positive at a snapshot once its
 * problem has begun. Its trust is then 100 × (1 − the probability of being a problem merchant), as its model card
 * states.
 */
export function withTruthLabels(spec: ModelSpec, data: TrainingData, problems: Map<string, string>): TrainingData {
  if (spec.entity !== 'merchant') return data;
  const labels = Uint8Array.from(data.ids, (id, i) => {
    const since = problems.get(id);
    return since !== undefined && since < data.snapshots[data.snapshotIndex[i]!]! ? 1 : 0;
  });
  return { ...data, labels };
}
