// The queue page's rules as a reader sees them: the ranking sentence, the short-week notice and the already-handled
// list.
import { describe, expect, it } from 'vitest';
import { renderRiskQueue } from '../../reports/pages/riskQueue.ts';
import { DEFAULT_REPORT_SETTINGS, type RiskQueueData } from '../../reports/reportData.ts';
import { fixtureReportData } from './fixture/reportFixture.ts';

const data: RiskQueueData = {
  asOf: '2026-11-02',
  capacity: 200,
  totalExpectedLoss: 500,
  rows: [
    {
      rank: 1,
      buyerId: 'b7',
      risk: 0.62,
      tier: 'high',
      expectedLoss: 186,
      refundOnlyAmount30d: 300,
      reasons: ['3 refund-only requests in 30 days'],
      groupId: null,
      groupSize: 1,
      groupMembers: [],
      groupConfirmedAbusers: 0,
    },
  ],
  handled: [
    {
      rank: 1,
      buyerId: 'b2',
      risk: 0.91,
      tier: 'high',
      expectedLoss: 455,
      reasons: [],
      handledAs: 'confirmed_abuse',
      handledSince: '2026-10-01 09:00',
      caseId: 'c17',
    },
    {
      rank: 2,
      buyerId: 'b9',
      risk: 0.4,
      tier: 'elevated',
      expectedLoss: 40,
      reasons: [],
      handledAs: 'open_investigation',
      handledSince: '2026-10-28 10:30',
      caseId: 'c21',
    },
  ],
  summary: {
    capacity: 200,
    queued: 1,
    handled: 2,
    belowRiskFloor: 19_000,
    belowLossFloor: 310,
    minRisk: 0.2,
    minExpectedLoss: 10,
  },
};
const ctx = { settings: DEFAULT_REPORT_SETTINGS, coverage: fixtureReportData().coverage };
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('risk-queue.html', () => {
  const page = text(renderRiskQueue(data, ctx));

  it('explains the ranking in one sentence with the floors', () => {
    expect(page).toContain(
      'Ranked by expected loss — risk × the buyer’s refund-only money a month (the larger of the last 30 days and the 90-day monthly average) — largest first among accounts with risk ≥ 0.2 and ' +
        'expected loss ≥ 10.00, leaving out accounts already confirmed or under investigation (listed apart below); ties by risk, then id.',
    );
  });

  it('says why a week’s queue is short', () => {
    expect(page).toContain('short queue: 1 of 200 slots');
    expect(page).toContain(
      '19,000 were below the risk floor, 310 below the expected-loss floor, and 2 are already handled',
    );
  });

  it('lists the already-handled accounts apart, with verdict or open case', () => {
    expect(page).toMatch(
      /Already handled.*b2 confirmed abuse 2026-10-01 09:00 c17.*b9 open investigation 2026-10-28 10:30 c21/,
    );
  });

  it('shows no short-queue notice on a full week', () => {
    const full = text(renderRiskQueue({ ...data, summary: { ...data.summary!, capacity: 1 } }, ctx));
    expect(full).not.toContain('short queue');
  });
});
