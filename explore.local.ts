// scratch: policy threshold exploration (not committed)
import { Warehouse } from './data/warehouse/Warehouse.ts';
import { evaluatePolicies } from './pipelines/simulate/evaluatePolicies.ts';
import { parsePolicy } from './pipelines/simulate/policy/loadPolicy.ts';
import { loadPolicies } from './pipelines/simulate/policy/loadPolicy.ts';

const [db, truth, asOf, artifacts] = process.argv.slice(2);
const wh = await Warehouse.open({ path: db! });
const base = loadPolicies(['data/policies/status-quo.yaml', 'data/policies/risk-gated.yaml']);
const mk = (name: string, rr: number, br: number, rrReview: number, exempt: boolean, flagged = 'manual_review') =>
  parsePolicy({
    name,
    rules: [
      { when: [{ field: 'kind', op: '!=', value: 'refund_only' }], action: 'as_recorded' },
      { when: [{ field: 'group_confirmed_abusers', op: '>=', value: 1 }], action: flagged, exemptFromDeadline: exempt },
      { when: [{ field: 'buyer_risk', op: '>=', value: 0.5 }], action: flagged, exemptFromDeadline: exempt },
      ...(rrReview <= 1 ? [{ when: [{ field: 'request_risk', op: '>=', value: rrReview }], action: 'manual_review' }] : []),
      { when: [{ field: 'request_risk', op: '>=', value: rr }], action: 'refund_after_return', exemptFromDeadline: exempt },
      { when: [{ field: 'buyer_risk', op: '>=', value: br }], action: 'refund_after_return' },
    ],
    default: 'instant_refund',
    settings: { reviewCapacityPerWeek: 300, overflowAction: 'refund_after_return', merchantResponseHours: 48 },
  }, name);
const grid = [];
for (const rr of [0.15, 0.2, 0.25, 0.3]) for (const fl of ['manual_review', 'refund_after_return']) grid.push(mk(`rr${rr * 100}-${fl === 'manual_review' ? 'rev' : 'ret'}`, rr, 1, 2, true, fl));
const rows = await evaluatePolicies(wh, { asOf: asOf!, weeks: 12, truthDir: truth!, policies: [...base, ...grid], artifactsDir: artifacts });
for (const r of rows) console.log(r.scenario.padEnd(22), (100 * (r.shareStopped ?? 0)).toFixed(1), (100 * (r.honestBurdenedAddedShare ?? 0)).toFixed(2));
await wh.run("copy (select c.*, t.is_abusive as truth_abusive from sim_context c join read_parquet($p) t using (request_id)) to '/tmp/dec/ctx.parquet' (format parquet)", { p: `${truth}/truth/refund_requests.parquet` });
wh.close();
