// Renders every report file from the data objects: a pure function from ReportData to file name → contents.
import { fmtInt, fmtMoney, withCurrency } from './html/format.ts';
import type { PageContext } from './pages/pageContext.ts';
import { renderIndex, type IndexEntry } from './pages/indexPage.ts';
import { renderMerchantOperations } from './pages/merchantOperations.ts';
import {
  COMPENSATION_CSV,
  compensationCsv,
  MERCHANT_ACTIONS_CSV,
  merchantActionsCsv,
  SPOT_CHECKS_CSV,
  spotChecksCsv,
} from './pages/merchantOpsCsv.ts';
import { renderModelCard } from './pages/modelCard.ts';
import { renderPolicyImpact } from './pages/policyImpact.ts';
import { RISK_QUEUE_CSV, renderRiskQueue, riskQueueCsv } from './pages/riskQueue.ts';
import { renderWeeklyTrust } from './pages/weeklyTrust.ts';
import type { MerchantOpsData, ReportData } from './reportData.ts';
import { modelNotice, withModelNotice } from './html/modelNotice.ts';

export const REPORT_FILES = [
  'index.html',
  'weekly-trust.html',
  'risk-queue.html',
  RISK_QUEUE_CSV,
  'policy-impact.html',
  'model-card.html',
  'merchant-operations.html',
  MERCHANT_ACTIONS_CSV,
  SPOT_CHECKS_CSV,
  COMPENSATION_CSV,
] as const;
export type ReportFile = (typeof REPORT_FILES)[number];

/** Data from before the govern stage existed has no merchantOps: the page then says govern has not run. */
function merchantOps(d: ReportData): MerchantOpsData {
  return d.merchantOps ?? { asOf: d.asOf, actions: null, spotChecks: null, standards: null, ledger: null };
}

function merchantOpsStatus(m: MerchantOpsData): string {
  if (!m.actions) return 'no governance yet — run trustlens govern';
  const acting = m.actions.filter((r) => r.level > 0).length;
  return `${fmtInt(acting)} merchants with a recommended action, ${fmtInt(m.spotChecks?.rows.length ?? 0)} spot checks`;
}

function indexEntries(d: ReportData): IndexEntry[] {
  const scenarios = d.policy.results ? new Set(d.policy.results.map((r) => r.scenario)).size : 0;
  const models = d.modelCard.models.filter((m) => m.artifact.status === 'ok').map((m) => m.model);
  return [
    {
      file: 'weekly-trust.html',
      title: 'Weekly trust report',
      audience: 'Leadership',
      description:
        'Refund and refund-only rates, estimated abuse loss, flagged accounts, merchant trust tiers and movers, week over week.',
      status:
        d.coverage.current.status === 'complete'
          ? `${fmtInt(d.weekly.current.orders)} orders; estimated abuse loss ${fmtMoney(d.weekly.current.estimatedAbuseLoss)}`
          : `week ${d.coverage.current.status}: ${d.coverage.current.cause}`,
    },
    {
      file: 'risk-queue.html',
      title: 'Risk review queue',
      audience: 'Risk teams',
      description:
        'Accounts to review this week, ranked by expected loss, with reasons and linked accounts; also as CSV.',
      status: d.queue.rows
        ? `${fmtInt(d.queue.rows.length)} accounts queued, capacity ${fmtInt(d.queue.capacity)}`
        : 'no queue yet — run trustlens score',
    },
    {
      file: 'policy-impact.html',
      title: 'Refund policy impact',
      audience: 'Policy analysts',
      description:
        'Refund policies replayed against the status quo: abuse stopped, honest buyers burdened, cost and review workload, with intervals.',
      status: scenarios ? `${scenarios} scenarios compared` : 'no simulation results yet — run trustlens simulate',
    },
    {
      file: 'merchant-operations.html',
      title: 'Merchant operations',
      audience: 'Merchant governance',
      description:
        'Recommended actions on the penalty ladder with the violations behind them, escalations, spot checks, after-sales standards and the compensation ledger; also as CSV.',
      status: merchantOpsStatus(merchantOps(d)),
    },
    {
      file: 'model-card.html',
      title: 'Model card',
      audience: 'Analysts and auditors',
      description:
        'Training window, labels, metrics against rule baselines, calibration, feature importance, TreeSHAP, drift and known limits.',
      status: models.length ? `models: ${models.join(', ')}` : 'no model artifacts yet — run trustlens train',
    },
  ];
}

export function renderReports(d: ReportData): Record<ReportFile, string> {
  const ctx: PageContext = { settings: d.settings, coverage: d.coverage };
  // Scored by a starter model: every page says so first.
  const notice = modelNotice(d.scoredBy);
  const page = (html: string) => withModelNotice(html, notice);
  // Every amount on every page carries the configured currency (or none, with a note).
  return withCurrency(d.settings.currency, () => ({
    'index.html': page(renderIndex(d.asOf, indexEntries(d), ctx)),
    'weekly-trust.html': page(renderWeeklyTrust(d.weekly, ctx)),
    'risk-queue.html': page(renderRiskQueue(d.queue, ctx)),
    [RISK_QUEUE_CSV]: riskQueueCsv(d.queue),
    'policy-impact.html': page(renderPolicyImpact(d.policy, ctx)),
    'model-card.html': page(renderModelCard(d.modelCard, ctx)),
    'merchant-operations.html': page(renderMerchantOperations(merchantOps(d), ctx)),
    [MERCHANT_ACTIONS_CSV]: merchantActionsCsv(merchantOps(d)),
    [SPOT_CHECKS_CSV]: spotChecksCsv(merchantOps(d)),
    [COMPENSATION_CSV]: compensationCsv(merchantOps(d)),
  })) as Record<ReportFile, string>;
}
