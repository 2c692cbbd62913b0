// Shared helpers for the ingest tests: an in-memory warehouse, quarantine rows as plain objects, table checksums.
import { TABLE_NAMES } from '../../../data/contracts/index.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { quoteIdent } from '../../../data/warehouse/quoteIdent.ts';

export async function memoryWarehouse(): Promise<Warehouse> {
  return Warehouse.open({ path: ':memory:' });
}

export type QuarantineRow = {
  table_name: string;
  source_file: string;
  row_number: number;
  column_name: string | null;
  value: string | null;
  rule: string;
};

export async function quarantineRows(wh: Warehouse, batchId?: number): Promise<QuarantineRow[]> {
  const rows = await wh.all<QuarantineRow & { row_number: bigint }>(
    `select table_name, source_file, row_number, column_name, value, rule from quarantine
     where $batch is null or batch_id = $batch order by all`,
    { batch: batchId ?? null },
  );
  return rows.map((r) => ({ ...r, row_number: Number(r.row_number) }));
}

/** Row count and an order-independent content hash of every warehouse table (contract and bookkeeping). */
export async function checksums(wh: Warehouse): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = [...TABLE_NAMES, 'quarantine', 'load_batches', 'load_batch_tables', 'load_files'];
  for (const t of tables) {
    if (!(await wh.tableExists(t))) continue;
    const [r] = await wh.all<{ n: bigint; h: bigint | null }>(
      `select count(*) as n, sum(hash(x)::HUGEINT) as h from ${quoteIdent(t)} x`,
    );
    out[t] = `${r!.n}:${r!.h}`;
  }
  return out;
}
