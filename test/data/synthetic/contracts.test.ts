// Every generated row conforms to its input contract: zod row schemas, unique keys, resolving foreign keys, nothing on
// or after the end.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTRACTS, TABLE_NAMES, rowSchema, columnNames } from '../../../data/contracts/index.ts';
import { generateSmall, openViews, rows, value, type Generated } from './generateSmall.ts';

describe('generated rows against the input contracts', () => {
  let g: Generated;
  let db: Awaited<ReturnType<typeof openViews>>;
  beforeAll(async () => {
    g = await generateSmall({ format: 'ndjson', buyers: 1200, merchants: 60, weeks: 26, seed: 7 });
    db = await openViews(g.dir, 'ndjson');
  });
  afterAll(() => {
    db.close();
    g.cleanup();
  });

  it.each(TABLE_NAMES)('%s: every row passes rowSchema and has exactly the contract columns', (table) => {
    const lines = readFileSync(g.summary.files[table]!, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
    expect(lines.length).toBe(g.summary.rows[table]);
    expect(lines.length).toBeGreaterThan(0);
    const schema = rowSchema(table);
    const failures = lines.map((l) => schema.safeParse(JSON.parse(l))).filter((r) => !r.success);
    expect(failures.map((f) => f.error?.issues[0])).toEqual([]);
    expect(Object.keys(JSON.parse(lines[0]!))).toEqual(columnNames(table));
  });

  it.each(TABLE_NAMES)('%s: primary key is unique and foreign keys resolve', async (table) => {
    const c = CONTRACTS[table];
    expect(await value(db.conn, `select count(*) - count(distinct ${c.primaryKey}) from ${table}`)).toBe(0);
    for (const fk of c.foreignKeys) {
      const dangling = await value(
        db.conn,
        `select count(*) from ${table} x where x.${fk.column} is not null and not exists (select 1 from ${fk.table} y where y.${fk.references} = x.${fk.column})`,
      );
      expect(dangling, `${table}.${fk.column} → ${fk.table}`).toBe(0);
    }
  });

  it('optional references resolve too (ticket order and buyer, investigation request)', async () => {
    expect(
      await value(
        db.conn,
        'select count(*) from service_tickets t where order_id is not null and order_id not in (select order_id from orders)',
      ),
    ).toBe(0);
    expect(
      await value(
        db.conn,
        'select count(*) from service_tickets t where buyer_id is not null and buyer_id not in (select buyer_id from buyers)',
      ),
    ).toBe(0);
    expect(
      await value(
        db.conn,
        'select count(*) from investigations where request_id is not null and request_id not in (select request_id from refund_requests)',
      ),
    ).toBe(0);
    expect(
      await value(
        db.conn,
        'select count(*) from truth_refund_requests t full join refund_requests r using (request_id) where t.is_abusive is null or r.kind is null',
      ),
    ).toBe(0);
    expect(
      await value(
        db.conn,
        'select count(*) from truth_buyers t full join buyers b using (buyer_id) where t.archetype is null or b.registered_at is null',
      ),
    ).toBe(0);
  });

  it('has no event on or after the end date', async () => {
    for (const table of TABLE_NAMES) {
      for (const [name, column] of Object.entries(CONTRACTS[table].columns)) {
        if (column.meta.kind !== 'ts') continue;
        const late = await value(
          db.conn,
          `select count(*) from ${table} where ${name}::TIMESTAMP >= TIMESTAMP '2026-11-02'`,
        );
        expect(late, `${table}.${name}`).toBe(0);
      }
    }
  });

  it('keeps order and request lifecycles in time order', async () => {
    const broken = await rows(
      db.conn,
      `select
         count(*) filter (where promised_ship_by <= created_at) as promise_before_created,
         count(*) filter (where shipped_at <= created_at) as shipped_before_created,
         count(*) filter (where delivered_at <= shipped_at or (delivered_at is not null and shipped_at is null)) as delivered_before_shipped,
         count(*) filter (where cancelled_at is not null and shipped_at is not null) as cancelled_and_shipped
       from orders`,
    );
    expect(broken).toEqual([
      { promise_before_created: 0, shipped_before_created: 0, delivered_before_shipped: 0, cancelled_and_shipped: 0 },
    ]);
    const requests = await rows(
      db.conn,
      `select
         count(*) filter (where r.requested_at < o.created_at) as before_order,
         count(*) filter (where r.decided_at < r.requested_at or r.merchant_responded_at < r.requested_at) as answer_before_request,
         count(*) filter (where r.status = 'pending' and r.decided_at is not null) as pending_with_decision,
         count(*) filter (where r.status in ('approved', 'rejected') and (r.decided_at is null or r.decided_by is null)) as decision_missing,
         count(*) filter (where r.returned_at is not null and (r.kind <> 'return_and_refund' or r.status <> 'approved')) as stray_return,
         count(*) filter (where r.decided_by = 'auto' and r.decided_at <> r.requested_at + interval 48 hour) as auto_not_48h,
         count(*) filter (where o.cancelled_at is not null) as on_cancelled_order
       from refund_requests r join orders o using (order_id)`,
    );
    expect(requests).toEqual([
      {
        before_order: 0,
        answer_before_request: 0,
        pending_with_decision: 0,
        decision_missing: 0,
        stray_return: 0,
        auto_not_48h: 0,
        on_cancelled_order: 0,
      },
    ]);
  });

  it('writes review texts in several scripts with characters that need escaping', async () => {
    const texts = (await rows(db.conn, 'select distinct text from reviews where text is not null')).map((r) =>
      String(r.text),
    );
    expect(texts.some((t) => /[\u4e00-\u9fff]/.test(t))).toBe(true);
    expect(texts.some((t) => /\p{Extended_Pictographic}/u.test(t))).toBe(true);
    expect(texts.some((t) => t.includes('<') && t.includes('"'))).toBe(true);
    expect(texts.some((t) => t.includes('\n'))).toBe(true);
  });
});
