// This week against a model's training profile, counted in the warehouse, gives the PSI and unknown shares that
// reports/psi.ts gives on the same values read into JavaScript.
import { afterEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../../data/warehouse/Warehouse.ts';
import type { ArtifactSummary } from '../../../models/artifactSchema.ts';
import { binShares, isKnown, quantileCuts } from '../../../models/metrics/populationBins.ts';
import { loadTrainingComparison } from '../../../reports/load/loadTrainingComparison.ts';
import { psiAgainstProfile } from '../../../reports/psi.ts';
import { fixtureReportData } from '../fixture/reportFixture.ts';
import { AS_OF, featureWarehouse, PREVIOUS, weekValues, type Values } from './featureWeeks.ts';

let wh: Warehouse | undefined;
afterEach(() => {
  wh?.close();
  wh = undefined;
});

const asNumbers = (rows: Values[], c: keyof Values) => rows.map((r) => (r[c] === null ? null : Number(r[c])));

/** A profile of `training` as training writes one: decile cuts of known values, shares with the missing bin last. */
function profileOf(training: Values[], columns: (keyof Values)[]) {
  return columns.map((name) => {
    const values = asNumbers(training, name);
    const cuts = quantileCuts(
      values.filter(isKnown).sort((a, b) => a - b),
      10,
    );
    const unknownShare = values.filter((v) => !isKnown(v)).length / values.length;
    return { name, unknownShare, cuts, shares: binShares(values, cuts) };
  });
}

function artifact(features: NonNullable<ArtifactSummary['trainingProfile']>['features']): ArtifactSummary {
  const base = fixtureReportData().modelCard.models[0]!.artifact;
  if (base.status !== 'ok') throw new Error('fixture artifact missing');
  return { ...base.summary, asOf: PREVIOUS, trainingProfile: { rows: 37, features } };
}

describe('the scored week against the training profile, in the warehouse', () => {
  it('gives the PSI and unknown share psiAgainstProfile gives on the rows, ages taken back to the training date', async () => {
    const training = weekValues(37, 7, 0);
    const current = weekValues(41, 11, 1);
    wh = await featureWarehouse(training, current);
    const columns: (keyof Values)[] = ['account_age_days', 'refund_only_count_90d', 'share_90d', 'flagged', 'amount'];
    const profile = profileOf(training, columns);
    // A profile whose shares do not fit its cuts has no PSI; a feature the table lacks is left out.
    const broken = { ...profile[1]!, name: 'constant', shares: [1] };
    const missing = { ...profile[1]!, name: 'not_a_column' };
    const t = await loadTrainingComparison(wh, AS_OF, artifact([...profile, broken, missing]));
    if (typeof t === 'string') throw new Error(t);
    const got = new Map(t.features.map((f) => [f.feature, f]));
    expect([...got.keys()].sort()).toEqual([...columns, 'constant'].sort());
    expect(got.get('constant')!.psi).toBeNull();
    for (const f of profile) {
      const values = asNumbers(current, f.name as keyof Values).map((v) =>
        v !== null && f.name === 'account_age_days' ? v - 7 : v,
      );
      expect(got.get(f.name)!.psi, f.name).toBe(psiAgainstProfile(f, values));
      expect(got.get(f.name)!.unknownNow, f.name).toBe(values.filter((v) => !isKnown(v)).length / values.length);
    }
  });

  it('is not made for a week without feature rows', async () => {
    const training = weekValues(20, 7, 0);
    wh = await featureWarehouse(training, []);
    const t = await loadTrainingComparison(wh, AS_OF, artifact(profileOf(training, ['refund_only_count_90d'])));
    expect(t).toBe(`Nothing to compare: the buyer snapshot of ${AS_OF} has no rows.`);
  });
});
