// Which models scored the week (score_model_history), for the starter-model notice and the model card; undefined before
// it existed.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { readSql } from '../../data/warehouse/readSql.ts';
import type { ScoredModel } from '../html/modelNotice.ts';

export async function loadScoredBy(wh: Warehouse, asOf: string): Promise<ScoredModel[] | undefined> {
  if (!(await wh.tableExists('score_model_history'))) return undefined;
  const rows = await wh.all<{ model: string; source: string; model_date: string; artifact: string }>(
    readSql(new URL('../sql/report_score_models.sql', import.meta.url)),
    { as_of: asOf },
  );
  return rows.length
    ? rows.map((r) => ({ model: r.model, source: r.source, modelDate: r.model_date, artifact: r.artifact }))
    : undefined;
}
