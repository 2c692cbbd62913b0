// The decision service over loopback: each status it answers, and a newer week swapped in without dropping a request.
import { mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { connect, type AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../data/log/Logger.ts';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { loadPolicies } from '../../../pipelines/simulate/policy/loadPolicy.ts';
import { createDecisionServer } from '../../../pipelines/serve/decisionServer.ts';
import { createWeekReloader, type WeekReloader } from '../../../pipelines/serve/weekReloader.ts';
import { TINY_REQUEST, addScoredWeek, tinyWarehouse } from '../decide/fixtures/tinyWarehouse.ts';

const dir = mkdtempSync(join(tmpdir(), 'trustlens-serve-'));
const warehouse = join(dir, 'warehouse.duckdb');
let reloader: WeekReloader;
let server: Server;
let base: string;

beforeAll(async () => {
  await tinyWarehouse(warehouse);
  reloader = await createWeekReloader({
    warehouse,
    artifactsDir: join(dir, 'artifacts'),
    orderDays: 180,
    policy: loadPolicies(['data/policies/risk-gated.yaml'])[0]!,
    log: createLogger({ verbosity: 'quiet' }),
  });
  server = createDecisionServer(reloader, { maxBodyBytes: 4096, version: '9.9.9' });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.close();
  await once(server, 'close');
  rmSync(dir, { recursive: true, force: true });
});

const post = (body: string) =>
  fetch(`${base}/decide`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('serve', () => {
  it('GET /health and GET /version: 200 with the policy and the week served', async () => {
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', policy: 'risk-gated', scores_as_of: '2026-11-02' });
    const version = await fetch(`${base}/version`);
    expect(await version.json()).toMatchObject({
      trustlens: '9.9.9',
      policy: 'risk-gated',
      scores_as_of: '2026-11-02',
    });
  });

  it('POST /decide with one request: 200 and its decision', async () => {
    const res = await post(JSON.stringify(TINY_REQUEST));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      request_id: 'r1',
      action: 'manual_review',
      rule: 'linked to a confirmed abuser',
      buyer_risk: 0.3,
    });
  });

  it('POST /decide with a batch: 200, a decision or an error line per item', async () => {
    const res = await post(JSON.stringify([TINY_REQUEST, { ...TINY_REQUEST, amount: 'lots' }]));
    expect(res.status).toBe(200);
    const out = (await res.json()) as { line: number; action?: string; field?: string }[];
    expect(out.map((d) => [d.line, d.action ?? d.field])).toEqual([
      [1, 'manual_review'],
      [2, 'amount'],
    ]);
  });

  it('bad JSON or a bad field: 400 with the error shape of decide', async () => {
    const bad = await post('{"request_id": "r1",');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      request_id: null,
      field: null,
      value: '{"request_id": "r1",',
      rule: expect.stringMatching(/^not valid JSON/),
    });
    const field = await post(JSON.stringify({ ...TINY_REQUEST, reason: 'because' }));
    expect(field.status).toBe(400);
    expect(await field.json()).toEqual({
      request_id: 'r1',
      field: 'reason',
      value: 'because',
      rule: 'must be one of not_received, damaged, not_as_described, quality, wrong_item, no_reason_7day, other',
      problems: [
        {
          field: 'reason',
          value: 'because',
          rule: 'must be one of not_received, damaged, not_as_described, quality, wrong_item, no_reason_7day, other',
        },
      ],
    });
  });

  it('unknown route 404, wrong method 405, body over the limit 413', async () => {
    expect((await fetch(`${base}/decisions`)).status).toBe(404);
    const wrong = await fetch(`${base}/decide`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
    const big = await post(JSON.stringify([...Array(100)].map(() => TINY_REQUEST)));
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({
      rule: 'request body larger than 4096 bytes (config serve.maxBodyBytes); send smaller batches',
    });
  });

  it('answers malformed HTTP with 400 and keeps serving', async () => {
    const socket = connect((server.address() as AddressInfo).port, '127.0.0.1');
    socket.write('NONSENSE / HTTP/9\r\n\r\n');
    const [reply] = (await once(socket, 'data')) as [Buffer];
    expect(reply.toString()).toMatch(/^HTTP\/1\.1 400/);
    socket.destroy();
    expect((await fetch(`${base}/health`)).status).toBe(200);
  });

  it('swaps in a newer scored week while requests keep being answered', async () => {
    expect(await reloader.check()).toBe(false);
    const wh = await Warehouse.open({ path: warehouse });
    await addScoredWeek(wh, '2026-11-09', 0.8);
    wh.close();
    const during = Array.from({ length: 20 }, () => post(JSON.stringify(TINY_REQUEST)));
    const swapped = reloader.check();
    const more = Array.from({ length: 20 }, () =>
      post(JSON.stringify({ ...TINY_REQUEST, requested_at: '2026-11-09T10:00:00Z' })),
    );
    expect(await swapped).toBe(true);
    const statuses = await Promise.all([...during, ...more].map(async (r) => (await r).status));
    expect(statuses.every((s) => s === 200)).toBe(true);
    const after = (await (await post(JSON.stringify(TINY_REQUEST))).json()) as {
      scores_as_of: string;
      buyer_risk: number;
    };
    expect(after).toMatchObject({ scores_as_of: '2026-11-09', buyer_risk: 0.8 });
  });
});
