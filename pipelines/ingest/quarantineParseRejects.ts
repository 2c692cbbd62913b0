// Quarantines the records of a file that cannot be parsed at all (one row each, no column), and counts them as read.
import type { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { StageInput } from './stageFile.ts';

/** Runs `countSql`; if it finds any, `insertSql` with $batch, $table, $file and `params`. Returns the count. */
export async function quarantineParseRejects(
  wh: Warehouse,
  inp: StageInput,
  countSql: string,
  insertSql: string,
  params: Record<string, string>,
): Promise<number> {
  const n = Number(await wh.scalar(countSql));
  if (n > 0) await wh.run(insertSql, { batch: inp.batchId, table: inp.table, file: inp.display, ...params });
  return n;
}
