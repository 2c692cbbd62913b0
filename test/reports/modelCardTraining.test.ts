// The model card compares the scored week with the training data (absent sources, unknown shares, PSI) and measures
// drift of ages after advancing them, so a week older is not a "major shift".
import { afterEach, describe, expect, it } from 'vitest';
import { Warehouse } from '../../data/warehouse/Warehouse.ts';
import type { ArtifactSummary } from '../../models/artifactSchema.ts';
import { loadDrift } from '../../reports/load/loadDrift.ts';
import { loadTrainingComparison } from '../../reports/load/loadTrainingComparison.ts';
import { renderReports } from '../../reports/renderReports.ts';
import { fixtureReportData } from './fixture/reportFixture.ts';

let wh: Warehouse | undefined;
afterEach(() => wh?.close());

const AS_OF = '2026-11-02';
const LAST = '2026-10-26';

/** 40 buyers a week: ages one week older this week, a refund count that collapses to unknown this week. */
async function featureWeeks(): Promise<Warehouse> {
  const w = await Warehouse.open({ path: ':memory:', threads: 1 });
  await w.run(
    'create table feat_buyer_history (as_of date, buyer_id varchar, account_age_days integer, refund_only_count_90d integer)',
  );
  await w.run(
    `insert into feat_buyer_history
     select date '${LAST}', 'b' || i, 30 + 10 * i, i % 5 from range(40) t(i)
     union all
     select date '${AS_OF}', 'b' || i, 37 + 10 * i, case when i < 30 then null else i % 5 end from range(40) t(i)`,
  );
  await w.run('create table buyers (buyer_id varchar, registered_at timestamp)');
  await w.run(`insert into buyers values ('b0', timestamp '2025-01-01')`);
  await w.run('create table reviews (review_id varchar, order_id varchar, rating integer, created_at timestamp)');
  return w;
}

function artifactWithProfile(): ArtifactSummary {
  const base = fixtureReportData().modelCard.models[0]!.artifact;
  if (base.status !== 'ok') throw new Error('fixture artifact missing');
  // Training rows as of the artifact's date (2026-10-26): ages 30…420 in ten equal bins (the missing bin last), counts
  // 0…4.
  const ageCuts = Array.from({ length: 9 }, (_, i) => 70 + 40 * i);
  return {
    ...base.summary,
    asOf: LAST,
    trainingProfile: {
      rows: 40,
      features: [
        { name: 'account_age_days', unknownShare: 0, cuts: ageCuts, shares: [...Array<number>(10).fill(0.1), 0] },
        { name: 'refund_only_count_90d', unknownShare: 0, cuts: [0, 1, 2, 3], shares: [0, 0.2, 0.2, 0.2, 0.4, 0] },
      ],
      sources: { buyers: 1, reviews: 5_000, investigations: 0 },
    },
  };
}

describe('the scored week against the training data', () => {
  it('finds a source present at training and empty now, features unknown far more often, and the PSI of each', async () => {
    wh = await featureWeeks();
    const t = await loadTrainingComparison(wh, AS_OF, artifactWithProfile());
    if (typeof t === 'string') throw new Error(t);
    expect(t.sources).toEqual([{ table: 'reviews', training: 5_000, now: 0 }]);
    const count = t.features.find((f) => f.feature === 'refund_only_count_90d')!;
    expect(count.unknownTraining).toBe(0);
    expect(count.unknownNow).toBe(0.75);
    // Ages are taken back to the training date before comparing: the same buyers a week older are no shift.
    const age = t.features.find((f) => f.feature === 'account_age_days')!;
    expect(age.psi).toBeLessThan(0.1);
  });

  it('is not made when the artifact holds no profile or the week no rows, and says which', async () => {
    wh = await featureWeeks();
    const { trainingProfile: _, ...old } = artifactWithProfile();
    expect(await loadTrainingComparison(wh, AS_OF, old)).toBe(
      'The artifact holds no profile of its training data (it was trained before trustlens recorded one); retrain to get the comparison.',
    );
    expect(await loadTrainingComparison(wh, '2030-01-07', artifactWithProfile())).toBe(
      'Nothing to compare: the buyer snapshot of 2030-01-07 has no rows.',
    );
    // request risk compares the week's requests (feat_request_history), which this warehouse does not have
    expect(await loadTrainingComparison(wh, AS_OF, { ...artifactWithProfile(), model: 'request-risk' })).toBe(
      'The warehouse has no feat_request_history to compare with.',
    );
  });

  it('warns on the card with the absent table, the unknown share and the PSI, before the metrics', () => {
    const page = renderReports(fixtureReportData())['model-card.html'];
    const warning = page.slice(page.indexOf('this week’s data looks unlike'), page.indexOf('Validation metrics'));
    expect(warning).toContain('<code>reviews</code> (74,818 rows then)');
    expect(warning).toContain('<code>not_received_share_90d</code> 97% (was 62%)');
    expect(warning).toContain('PSI above 0.25');
    expect(warning).toContain('<code>refund_only_count_90d</code> 0.31');
  });
});

describe('the request-risk section', () => {
  it('names its own label and why its score features were unknown in training, and why it is not compared', () => {
    const data = fixtureReportData();
    const trust = data.modelCard.models[1]!;
    if (trust.artifact.status !== 'ok') throw new Error('fixture artifact missing');
    data.modelCard.models.push({
      model: 'request-risk',
      artifact: { ...trust.artifact, summary: { ...trust.artifact.summary, model: 'request-risk' } },
      training: null,
      trainingUnavailable: 'Nothing to compare: the week of refund requests before 2026-11-02 has no rows.',
    });
    const page = renderReports(data)['model-card.html'];
    const section = page.slice(page.indexOf('id="model-request-risk"'));
    expect(section).toContain('Labels are investigations closed with confirmed abuse of the requesting buyer');
    expect(section).not.toContain('serious platform actions');
    expect(section).toContain('requests of weeks before the warehouse’s first scored week');
    expect(section).toContain('Nothing to compare: the week of refund requests before 2026-11-02 has no rows.');
  });
});

describe('drift of ages', () => {
  it('advances last week’s ages by the days between the weeks: a population a week older shows no drift', async () => {
    wh = await featureWeeks();
    const d = await loadDrift(wh, AS_OF, { subject: 'Buyer features', table: 'feat_buyer_history' });
    const age = d.rows!.find((r) => r.feature === 'account_age_days')!;
    expect(age.psi).toBe(0);
    expect(age.adjusted).toBe("last week's values advanced 7 days");
    expect(d.rows!.find((r) => r.feature === 'refund_only_count_90d')!.psi).toBeGreaterThan(0.25);
  });
});
