// Ground-truth check: share of truly abusive refund-only money stopped against status-quo, and honest requests
// burdened.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePolicies, passesTruthCheck } from '../../../pipelines/simulate/evaluatePolicies.ts';
import { parsePolicy } from '../../../pipelines/simulate/policy/loadPolicy.ts';
import { simWarehouse } from './simFixture.ts';
import { marketplace } from './requestFixture.ts';

describe('evaluatePolicies', () => {
  it('scores each policy against the generator truth, adding status-quo as the baseline', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'truth-'));
    mkdirSync(join(dir, 'truth'));
    writeFileSync(
      join(dir, 'truth', 'buyers.csv'),
      'buyer_id,archetype,is_abuser\nb1,serial_refunder,true\nb2,honest,false\nb3,honest,false\n',
    );
    writeFileSync(
      join(dir, 'truth', 'refund_requests.csv'),
      'request_id,is_abusive\nr1,true\nr2,true\nr3,false\nr4,false\nr5,false\n',
    );
    const wh = await simWarehouse(
      marketplace(
        [{ id: 'b1' }, { id: 'b2' }, { id: 'b3' }],
        [
          { id: 'r1', buyer: 'b1', amount: 60, at: '2026-10-05 10:00:00' },
          { id: 'r2', buyer: 'b1', amount: 40, at: '2026-10-06 10:00:00' },
          { id: 'r3', buyer: 'b2', amount: 30, at: '2026-10-07 10:00:00' },
          { id: 'r4', buyer: 'b3', amount: 20, at: '2026-10-08 10:00:00' },
          { id: 'r5', buyer: 'b3', amount: 20, at: '2026-10-09 10:00:00', status: 'rejected' },
        ],
        {
          buyerScores: [
            { as_of: '2026-10-05', buyer_id: 'b1', risk: 0.8 },
            { as_of: '2026-10-05', buyer_id: 'b2', risk: 0.05 },
            { as_of: '2026-10-05', buyer_id: 'b3', risk: 0.3 },
          ],
        },
      ),
    );
    const riskGated = parsePolicy(
      {
        name: 'risk-gated',
        rules: [
          { when: [{ field: 'buyer_risk', op: '>=', value: 0.5 }], action: 'manual_review' },
          { when: [{ field: 'buyer_risk', op: '>=', value: 0.2 }], action: 'refund_after_return' },
        ],
        default: 'instant_refund',
        settings: { reviewDetectionRate: 0.75 },
      },
      'risk-gated.yaml',
    );
    const rows = await evaluatePolicies(wh, { asOf: '2026-11-02', weeks: 12, truthDir: dir, policies: [riskGated] });
    wh.close();
    expect(rows).toEqual([
      {
        scenario: 'risk-gated',
        abusiveRefundOnlyPaidStatusQuo: 100,
        abusiveRefundOnlyPaid: 25,
        shareStopped: 0.75,
        honestRequests: 3,
        honestBurdened: 2, // r4 asked to return, r5 asked to return (recorded rejection no longer applies)
        honestBurdenedShare: 2 / 3,
        honestBurdenedAddedShare: 1 / 3,
      },
      {
        scenario: 'status-quo',
        abusiveRefundOnlyPaidStatusQuo: 100,
        abusiveRefundOnlyPaid: 100,
        shareStopped: 0,
        honestRequests: 3,
        honestBurdened: 1,
        honestBurdenedShare: 1 / 3,
        honestBurdenedAddedShare: 0,
      },
    ]);
    expect(passesTruthCheck(rows[0]!)).toBe(false);
  });
});
