// The planted behaviours show up at plausible rates: refund mix, abusers, partial and imperfect labels, merchant
// penalties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSmall, openViews, rows, value, type Generated } from './generateSmall.ts';

describe('planted rates of the synthetic marketplace', () => {
  let g: Generated;
  let db: Awaited<ReturnType<typeof openViews>>;
  beforeAll(async () => {
    g = await generateSmall({ buyers: 3000, merchants: 150, weeks: 52 });
    db = await openViews(g.dir, 'parquet');
  });
  afterAll(() => {
    db.close();
    g.cleanup();
  });

  it('has about 10 orders per buyer', () => {
    const perBuyer = g.summary.rows.orders / g.summary.rows.buyers;
    expect(perBuyer).toBeGreaterThan(7);
    expect(perBuyer).toBeLessThan(13);
  });

  it('has a refund request rate of 5–10% of orders', async () => {
    const rate = await value(db.conn, 'select (select count(*) from refund_requests) / count(*) from orders');
    expect(rate).toBeGreaterThan(0.05);
    expect(rate).toBeLessThan(0.1);
  });

  it('gives fresh food the highest refund-only share of requests', async () => {
    const byCategory = await rows(
      db.conn,
      `select o.category, avg((r.kind = 'refund_only')::INT) as refund_only_share
       from refund_requests r join orders o using (order_id) group by o.category order by refund_only_share desc`,
    );
    expect(byCategory[0]?.category).toBe('fresh_food');
    expect(byCategory.length).toBe(7);
  });

  it('makes abusers a few percent of buyers, in every abuse archetype', async () => {
    const share = await value(db.conn, 'select avg(is_abuser::INT) from truth_buyers');
    expect(share).toBeGreaterThan(0.02);
    expect(share).toBeLessThan(0.06);
    const archetypes = (
      await rows(db.conn, 'select distinct archetype from truth_buyers where is_abuser order by 1')
    ).map((r) => r.archetype);
    expect(archetypes).toEqual([
      'fast_claimer',
      'not_received_claimer',
      'review_extortion',
      'ring_member',
      'serial_refunder',
    ]);
  });

  it('puts ring members in rings of 3–8 that share linking keys', async () => {
    const sizes = await rows(
      db.conn,
      'select ring_id, count(*) as n from truth_buyers where ring_id is not null group by 1',
    );
    expect(sizes.length).toBeGreaterThan(0);
    // the last ring may be cut short by the number of ring members
    expect(sizes.filter((s) => Number(s.n) < 3 || Number(s.n) > 8).length).toBeLessThanOrEqual(1);
    const shared = await value(
      db.conn,
      `with keys as (select distinct t.ring_id, o.buyer_id, o.device_key from orders o join truth_buyers t using (buyer_id) where t.ring_id is not null)
       select avg(shared::INT) from (select ring_id, device_key, count(distinct buyer_id) > 1 as shared from keys group by all)`,
    );
    expect(shared).toBeGreaterThan(0);
  });

  it('lets some honest accounts share an address too, so linked accounts are not proof of abuse', async () => {
    const honestShared = await value(
      db.conn,
      `select count(*) from (
         select address_key from orders o join truth_buyers t using (buyer_id)
         where not t.is_abuser and address_key is not null group by address_key having count(distinct buyer_id) > 1)`,
    );
    expect(honestShared).toBeGreaterThan(0);
  });

  it('investigates well under all abusers, after a delay, with some wrong verdicts and cleared honest buyers', async () => {
    const coverage = await value(
      db.conn,
      `select count(distinct i.buyer_id) / (select count(*) from truth_buyers where is_abuser)
       from investigations i join truth_buyers t using (buyer_id) where t.is_abuser`,
    );
    expect(coverage).toBeGreaterThan(0.15);
    expect(coverage).toBeLessThan(0.6);
    const verdicts = await rows(
      db.conn,
      `select
         count(*) filter (where t.is_abuser and verdict = 'cleared') as abusers_cleared,
         count(*) filter (where not t.is_abuser and verdict = 'confirmed_abuse') as honest_confirmed,
         count(*) filter (where not t.is_abuser and verdict = 'cleared') as honest_cleared,
         count(*) as cases
       from investigations i join truth_buyers t using (buyer_id)`,
    );
    const v = verdicts[0] as Record<string, number>;
    expect(v.abusers_cleared! + v.honest_confirmed!).toBeGreaterThan(0);
    expect((v.abusers_cleared! + v.honest_confirmed!) / v.cases!).toBeLessThan(0.2);
    expect(v.honest_cleared).toBeGreaterThan(0);
    const minDelayDays = await value(
      db.conn,
      `select min(date_diff('day', r.requested_at, i.opened_at)) from investigations i join refund_requests r using (request_id)`,
    );
    expect(minDelayDays).toBeGreaterThanOrEqual(7);
  });

  it('has "not received" claims on delivered parcels far more often from abusers', async () => {
    const byGroup = await rows(
      db.conn,
      `select t.is_abuser, avg((r.reason = 'not_received' and o.delivered_at <= r.requested_at)::INT) as share
       from refund_requests r join orders o using (order_id) join truth_buyers t using (buyer_id) group by 1 order by 1`,
    );
    const honest = Number(byGroup[0]?.share);
    const abusers = Number(byGroup[1]?.share);
    expect(honest).toBeGreaterThan(0);
    expect(abusers).toBeGreaterThan(3 * honest);
  });

  it('marks abusive requests only for abusers, who also make legitimate ones', async () => {
    const split = await rows(
      db.conn,
      `select t.is_abuser, count(*) filter (where x.is_abusive) as abusive, count(*) filter (where not x.is_abusive) as legit
       from truth_refund_requests x join refund_requests r using (request_id) join orders o using (order_id)
       join truth_buyers t using (buyer_id) group by 1 order by 1`,
    );
    expect(split[0]).toMatchObject({ is_abuser: false, abusive: 0 });
    expect(Number(split[1]?.abusive)).toBeGreaterThan(0);
    expect(Number(split[1]?.legit)).toBeGreaterThan(0);
  });

  it('gives problem merchants serious actions far more often than good ones, and some good ones too', async () => {
    const byKind = await rows(
      db.conn,
      `with serious as (
         select distinct merchant_id from merchant_actions where action in ('point_deduction', 'demotion', 'suspension', 'closure'))
       select t.is_problem, avg((s.merchant_id is not null)::INT) as share
       from truth_merchants t left join serious s using (merchant_id) group by 1 order by 1`,
    );
    const good = Number(byKind[0]?.share);
    const problem = Number(byKind[1]?.share);
    expect(problem).toBeGreaterThan(0.4);
    expect(problem).toBeGreaterThan(5 * good);
    const problemShare = await value(db.conn, 'select avg(is_problem::INT) from truth_merchants');
    expect(problemShare).toBeGreaterThan(0.05);
    expect(problemShare).toBeLessThan(0.16);
  });

  it('lets merchants abusers target draw more refunds than good merchants without more penalties', async () => {
    const rates = await rows(
      db.conn,
      `select t.archetype, count(r.request_id) / count(*) as rate
       from orders o join truth_merchants t using (merchant_id) left join refund_requests r using (order_id)
       where t.archetype in ('good', 'abuser_target') group by 1 order by 1`,
    );
    expect(Number(rates[0]?.rate)).toBeGreaterThan(Number(rates[1]?.rate));
  });

  it('strains every shop’s after-sales service in sales peaks: tickets opened around Singles’ Day wait far longer', async () => {
    const byPeriod = await rows(
      db.conn,
      `select month(t.opened_at) = 11 and day(t.opened_at) between 9 and 20 as peak,
              avg(date_diff('minute', t.opened_at, t.first_response_at) / 60.0) as hours
       from service_tickets t join truth_merchants m using (merchant_id)
       where m.archetype = 'good' and t.first_response_at is not null group by 1 order by 1`,
    );
    expect(Number(byPeriod[1]?.hours)).toBeGreaterThan(2 * Number(byPeriod[0]?.hours));
  });

  it('gives good shops bad weeks too, so a slow week alone does not mark a problem shop', async () => {
    const weeks = await rows(
      db.conn,
      `with weekly as (
         select t.merchant_id, date_trunc('week', t.opened_at) as week, avg(date_diff('minute', t.opened_at, t.first_response_at) / 60.0) as hours
         from service_tickets t join truth_merchants m using (merchant_id)
         where m.archetype = 'good' and t.first_response_at is not null and not (month(t.opened_at) in (2, 6, 11, 12))
         group by all having count(*) >= 2)
       select avg((hours > 6)::INT) as slow_share, count(distinct merchant_id) filter (where hours > 6) as slow_shops from weekly`,
    );
    expect(Number(weeks[0]?.slow_share)).toBeGreaterThan(0.005);
    expect(Number(weeks[0]?.slow_share)).toBeLessThan(0.25);
    expect(Number(weeks[0]?.slow_shops)).toBeGreaterThan(3);
  });

  it('has plausible after-sales flows: auto-refunds, escalations, pending requests, returns', async () => {
    const flow = await rows(
      db.conn,
      `select
         avg((decided_by = 'auto')::INT) as auto,
         avg(escalated::INT) as escalated,
         count(*) filter (where status = 'pending') as pending,
         count(*) filter (where returned_at is not null) as returned
       from refund_requests`,
    );
    const f = flow[0] as Record<string, number>;
    expect(f.auto).toBeGreaterThan(0.02);
    expect(f.escalated).toBeGreaterThan(0.02);
    expect(f.pending).toBeGreaterThan(0);
    expect(f.returned).toBeGreaterThan(0);
    const reviewShare = g.summary.rows.reviews / g.summary.rows.orders;
    expect(reviewShare).toBeGreaterThan(0.3);
    expect(reviewShare).toBeLessThan(0.5);
  });
});
