// Corrections: a later delivery updates mutable columns and keeps every version; an immutable change is a conflict
// naming both values.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { goodRows, tempDir, toCsv, writeTables } from './fixtures.ts';
import { memoryWarehouse, quarantineRows } from './ingestHelpers.ts';

const pending = { ...goodRows().refund_requests[0]!, status: 'pending', decided_at: null, decided_by: null };

describe('weekly deliveries of changed rows', () => {
  it('updates a mutable column, keeps both versions with batch and known-at date, and counts read = inserted + updated + unchanged + quarantined', async () => {
    const dir = writeTables(tempDir(), { ...goodRows(), refund_requests: [pending] });
    const wh = await memoryWarehouse();
    const first = await ingestInto(wh, { from: dir, knownAt: '2026-03-09' });
    expect(first!.tables.find((t) => t.table === 'refund_requests')).toMatchObject({
      read: 1,
      inserted: 1,
      updated: 0,
      duplicate: 0,
      quarantined: 0,
      knownAt: '2026-03-09',
    });

    const week2 = tempDir('week2');
    const decided = { ...pending, status: 'approved', decided_at: '2026-03-10T08:00:00Z', decided_by: 'merchant' };
    const other = { ...pending, request_id: 'r2' };
    writeFileSync(
      join(week2, 'refund_requests.csv'),
      toCsv('refund_requests', [
        decided,
        other,
        { ...other },
        { ...pending, request_id: 'r1', amount: '25.00', status: 'rejected' },
      ]),
    );
    const second = await ingestInto(wh, { from: week2, knownAt: '2026-03-16' });
    // r1 decided: a new version; r2 new, then repeated identically; r1 with another amount: a conflict.
    expect(second!.tables).toEqual([
      {
        table: 'refund_requests',
        files: 1,
        read: 4,
        loaded: 3,
        quarantined: 1,
        inserted: 1,
        updated: 1,
        duplicate: 1,
        knownAt: '2026-03-16',
      },
    ]);
    expect(await quarantineRows(wh, 2)).toEqual([
      {
        table_name: 'refund_requests',
        source_file: 'refund_requests.csv',
        row_number: 4,
        column_name: 'amount',
        value: '19.90 → 25.00',
        rule: 'conflict: amount may not change after delivery (value: kept → delivered)',
      },
    ]);
    expect(
      await wh.all(
        "select request_id, status, strftime(decided_at, '%Y-%m-%d') as decided from refund_requests order by request_id",
      ),
    ).toEqual([
      { request_id: 'r1', status: 'approved', decided: '2026-03-10' },
      { request_id: 'r2', status: 'pending', decided: null },
    ]);
    expect(
      await wh.all(
        "select request_id, status, version, batch_id, strftime(known_at, '%Y-%m-%d') as known_at from refund_requests_versions order by request_id, version",
      ),
    ).toEqual([
      { request_id: 'r1', status: 'pending', version: 1, batch_id: 1, known_at: '2026-03-09' },
      { request_id: 'r1', status: 'approved', version: 2, batch_id: 2, known_at: '2026-03-16' },
      { request_id: 'r2', status: 'pending', version: 1, batch_id: 2, known_at: '2026-03-16' },
    ]);
    expect(
      await wh.all(
        "select table_name, rows_read, rows_inserted, rows_updated, rows_duplicate, rows_quarantined, strftime(known_at, '%Y-%m-%d') as known_at from load_batch_tables where batch_id = 2",
      ),
    ).toEqual([
      {
        table_name: 'refund_requests',
        rows_read: 4n,
        rows_inserted: 1n,
        rows_updated: 1n,
        rows_duplicate: 1n,
        rows_quarantined: 1n,
        known_at: '2026-03-16',
      },
    ]);
    wh.close();
  });

  it('takes several versions of one row in one delivery in file order, and dates a delivery by its newest event when no date is given', async () => {
    const dir = writeTables(tempDir(), goodRows());
    const wh = await memoryWarehouse();
    const first = await ingestInto(wh, { from: dir });
    // The newest event of the refund file is the decision of 2026-03-05 08:00: known from the next day.
    expect(first!.tables.find((t) => t.table === 'refund_requests')!.knownAt).toBe('2026-03-06');
    const week2 = tempDir('week2');
    const t1 = goodRows().service_tickets[0]!;
    const answered = { ...t1, first_response_at: '2026-03-04T10:00:00Z' };
    const resolved = { ...answered, resolved_at: '2026-03-06T10:00:00Z', resolved: 'true', satisfaction: '4' };
    writeFileSync(join(week2, 'service_tickets.csv'), toCsv('service_tickets', [answered, resolved, resolved]));
    const second = await ingestInto(wh, { from: week2 });
    expect(second!.tables).toEqual([
      {
        table: 'service_tickets',
        files: 1,
        read: 3,
        loaded: 3,
        quarantined: 0,
        inserted: 0,
        updated: 2,
        duplicate: 1,
        knownAt: '2026-03-07',
      },
    ]);
    expect(
      await wh.all('select ticket_id, version, resolved, satisfaction from service_tickets_versions order by version'),
    ).toEqual([
      { ticket_id: 't1', version: 1, resolved: false, satisfaction: null },
      { ticket_id: 't1', version: 2, resolved: false, satisfaction: null },
      { ticket_id: 't1', version: 3, resolved: true, satisfaction: 4 },
    ]);
    expect(await wh.all('select ticket_id, resolved, satisfaction from service_tickets')).toEqual([
      { ticket_id: 't1', resolved: true, satisfaction: 4 },
    ]);
    wh.close();
  });

  it('keeps out an older delivery loaded after a newer one: its changed rows are quarantined, its new and identical rows load', async () => {
    const wh = await memoryWarehouse();
    await ingestInto(wh, {
      from: writeTables(tempDir(), { ...goodRows(), refund_requests: [pending] }),
      knownAt: '2026-03-09',
    });
    const decided = { ...pending, status: 'approved', decided_at: '2026-03-10T08:00:00Z', decided_by: 'merchant' };
    const week3 = tempDir('week3');
    writeFileSync(join(week3, 'refund_requests.csv'), toCsv('refund_requests', [decided]));
    await ingestInto(wh, { from: week3, knownAt: '2026-03-23' });

    // the week-2 file arrives last: r1 still pending in it, r3 new, r1's week-3 decision sent again as is
    const week2 = tempDir('week2');
    const r3 = { ...pending, request_id: 'r3' };
    writeFileSync(join(week2, 'refund_requests.csv'), toCsv('refund_requests', [pending, r3]));
    const late = await ingestInto(wh, { from: week2, knownAt: '2026-03-16' });
    expect(late!.tables.map((t) => [t.table, t.read, t.inserted, t.updated, t.duplicate, t.quarantined])).toEqual([
      ['refund_requests', 2, 1, 0, 0, 1],
    ]);
    expect(await quarantineRows(wh, 3)).toEqual([
      {
        table_name: 'refund_requests',
        source_file: 'refund_requests.csv',
        row_number: 1,
        column_name: 'request_id',
        value: 'r1',
        rule: 'older than the stored request: a delivery known at 2026-03-23 already holds it and this one is known at 2026-03-16, so it would replace newer facts; if it is a correction newer than that, deliver it again with --as-of 2026-03-23 or later',
      },
    ]);
    expect(await wh.all('select request_id, status from refund_requests order by request_id')).toEqual([
      { request_id: 'r1', status: 'approved' },
      { request_id: 'r3', status: 'pending' },
    ]);
    expect(
      await wh.all(
        "select request_id, version, status, strftime(known_at, '%Y-%m-%d') as known_at from refund_requests_versions order by request_id, version",
      ),
    ).toEqual([
      { request_id: 'r1', version: 1, status: 'pending', known_at: '2026-03-09' },
      { request_id: 'r1', version: 2, status: 'approved', known_at: '2026-03-23' },
      { request_id: 'r3', version: 1, status: 'pending', known_at: '2026-03-16' },
    ]);

    // the newest word sent again with the older date is an identical copy, not news: skipped, not quarantined
    const again = tempDir('again');
    writeFileSync(join(again, 'refund_requests.csv'), toCsv('refund_requests', [decided, r3]));
    const copy = await ingestInto(wh, { from: again, knownAt: '2026-03-16' });
    expect(copy!.tables.map((t) => [t.table, t.duplicate, t.quarantined])).toEqual([['refund_requests', 2, 0]]);
    wh.close();
  });

  it('dates a delivery no later than its as-of date: one row dated years ahead does not hide its corrections', async () => {
    const dir = writeTables(tempDir(), goodRows());
    const wh = await memoryWarehouse();
    await ingestInto(wh, { from: dir });
    const week2 = tempDir('week2');
    const decided = { ...goodRows().service_tickets[0]!, resolved_at: '2026-03-06T10:00:00Z', resolved: 'true' };
    // a typo puts one new ticket in 2030, inside the plausible range: the newest event alone dated the delivery 2030
    const typo = { ...goodRows().service_tickets[0]!, ticket_id: 't9', opened_at: '2030-06-01T10:00:00Z' };
    writeFileSync(join(week2, 'service_tickets.csv'), toCsv('service_tickets', [decided, typo]));
    const second = await ingestInto(wh, { from: week2, latestKnownAt: '2026-03-16' });
    expect(second!.tables.map((t) => [t.table, t.updated, t.inserted, t.knownAt])).toEqual([
      ['service_tickets', 1, 1, '2026-03-16'],
    ]);
    wh.close();
  });
});
