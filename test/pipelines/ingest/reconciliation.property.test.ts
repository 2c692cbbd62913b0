// Property: for any mix of good, bad, repeated and changed rows over two batches, rows read = rows loaded + rows
// quarantined, per table,
// and the counts agree with the quarantine table and the rows actually in the warehouse.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../../data/contracts/index.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { goodRows, tempDir, writeTables, type Cell, type Rows } from './fixtures.ts';
import { memoryWarehouse } from './ingestHelpers.ts';
import { tried } from '../../support/badInputs.ts';

type Row = Record<string, Cell>;
const base = goodRows();

/** Variants of an order or refund keyed by a small id space, so duplicates and conflicts happen often. */
const orderArb = fc.record({
  id: fc.integer({ min: 1, max: 6 }),
  variant: fc.constantFrom(
    'good',
    'good',
    'missing',
    'badTs',
    'negative',
    'badEnum',
    'unknownBuyer',
    'changed',
    'deliveredLater',
  ),
});
const refundArb = fc.record({
  id: fc.integer({ min: 1, max: 4 }),
  order: fc.integer({ min: 1, max: 7 }),
  variant: fc.constantFrom('good', 'good', 'badKind', 'badBool', 'cents'),
});

function orderRow(o: { id: number; variant: string }): Row {
  const r: Row = { ...base.orders[0]!, order_id: `o${o.id}` };
  if (o.variant === 'missing') r.created_at = null;
  if (o.variant === 'badTs') r.delivered_at = '2026-13-01';
  if (o.variant === 'negative') r.amount = '-3';
  if (o.variant === 'badEnum') r.category = 'toys';
  if (o.variant === 'unknownBuyer') r.buyer_id = 'ghost';
  if (o.variant === 'changed') r.amount = '77.00';
  if (o.variant === 'deliveredLater') r.delivered_at = '2026-03-04T09:00:00Z';
  return r;
}

function refundRow(x: { id: number; order: number; variant: string }): Row {
  const r: Row = { ...base.refund_requests[0]!, request_id: `r${x.id}`, order_id: `o${x.order}` };
  if (x.variant === 'badKind') r.kind = 'refund';
  if (x.variant === 'badBool') r.escalated = 'sometimes';
  if (x.variant === 'cents') r.amount = '0.001';
  return r;
}

async function checkBatch(wh: Warehouse, rows: Rows, before: Record<string, number>): Promise<void> {
  const result = await ingestInto(wh, { from: writeTables(tempDir('prop'), rows) });
  // Every file byte-identical to one already loaded: nothing new, nothing to reconcile.
  if (!result) return;
  for (const t of result!.tables) {
    expect(t.read).toBe(t.loaded + t.quarantined);
    expect(t.loaded).toBe(t.inserted + t.updated + t.duplicate);
    expect(t.read).toBe(rows[t.table]!.length);
    const q = await wh.scalar<bigint>(
      'select count(distinct (source_file, row_number)) from quarantine where batch_id = $b and table_name = $t',
      { b: result!.batchId, t: t.table },
    );
    expect(Number(q)).toBe(t.quarantined);
    const n = Number(await wh.scalar<bigint>(`select count(*) from ${t.table}`));
    expect(n - (before[t.table] ?? 0)).toBe(t.inserted);
    before[t.table] = n;
    // Every row stored, first or later version, is kept in the versions table with this batch.
    const versions = await wh.scalar<bigint>(`select count(*) from ${t.table}_versions where batch_id = $b`, {
      b: result!.batchId,
    });
    expect(Number(versions)).toBe(t.inserted + t.updated);
  }
  const stored = await wh.all<{ table_name: string; rows_read: bigint; rows_loaded: bigint; rows_quarantined: bigint }>(
    'select table_name, rows_read, rows_loaded, rows_quarantined from load_batch_tables where batch_id = $b',
    { b: result!.batchId },
  );
  for (const s of stored) expect(s.rows_read).toBe(s.rows_loaded + s.rows_quarantined);
}

describe('reconciliation invariant', () => {
  it('holds for random mixes of good and bad rows across two batches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderArb, { maxLength: 12 }),
        fc.array(refundArb, { maxLength: 8 }),
        fc.array(orderArb, { maxLength: 8 }),
        async (orders1, refunds1, orders2) => {
          tried(1); // one random mix of good and bad rows over two batches
          const wh = await memoryWarehouse();
          try {
            const counts: Record<string, number> = {};
            const first: Rows = { ...base, orders: orders1.map(orderRow), refund_requests: refunds1.map(refundRow) };
            await checkBatch(wh, first, counts);
            await checkBatch(
              wh,
              { orders: orders2.map(orderRow), refund_requests: refunds1.slice(0, 3).map(refundRow) },
              counts,
            );
            expect(Object.keys(counts).sort()).toEqual([...TABLE_NAMES].sort());
          } finally {
            wh.close();
          }
        },
      ),
      { numRuns: 10, seed: 20261102 },
    );
  });
});
