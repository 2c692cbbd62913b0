// Benchmark: contract-checked ingest vs a plain DuckDB `create table as select * from read_parquet(...)` of the same Parquet files.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TABLE_NAMES } from '../../data/contracts/index.ts';
import { ingestInto } from '../ingest/runIngest.ts';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import { quoteIdent, quoteLiteral } from '../../data/warehouse/quoteIdent.ts';

export interface IngestBenchResult {
  rows: number;
  plainSeconds: number;
  ingestSeconds: number;
  ratio: number;
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

/** Times both loads, each into a fresh warehouse file in a temp folder, on the `<table>.parquet` files in dir. */
export async function benchIngest(dir: string): Promise<IngestBenchResult> {
  const work = mkdtempSync(join(tmpdir(), 'trustlens-ingest-bench-'));
  let rows = 0;
  const plain = await Warehouse.open({ path: join(work, 'plain.duckdb') });
  const plainSeconds = await timed(async () => {
    for (const t of TABLE_NAMES) {
      await plain.run(`create table ${quoteIdent(t)} as select * from read_parquet($path)`, {
        path: join(dir, `${t}.parquet`),
      });
    }
  });
  for (const t of TABLE_NAMES) rows += Number(await plain.scalar(`select count(*) from ${quoteIdent(t)}`));
  plain.close();
  const wh = await Warehouse.open({ path: join(work, 'ingest.duckdb') });
  const ingestSeconds = await timed(async () => {
    await ingestInto(wh, { from: dir });
  });
  wh.close();
  rmSync(work, { recursive: true, force: true });
  return { rows, plainSeconds, ingestSeconds, ratio: ingestSeconds / plainSeconds };
}

/** Writes a contract-shaped Parquet marketplace with `orders` orders (made with range(), no realism intended). */
export async function writeBenchParquet(dir: string, orders: number): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const wh = await Warehouse.open({ path: ':memory:' });
  const n = { buyers: Math.max(1, Math.floor(orders / 20)), merchants: Math.max(1, Math.floor(orders / 2000)) };
  const ts = (base: string, expr: string) => `timestamp '${base}' + to_seconds(${expr})`;
  const cat = `(['fresh_food','electronics','apparel','home','beauty','grocery','other'])[1 + i % 7]`;
  const queries: Record<string, string> = {
    buyers: `select 'b' || i as buyer_id, ${ts('2024-01-01', 'i % 30000000')} as registered_at, 'CN-' || (i % 30) as region from range(${n.buyers}) t(i)`,
    merchants: `select 'm' || i as merchant_id, '店铺 ' || i as name, ${cat} as main_category, ${ts('2023-01-01', 'i * 977')} as opened_at, null::VARCHAR as region from range(${n.merchants}) t(i)`,
    orders: `select 'o' || i as order_id, 'b' || (i * 7919 % ${n.buyers}) as buyer_id, 'm' || (i % ${n.merchants}) as merchant_id, ${cat} as category,
      ((i % 50000) / 100)::DECIMAL(18,2) as amount, ${ts('2025-11-01', 'i % 31000000')} as created_at, ${ts('2025-11-03', 'i % 31000000')} as promised_ship_by,
      ${ts('2025-11-02', 'i % 31000000')} as shipped_at, case when i % 9 > 0 then ${ts('2025-11-05', 'i % 31000000')} end as delivered_at, null::TIMESTAMP as cancelled_at,
      'a' || (i % 900000) as address_key, 'd' || (i % 800000) as device_key, 'p' || (i % 850000) as payment_key from range(${orders}) t(i)`,
    refund_requests: `select 'r' || i as request_id, 'o' || (i * 10) as order_id, ${ts('2025-11-10', 'i * 10 % 31000000')} as requested_at,
      (['refund_only','return_and_refund','exchange'])[1 + i % 3] as kind, (['not_received','damaged','quality','other'])[1 + i % 4] as reason,
      ((i % 5000) / 100)::DECIMAL(18,2) as amount, (['pending','approved','rejected','withdrawn'])[1 + i % 4] as status, null::TIMESTAMP as merchant_responded_at,
      ${ts('2025-11-12', 'i * 10 % 31000000')} as decided_at, 'merchant' as decided_by, i % 13 = 0 as escalated, null::TIMESTAMP as returned_at from range(${Math.floor(orders / 10)}) t(i)`,
    reviews: `select 'v' || i as review_id, 'o' || (i * 5) as order_id, (1 + i % 5)::TINYINT as rating, (1 + i % 5)::TINYINT as described, null::TINYINT as service,
      (1 + i % 3)::TINYINT as logistics, '好评 review ' || i as text, ${ts('2025-11-15', 'i * 5 % 31000000')} as created_at from range(${Math.floor(orders / 5)}) t(i)`,
    service_tickets: `select 't' || i as ticket_id, 'm' || (i % ${n.merchants}) as merchant_id, 'o' || (i * 20) as order_id, null::VARCHAR as buyer_id,
      ${ts('2025-11-10', 'i % 31000000')} as opened_at, null::TIMESTAMP as first_response_at, null::TIMESTAMP as resolved_at, i % 2 = 0 as resolved,
      null::TINYINT as satisfaction, i % 17 = 0 as attitude_complaint from range(${Math.floor(orders / 20)}) t(i)`,
    merchant_actions: `select 'x' || i as action_id, 'm' || (i % ${n.merchants}) as merchant_id, ${ts('2025-12-01', 'i * 100')} as taken_at, 'warning' as action,
      null::VARCHAR as reason from range(${Math.max(1, Math.floor(orders / 1000))}) t(i)`,
    investigations: `select 'c' || i as case_id, 'b' || (i % ${n.buyers}) as buyer_id, null::VARCHAR as request_id, ${ts('2026-01-01', 'i * 60')} as opened_at,
      ${ts('2026-02-01', 'i * 60')} as closed_at, (['confirmed_abuse','cleared'])[1 + i % 2] as verdict from range(${Math.max(1, Math.floor(orders / 200))}) t(i)`,
  };
  for (const t of TABLE_NAMES) {
    const path = join(dir, `${t}.parquet`);
    if (existsSync(path)) rmSync(path);
    await wh.run(`copy (${queries[t]}) to ${quoteLiteral(path)} (format parquet)`);
  }
  wh.close();
}
