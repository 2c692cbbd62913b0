// merchant-operations.html for merchant governance: the week's recommended actions with reasons, escalations, spot
// checks, standards and the ledger.
import { CATEGORIES } from '../../data/contracts/categories.ts';
import { standardById, STANDARDS } from '../../data/vocabulary/governStandards.ts';
import { ACTIONS } from '../../data/vocabulary/ladderActions.ts';
import { actionLabel, renderActionBadge } from '../html/actionBadge.ts';
import { html, type SafeHtml } from '../html/escapeHtml.ts';
import { dataId, dataIds, dataText } from '../html/dataText.ts';
import { fmtAmount, fmtInt, fmtMoney, fmtNumber, fmtPct } from '../html/format.ts';
import { renderKpis } from '../html/kpi.ts';
import { renderPage } from '../html/page.ts';
import { renderDefinitions, renderNotice, renderSection } from '../html/section.ts';
import { renderTable } from '../html/table.ts';
import type {
  CompensationRow,
  MerchantActionRow,
  MerchantOpsData,
  SpotCheckRow,
  StandardPassRate,
} from '../reportData.ts';
import { COMPENSATION_CSV, MERCHANT_ACTIONS_CSV, SPOT_CHECKS_CSV } from './merchantOpsCsv.ts';
import { renderCoverageNotices } from '../html/dataNotice.ts';
import { currencyNote } from '../html/currencyNote.ts';
import { categoryLabel } from '../html/labels.ts';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../reportData.ts';
import type { PageContext } from './pageContext.ts';

/** Violations shown per merchant; the CSV has them all. */
const MAX_VIOLATIONS_SHOWN = 4;
/** Ledger rows shown on the page; the CSV has every merchant and week. */
const MAX_LEDGER_ROWS = 25;
/** Merchants shown per table (a level, the escalations); the CSV has them all. */
const MAX_ACTION_ROWS = 50;

const merchantCell = (r: { name: string; merchantId: string }) =>
  html`${dataText(r.name)}<br>${dataId(r.merchantId, 'muted')}`;

function violationList(v: readonly string[]): SafeHtml {
  if (v.length === 0) return html`<span class="muted">points expired</span>`;
  const shown = v.slice(0, MAX_VIOLATIONS_SHOWN);
  const more = v.length - shown.length;
  return html`<ul class="reasons">${shown.map((x) => html`<li>${x}</li>`)}</ul>${more > 0 ? html`<span class="muted">+${fmtInt(more)} earlier (see ${MERCHANT_ACTIONS_CSV})</span>` : ''}`;
}

function changeCell(r: MerchantActionRow): SafeHtml {
  if (r.change === 'escalated') return html`▲ from ${actionLabel(r.previousAction)}`;
  if (r.change === 'de-escalated') return html`▼ from ${actionLabel(r.previousAction)}`;
  const held =
    r.targetAction !== r.action
      ? html`<br><span class="muted">points support ${actionLabel(r.targetAction)}; one step a week</span>`
      : '';
  return html`<span class="muted">unchanged</span>${held}`;
}

function actionsTable(all: readonly MerchantActionRow[], caption: string, empty: string): SafeHtml {
  const rows = all.slice(0, MAX_ACTION_ROWS);
  const more = all.length - rows.length;
  const table = renderTable<MerchantActionRow>({
    rows,
    caption,
    empty,
    columns: [
      { header: 'Merchant', cell: merchantCell },
      { header: 'Category', cell: (r) => dataText(categoryLabel(r.category)) },
      {
        header: 'Action',
        cell: (r) =>
          html`${renderActionBadge(r.action)}${r.deadline ? html`<br><span class="muted">fix by ${r.deadline}</span>` : ''}`,
      },
      { header: 'Since last week', cell: changeCell },
      {
        header: 'Points',
        align: 'num',
        help: 'Active points (not yet expired); in brackets, earned this week',
        cell: (r) => html`${fmtNumber(r.pointsActive, 0)} <span class="muted">(+${fmtNumber(r.pointsWeek, 0)})</span>`,
      },
      { header: 'Violations behind it', className: 'wrap', cell: (r) => violationList(r.violations) },
    ],
  });
  return more > 0 ? html`${table}<p class="muted">${fmtInt(more)} more in ${MERCHANT_ACTIONS_CSV}.</p>` : table;
}

function headline(d: MerchantOpsData, actions: readonly MerchantActionRow[]): SafeHtml {
  const acting = actions.filter((r) => r.level > 0);
  const severe = acting.filter((r) => r.action === 'suspension' || r.action === 'closure');
  const thisWeek = (d.ledger ?? []).filter((r) => r.asOf === d.asOf);
  const confirmed = thisWeek.reduce((s, r) => s + r.confirmedAmount, 0);
  const expected = thisWeek.reduce((s, r) => s + r.expectedAmount, 0);
  return renderKpis([
    {
      label: 'Merchants with an action',
      value: fmtInt(acting.length),
      note: `${fmtInt(acting.filter((r) => r.action === 'warning').length)} of them warnings`,
    },
    { label: 'Escalated since last week', value: fmtInt(actions.filter((r) => r.change === 'escalated').length) },
    { label: 'Suspension or closure', value: fmtInt(severe.length), note: 'recommended this week' },
    {
      label: 'Spot checks',
      value: d.spotChecks ? fmtInt(d.spotChecks.rows.length) : fmtInt(null),
      note: d.spotChecks ? `of ${fmtInt(d.spotChecks.population)} active merchants` : undefined,
    },
    {
      label: 'Compensation this week',
      value: fmtMoney(confirmed),
      note: `confirmed abuse; ${fmtMoney(expected)} more expected`,
    },
  ]);
}

function actionsSection(actions: readonly MerchantActionRow[]): SafeHtml {
  const levels = [...ACTIONS].reverse().filter((a) => a !== 'none');
  const parts = levels
    .map((a) => actions.filter((r) => r.action === a))
    .filter((rows) => rows.length > 0)
    .map((rows) => actionsTable(rows, `${actionLabel(rows[0]!.action)} (${fmtInt(rows.length)})`, ''));
  if (parts.length === 0)
    return renderNotice(
      'info',
      'no merchant needs an action this week',
      'No standard failed often enough to earn points that are still active.',
    );
  return html`${parts}`;
}

function escalationsSection(actions: readonly MerchantActionRow[]): SafeHtml {
  const up = actions.filter((r) => r.change === 'escalated');
  const down = actions.filter((r) => r.change === 'de-escalated');
  return html`${actionsTable(up, `Escalated (${fmtInt(up.length)})`, 'No merchant moved up the ladder since last week.')}${down.length ? actionsTable(down, `Came down (${fmtInt(down.length)}): points expired`, '') : ''}`;
}

function spotSection(d: NonNullable<MerchantOpsData['spotChecks']>): SafeHtml {
  const table = renderTable<SpotCheckRow>({
    rows: d.rows,
    columns: [
      { header: 'Merchant', cell: merchantCell },
      { header: 'Category', cell: (r) => dataText(categoryLabel(r.category)) },
      { header: 'Drawn by', cell: (r) => (r.stratum === 'risk' ? 'risk' : 'uniform draw') },
      { header: 'Inclusion probability', align: 'num', cell: (r) => fmtNumber(r.inclusionProbability, 3) },
      { header: 'Weight 1/π', align: 'num', cell: (r) => fmtNumber(1 / r.inclusionProbability, 1) },
      { header: 'Trust', align: 'num', cell: (r) => fmtNumber(r.trust, 1) },
      {
        header: 'Failed this week',
        className: 'wrap',
        cell: (r) =>
          r.failedStandards.length
            ? r.failedStandards.map((s) => standardById(s)?.label ?? s).join(', ')
            : html`<span class="muted">none</span>`,
      },
    ],
  });
  return html`<p>${fmtInt(d.riskDraws)} drawn with probability proportional to risk, ${fmtInt(d.randomDraws)} uniformly from the other ${fmtInt(d.population - d.riskDraws)} of ${fmtInt(d.population)} active merchants, so every merchant can be checked. Export: <a href="${SPOT_CHECKS_CSV}">${SPOT_CHECKS_CSV}</a> (with an empty <code>inspection_result</code> column for the team).</p>${table}`;
}

function limitText(r: StandardPassRate, unit: 'hours' | 'share'): string {
  const cmp = r.direction === 'min' ? '≥' : '≤';
  return unit === 'hours' ? `${cmp} ${fmtNumber(r.limit, 1)} h` : `${cmp} ${fmtPct(r.limit, 0)}`;
}

function standardsSection(rows: readonly StandardPassRate[]): SafeHtml {
  const present = new Set(rows.map((r) => r.category));
  const categories = [
    ...CATEGORIES.filter((c) => present.has(c)),
    ...[...present].filter((c) => c !== 'all' && !(CATEGORIES as readonly string[]).includes(c)).sort(),
    'all',
  ];
  const known = STANDARDS.map((s) => s.id);
  const standards = [
    ...known.filter((id) => rows.some((r) => r.standard === id)),
    ...[...new Set(rows.map((r) => r.standard))].filter((s) => !known.includes(s)).sort(),
  ];
  const get = (standard: string, category: string) =>
    rows.find((r) => r.standard === standard && r.category === category);
  const cell = (r: StandardPassRate | undefined): SafeHtml => {
    if (!r || r.judged === 0) return html`<span class="muted">—</span>`;
    return html`${fmtPct(r.passed / r.judged, 0)}<br><span class="muted">of ${fmtInt(r.judged)}</span>`;
  };
  return renderTable<string>({
    rows: standards,
    columns: [
      {
        header: 'Standard',
        cell: (s) => {
          const info = standardById(s);
          const all = get(s, 'all')!;
          return html`${info?.label ?? s}<br><span class="muted">${limitText(all, info?.unit ?? 'share')}, at least ${fmtInt(all.minCases)} cases</span>`;
        },
      },
      { header: 'Area', cell: (s) => standardById(s)?.area ?? '' },
      ...categories.map((c) => ({
        header: c === 'all' ? 'All merchants' : dataText(categoryLabel(c)),
        align: 'num' as const,
        cell: (s: string) => cell(get(s, c)),
      })),
      // only where the scorecard was judged on evidence (govern.confidence above 0.5): otherwise always 0
      ...(rows.some((r) => r.withinChance > 0)
        ? [
            {
              header: 'Within chance',
              align: 'num' as const,
              help: 'Merchants past the limit whose few cases could show it by chance: no failure, no points',
              cell: (s: string) => fmtInt(get(s, 'all')?.withinChance),
            },
          ]
        : []),
      {
        header: 'No verdict',
        align: 'num',
        help: 'Merchants with some cases, but fewer than the minimum',
        cell: (s: string) => fmtInt(get(s, 'all')?.tooFew),
      },
    ],
  });
}

function ledgerSection(d: MerchantOpsData, rows: readonly CompensationRow[]): SafeHtml {
  const thisWeek = rows.filter((r) => r.asOf === d.asOf);
  const shown = thisWeek.slice(0, MAX_LEDGER_ROWS);
  const table = renderTable<CompensationRow>({
    rows: shown,
    empty: 'No refund-only money paid to abusers this week.',
    columns: [
      { header: 'Merchant', cell: merchantCell },
      {
        header: 'Confirmed',
        align: 'num',
        help: 'Paid for kept goods to buyers with a confirmed-abuse verdict',
        cell: (r) =>
          html`${fmtAmount(r.confirmedAmount)}<br><span class="muted">${fmtInt(r.confirmedRequests)} request${r.confirmedRequests === 1 ? '' : 's'}</span>`,
      },
      {
        header: 'Expected',
        align: 'num',
        help: 'Paid to other buyers, weighted by their abuse risk',
        cell: (r) =>
          html`${fmtAmount(r.expectedAmount)}<br><span class="muted">${fmtInt(r.expectedRequests)} request${r.expectedRequests === 1 ? '' : 's'}</span>`,
      },
      { header: 'Confirmed so far', align: 'num', cell: (r) => fmtAmount(r.cumulativeConfirmed) },
      { header: 'Expected so far', align: 'num', cell: (r) => fmtAmount(r.cumulativeExpected) },
      {
        header: 'Confirmed requests',
        className: 'wrap',
        cell: (r) =>
          r.confirmedRequestIds.length ? dataIds(r.confirmedRequestIds) : html`<span class="muted">—</span>`,
      },
    ],
  });
  const more = thisWeek.length - shown.length;
  return html`${table}${more > 0 ? html`<p class="muted">${fmtInt(more)} more merchants this week in ${COMPENSATION_CSV}.</p>` : ''}`;
}

type Ladder = ReportSettings['govern']['ladder'];
/** The active points at which each level starts. */
const LEVEL_POINTS: Partial<Record<(typeof ACTIONS)[number], (l: Ladder) => number>> = {
  warning: (l) => l.warningPoints,
  rectification: (l) => l.rectificationPoints,
  demotion: (l) => l.demotionPoints,
  point_deduction: (l) => l.pointDeductionPoints,
  suspension: (l) => l.suspensionPoints,
  closure: (l) => l.closurePoints,
};

/** The page's terms, with the numbers the run used (config govern.windowDays and govern.ladder). */
function definitions(settings: ReportSettings): { term: string; definition: string }[] {
  const g = settings.govern;
  const l = g.ladder;
  const weeks = (n: number) => `${fmtInt(n)} week${n === 1 ? '' : 's'}`;
  const levels = ACTIONS.map((a) => ({ a, at: LEVEL_POINTS[a]?.(l) })).filter((x) => x.at !== undefined);
  return [
    {
      term: 'Scorecard',
      definition: `Each week, every standard is judged on the cases of the ${fmtInt(g.windowDays)} days before the date: the merchant’s value, its category’s median, the cases behind it, and ${g.confidence > 0.5 ? `a verdict. Fail: past the limit by more than the cases could show by chance (${fmtPct(g.confidence, Math.abs(g.confidence * 100 - Math.round(g.confidence * 100)) < 1e-9 ? 0 : 1)} one-sided confidence, Wilson bound of the share of failed cases; for a median, of the cases over the limit). Within chance: past the limit, but so few cases could show that by chance; no points` : 'pass or fail'}; fewer cases than the standard’s minimum give no verdict.`,
    },
    {
      term: 'Points',
      definition: `A failed standard earns its points (listed with each standard), ${fmtNumber(l.repeatMultiplier, l.repeatMultiplier % 1 ? 1 : 0)} times as many when the same standard failed within the previous ${weeks(l.repeatWindowWeeks)}; points expire after ${weeks(l.decayWeeks)}.`,
    },
    {
      term: 'Ladder',
      definition: `${levels.map((x) => `${actionLabel(x.a)} from ${fmtNumber(x.at!, x.at! % 1 ? 1 : 0)} active point${x.at === 1 ? '' : 's'}`).join(', ')}; at most ${fmtInt(l.maxStepsPerWeek)} step${l.maxStepsPerWeek === 1 ? '' : 's'} up a week, straight down when points expire.`,
    },
    {
      term: 'Inclusion probability',
      definition:
        'The chance this week’s design picks the merchant. With inspection results y (1 = failed), the platform-wide failure rate is estimated by (1/N) Σ y / π over the sample (Horvitz–Thompson), N the active merchants.',
    },
    {
      term: 'Compensation',
      definition:
        'Confirmed: refund-only money paid for kept goods to buyers with a confirmed-abuse verdict, known at the as-of date. Expected: the same for other buyers × their latest abuse risk. Past weeks are restated as verdicts arrive.',
    },
  ];
}

/** `ctx`, when given, opens the page with the week's data notice like every other page. */
export function renderMerchantOperations(d: MerchantOpsData, ctx?: PageContext): string {
  let body: SafeHtml;
  if (d.actions === null) {
    body = renderNotice(
      'missing',
      'no merchant governance for this week',
      html`A week whose orders, refund requests, service tickets or reviews are missing or cut short against the weeks before is not judged (its missing updates would read as failures): load its files and run it. Otherwise run <code>trustlens govern --as-of ${d.asOf}</code> (after <code>trustlens score</code>) to compute the scorecards, the penalty ladder, the spot checks and the ledger.`,
    );
  } else {
    const actions = d.actions;
    body = html`${headline(d, actions)}
${renderSection('actions', 'Recommended actions', actionsSection(actions), html`By level, strongest first. Each failed standard earns its points; points expire, a repeat within the window costs more, and a merchant moves up at most the configured steps a week. Export: <a href="${MERCHANT_ACTIONS_CSV}">${MERCHANT_ACTIONS_CSV}</a>.`)}
${renderSection('escalations', 'Escalations since last week', escalationsSection(actions))}
${renderSection('spot-checks', 'Spot checks', d.spotChecks ? spotSection(d.spotChecks) : renderNotice('missing', 'no spot-check sample for this week', 'The sample is drawn by the govern stage for its as-of date only.'))}
${renderSection('standards', 'Scorecard standards: pass rates by category', d.standards ? standardsSection(d.standards) : renderNotice('missing', 'no scorecard for this week', ''), 'Share of merchants that passed each standard this week, by main category, among merchants with enough cases for a verdict. Requests, tickets and reviews of buyers flagged as abusers at the time are left out, so a shop is not judged on its abusers.')}
${renderSection('ledger', 'Compensation ledger', d.ledger ? ledgerSection(d, d.ledger) : renderNotice('missing', 'no compensation ledger', ''), html`Refund-only money paid this week for goods buyers kept: to buyers with a confirmed-abuse verdict (what the platform owes the merchant), and the risk-weighted expected amount for the rest. Every week and merchant: <a href="${COMPENSATION_CSV}">${COMPENSATION_CSV}</a>. ${currencyNote((ctx?.settings ?? DEFAULT_REPORT_SETTINGS).currency)}`)}`;
  }
  const settings = ctx?.settings ?? DEFAULT_REPORT_SETTINGS;
  const defs = renderSection('definitions', 'Definitions', renderDefinitions(definitions(settings)));
  return renderPage({
    asOf: d.asOf,
    page: 'merchant-operations',
    title: 'Merchant operations',
    lede: 'For the merchant-governance team: recommended actions on the penalty ladder with the violations behind them, this week’s spot checks, the after-sales standards, and what merchants bore in abusive refund-only money.',
    notices: ctx ? renderCoverageNotices(ctx.coverage) : '',
    body: html`${body}${defs}`,
  });
}
