// Corrections never leak: a decision, a resolution and a verdict delivered after T leave T's features unchanged, though
// they happened before T.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFeatures } from '../../../pipelines/features/buildFeatures.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import type { Row, Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { goodRows, tempDir, toCsv, writeTables } from '../ingest/fixtures.ts';
import { memoryWarehouse } from '../ingest/ingestHelpers.ts';

const T = '2026-03-09';
const rows = goodRows();
// As delivered for the week to T: the refund still pending, the ticket open.
const pending = { ...rows.refund_requests[0]!, status: 'pending', decided_at: null, decided_by: null };
const open = rows.service_tickets[0]!;
// Delivered a week later: both settled *before* T (decided 03-06, resolved 03-07), which T's delivery did not know.
const decided = { ...pending, status: 'approved', decided_at: '2026-03-06T08:00:00Z', decided_by: 'auto' };
const resolved = {
  ...open,
  first_response_at: '2026-03-05T08:00:00Z',
  resolved_at: '2026-03-07T08:00:00Z',
  resolved: 'true',
  satisfaction: '2',
};

async function features(wh: Warehouse, asOf: string): Promise<{ buyers: Row[]; merchants: Row[] }> {
  await buildFeatures(wh, asOf);
  return {
    buyers: await wh.all('select * from feat_buyer order by buyer_id'),
    merchants: await wh.all('select * from feat_merchant order by merchant_id'),
  };
}

async function deliver(wh: Warehouse, knownAt: string): Promise<void> {
  const dir = tempDir('correction');
  writeFileSync(join(dir, 'refund_requests.csv'), toCsv('refund_requests', [decided]));
  writeFileSync(join(dir, 'service_tickets.csv'), toCsv('service_tickets', [resolved]));
  const batch = await ingestInto(wh, { from: dir, knownAt });
  expect(batch!.tables.map((t) => [t.table, t.updated])).toEqual([
    ['refund_requests', 1],
    ['service_tickets', 1],
  ]);
}

describe('features as of T read the version known at T', () => {
  it('a correction delivered after T changes nothing at T, and is used from the date it became known', async () => {
    const wh = await memoryWarehouse();
    await ingestInto(wh, {
      from: writeTables(tempDir(), { ...rows, refund_requests: [pending], service_tickets: [open] }),
      knownAt: T,
    });
    const before = await features(wh, T);
    expect(before.merchants[0]).toMatchObject({
      merchant_id: 'm1',
      auto_refunds_no_answer_90d: 0,
      ticket_resolution_rate_90d: 0,
    });

    await deliver(wh, '2026-03-16');
    expect(await features(wh, T)).toEqual(before);
    // One day later than T, the same warehouse reads the correction.
    const after = await features(wh, '2026-03-17');
    expect(after.merchants[0]).toMatchObject({ auto_refunds_no_answer_90d: 1, ticket_resolution_rate_90d: 1 });
    wh.close();
  });

  it('the same correction known by T does change T (so the test above is not vacuous)', async () => {
    const wh = await memoryWarehouse();
    await ingestInto(wh, {
      from: writeTables(tempDir(), { ...rows, refund_requests: [pending], service_tickets: [open] }),
      knownAt: '2026-03-08',
    });
    await deliver(wh, T);
    const known = await features(wh, T);
    expect(known.merchants[0]).toMatchObject({ auto_refunds_no_answer_90d: 1, ticket_resolution_rate_90d: 1 });
    wh.close();
  });
});
