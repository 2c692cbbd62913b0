// sourceRows: the rows of each contract table known before a date, so a model artifact never records later data.
import { afterEach, describe, expect, it } from 'vitest';
import { TABLE_NAMES } from '../../../data/contracts/tables.ts';
import { knownFromColumn, sourceRows } from '../../../data/warehouse/sourceRows.ts';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { buyer, investigation, merchant, merchantAction } from '../../support/contractRows.ts';
import { marketplaceWarehouse } from '../../support/marketplaceWarehouse.ts';

let wh: Warehouse | undefined;
afterEach(() => wh?.close());

describe('sourceRows', () => {
  it('dates a row by its last required timestamp: a verdict by its closing, an action by when it was taken', () => {
    expect(Object.fromEntries(TABLE_NAMES.map((t) => [t, knownFromColumn(t)]))).toEqual({
      buyers: 'registered_at',
      merchants: 'opened_at',
      orders: 'created_at',
      refund_requests: 'requested_at',
      reviews: 'created_at',
      service_tickets: 'opened_at',
      merchant_actions: 'taken_at',
      investigations: 'closed_at',
    });
  });

  it('counts only rows known before the date, and 0 for an empty table', async () => {
    wh = await marketplaceWarehouse({
      buyers: [buyer('b1', { registered_at: '2025-06-01' }), buyer('b2', { registered_at: '2026-02-01' })],
      merchants: [merchant('m1', { opened_at: '2025-01-01' })],
      merchant_actions: [merchantAction('a1', 'm1', { taken_at: '2026-02-01' })],
      investigations: [
        investigation('c1', 'b1', { opened_at: '2026-01-01', closed_at: '2026-01-20' }),
        investigation('c2', 'b1', { opened_at: '2026-01-10', closed_at: '2026-02-01' }),
      ],
    });
    expect(await sourceRows(wh, '2026-02-01')).toMatchObject({
      buyers: 1,
      merchants: 1,
      orders: 0,
      merchant_actions: 0,
      investigations: 1,
    });
  });
});
