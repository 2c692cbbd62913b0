// decide computes each request's features in memory exactly as feat_request.sql does, on a small generated marketplace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import { addDays } from '../../../data/time/isoDate.ts';
import { buildFeatures } from '../../../pipelines/features/buildFeatures.ts';
import { buildRequestFeatures } from '../../../pipelines/features/buildRequestFeatures.ts';
import { ingestInto } from '../../../pipelines/ingest/runIngest.ts';
import { createDecider } from '../../../pipelines/decide/createDecider.ts';
import { loadDeciderState, type DeciderState } from '../../../pipelines/decide/deciderState.ts';
import { requestContext } from '../../../pipelines/decide/requestContext.ts';
import { REQUEST_FEATURES, requestFeatureValues } from '../../../pipelines/decide/requestFeatures.ts';
import { parseRequest, type DecideRequest } from '../../../pipelines/decide/requestInput.ts';
import { loadPolicies } from '../../../pipelines/simulate/policy/loadPolicy.ts';
import { generateSmall, type Generated } from '../../data/synthetic/generateSmall.ts';

const WEEK = '2026-10-19';
const NEXT = addDays(WEEK, 7);

let gen: Generated;
let wh: Warehouse;
let state: DeciderState;

beforeAll(async () => {
  gen = await generateSmall();
  wh = await Warehouse.open({ path: ':memory:' });
  await ingestInto(wh, { from: gen.dir });
  await buildFeatures(wh, addDays(WEEK, -7));
  await buildFeatures(wh, WEEK);
  await buildFeatures(wh, NEXT);
  // Scores as a score stage would leave them (any deterministic values do: the features only carry them).
  await wh.run(`create table score_buyer_history as select as_of, buyer_id, (hash(buyer_id) % 1000) / 1000.0 as risk,
    case when (hash(buyer_id) % 1000) >= 500 then 'high' else 'normal' end as tier from feat_buyer_history`);
  await wh.run(`create table score_merchant_history as select as_of, merchant_id, 80 + (hash(merchant_id) % 200) / 10.0 as trust,
    'standard' as tier from feat_merchant_history`);
  await buildRequestFeatures(wh, NEXT);
  state = await loadDeciderState(wh, { asOf: WEEK, artifactsDir: '/nonexistent', orderDays: 365 });
}, 120_000);
afterAll(() => {
  wh?.close();
  gen?.cleanup();
});

describe('requestFeatureValues', () => {
  it('gives every feature of feat_request for each request of the week after the scored one', async () => {
    const rows = await wh.all(`select * from feat_request_history where as_of = $as_of::date order by request_id`, {
      as_of: NEXT,
    });
    const requests = await wh.all(
      `select request_id, order_id, strftime(requested_at, '%Y-%m-%dT%H:%M:%S.%gZ') as requested_at, kind, reason, amount::double as amount
       from refund_requests where request_id in (select request_id from feat_request_history where as_of = $as_of::date) order by request_id`,
      { as_of: NEXT },
    );
    expect(rows.length).toBeGreaterThan(20);
    expect(requests).toHaveLength(rows.length);
    requests.forEach((raw, i) => {
      const parsed = parseRequest(raw);
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const values = featureVector(state, parsed.request);
      REQUEST_FEATURES.forEach((name, f) => {
        const sql = rows[i]![name];
        const mine = values[f]!;
        if (sql === null) expect(Number.isNaN(mine), `${raw.request_id} ${name}: ${mine}`).toBe(true);
        else expect(mine, `${raw.request_id} ${name}`).toBeCloseTo(Number(sql), 9);
      });
    });
  });

  it('decides the same requests with the buyer and merchant scores of the held week', async () => {
    const [policy] = loadPolicies(['data/policies/risk-gated.yaml']);
    const decider = createDecider(state, policy!);
    const raw = await wh.all(
      `select r.request_id, r.order_id, strftime(r.requested_at, '%Y-%m-%dT%H:%M:%SZ') as requested_at, r.kind, r.reason, r.amount::double as amount,
         s.risk, m.trust from refund_requests r join orders o using (order_id)
       left join score_buyer_history s on s.buyer_id = o.buyer_id and s.as_of = $week::date
       left join score_merchant_history m on m.merchant_id = o.merchant_id and m.as_of = $week::date
       where r.requested_at >= $week::timestamp and r.requested_at < $next::timestamp order by r.request_id limit 50`,
      { week: WEEK, next: NEXT },
    );
    const out = decider.decideValues(
      raw.map(({ risk: _r, trust: _t, ...r }) => r),
      true,
    );
    out.forEach((d, i) => {
      if (!('action' in d)) throw new Error(JSON.stringify(d));
      expect(d.buyer_risk).toBe(raw[i]!.risk ?? null);
      expect(d.merchant_trust).toBe(raw[i]!.trust ?? null);
      expect(d.scores_as_of).toBe(WEEK);
      expect(d.request_risk).toBeNull();
      expect(d.notes).toEqual(['no request-risk model trained on or before the scored week: request risk unknown']);
    });
  });
});

/** The request-model input decide computes for one request, from the held week. */
function featureVector(s: DeciderState, r: DecideRequest): Float64Array {
  const { facts } = requestContext(s, r);
  if (!facts) throw new Error(`order ${r.order_id} not held`);
  const out = new Float64Array(REQUEST_FEATURES.length);
  requestFeatureValues(facts, out);
  return out;
}
