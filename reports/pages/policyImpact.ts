// policy-impact.html for policy analysts: refund policies replayed side by side against the status quo, with intervals.
import { html, type SafeHtml } from '../html/escapeHtml.ts';
import { computeDelta, renderDelta } from '../html/delta.ts';
import { fmtNumber } from '../html/format.ts';
import { renderPage } from '../html/page.ts';
import { renderDefinitions, renderNotice, renderSection } from '../html/section.ts';
import { renderTable } from '../html/table.ts';
import { barRankChart } from '../charts/barRankChart.ts';
import { segmentDotChart } from '../charts/segmentDotChart.ts';
import { tradeoffChart } from '../charts/tradeoffChart.ts';
import type { PolicyImpactData, SimResult } from '../reportData.ts';
import { orderMetrics, SIM_METRICS, simMetricInfo } from './simMetrics.ts';

type Lookup = (scenario: string, segment: string, metric: string) => SimResult | undefined;

/** The abuse-stopped measures the simulate stage writes: expected (risk-weighted) first, else confirmed. */
const ABUSE_STOPPED = ['abusive_amount_stopped_expected', 'abusive_amount_stopped_confirmed'];

function pickMetric(results: readonly SimResult[], candidates: readonly string[]): string {
  return candidates.find((m) => results.some((r) => r.metric === m)) ?? (candidates[0] as string);
}

function lookupOf(results: readonly SimResult[]): Lookup {
  const map = new Map(results.map((r) => [`${r.scenario}\u0000${r.segment}\u0000${r.metric}`, r]));
  return (scenario, segment, metric) => map.get(`${scenario}\u0000${segment}\u0000${metric}`);
}

function cell(r: SimResult | undefined, metric: string, base: SimResult | undefined, isBaseline: boolean): SafeHtml {
  if (!r) return html`<span class="muted">—</span>`;
  const info = simMetricInfo(metric);
  const interval =
    r.lo !== null && r.hi !== null
      ? html`<span class="interval">95% ${info.format(r.lo)} – ${info.format(r.hi)}</span>`
      : '';
  // Differences in the metric's own unit: a relative change from a status quo of zero would be undefined.
  const delta =
    !isBaseline && base
      ? html`${interval ? '' : html`<br>`}${renderDelta(computeDelta(r.value, base.value, { kind: 'absolute', higherIsBetter: info.higherIsBetter, format: info.formatDiff ?? ((m) => info.format(m)) }), '')}`
      : '';
  return html`${info.format(r.value)}${interval}${delta}`;
}

function scenarioTable(
  scenarios: readonly string[],
  baseline: string,
  segment: string,
  metrics: readonly string[],
  get: Lookup,
): SafeHtml {
  return renderTable<string>({
    rows: metrics,
    columns: [
      {
        header: 'Metric',
        cell: (m) => html`<span title="${simMetricInfo(m).description}">${simMetricInfo(m).label}</span>`,
      },
      ...scenarios.map((s) => ({
        header: s === baseline ? `${s} (baseline)` : s,
        align: 'num' as const,
        cell: (m: string) => cell(get(s, segment, m), m, get(baseline, segment, m), s === baseline),
      })),
    ],
  });
}

function segmentTable(
  kind: string,
  segments: readonly string[],
  scenarios: readonly string[],
  baseline: string,
  metric: string,
  get: Lookup,
): SafeHtml {
  return renderTable<string>({
    caption: simMetricInfo(metric).label,
    rows: segments,
    columns: [
      { header: kind, cell: (seg) => seg.slice(seg.indexOf('=') + 1) },
      ...scenarios.map((s) => ({
        header: s,
        align: 'num' as const,
        cell: (seg: string) => cell(get(s, seg, metric), metric, get(baseline, seg, metric), s === baseline),
      })),
    ],
  });
}

function segmentSection(
  prefix: string,
  kind: string,
  results: readonly SimResult[],
  scenarios: readonly string[],
  baseline: string,
  get: Lookup,
): SafeHtml {
  const segments = [...new Set(results.filter((r) => r.segment.startsWith(`${prefix}=`)).map((r) => r.segment))].sort();
  if (segments.length === 0)
    return renderNotice(
      'info',
      `no ${kind.toLowerCase()} breakdown`,
      'The simulate stage wrote no results for this segment.',
    );
  const labels = segments.map((s) => s.slice(prefix.length + 1));
  const parts: SafeHtml[] = [];
  const charts: SafeHtml[] = [];
  for (const metric of [pickMetric(results, ABUSE_STOPPED), 'honest_burdened_rate']) {
    const rows = results.filter((r) => r.metric === metric && segments.includes(r.segment));
    if (rows.length === 0) continue;
    const info = simMetricInfo(metric);
    charts.push(
      segmentDotChart({
        id: `${prefix.replace(/_/g, '-')}-${metric.replace(/_/g, '-')}`,
        title: `${info.label} by ${kind.toLowerCase()}`,
        subtitle: 'Dot = estimate; line = 95% interval.',
        points: rows.map((r) => ({
          segment: r.segment.slice(prefix.length + 1),
          scenario: r.scenario,
          value: r.value,
          lo: r.lo,
          hi: r.hi,
        })),
        baseline,
        xLabel: info.label,
        xFormat: info.tickFormat,
        segments: labels,
      }),
    );
    parts.push(segmentTable(kind, segments, scenarios, baseline, metric, get));
  }
  return html`<div class="charts">${charts}</div>${parts}`;
}

function tradeoff(
  results: readonly SimResult[],
  scenarios: readonly string[],
  baseline: string,
  get: Lookup,
  segment = 'overall',
): SafeHtml {
  const points = scenarios.flatMap((s) => {
    const x = get(s, segment, 'honest_burdened_rate');
    const y = get(s, segment, pickMetric(results, ABUSE_STOPPED));
    return x && y ? [{ scenario: s, x: x.value, xLo: x.lo, xHi: x.hi, y: y.value, yLo: y.lo, yHi: y.hi }] : [];
  });
  if (points.length === 0)
    return renderNotice(
      'info',
      'no trade-off data',
      'The simulation did not report abusive_amount_stopped_expected (or _confirmed) and honest_burdened_rate.',
    );
  const workload = scenarios.flatMap((s) => {
    const r = get(s, segment, 'review_workload');
    return r ? [{ label: s, value: r.value }] : [];
  });
  const capacity =
    get(scenarios[0] ?? baseline, segment, 'review_capacity') ?? results.find((r) => r.metric === 'review_capacity');
  return html`<div class="charts">${tradeoffChart({
    id: 'tradeoff',
    title: 'Abuse stopped vs honest buyers burdened',
    subtitle: 'Up = more abuse money stopped; right = more honest buyers burdened. Lines are 95% intervals.',
    points,
    baseline,
    xLabel: 'honest buyers burdened',
    yLabel: simMetricInfo(pickMetric(results, ABUSE_STOPPED)).label.toLowerCase(),
    xFormat: '.1%',
    yFormat: '~s',
  })}${
    workload.length
      ? barRankChart({
          id: 'review-workload',
          title: 'Manual reviews per week',
          subtitle: capacity ? `Dashed line: review capacity (${fmtNumber(capacity.value)}).` : undefined,
          bars: workload,
          keepOrder: true,
          xLabel: 'reviews per week',
          xFormat: ',.0f',
          rules: capacity ? [{ x: capacity.value, label: 'capacity' }] : [],
        })
      : ''
  }</div>`;
}

export function renderPolicyImpact(d: PolicyImpactData): string {
  let body: SafeHtml;
  if (!d.results || d.results.length === 0) {
    body = renderNotice(
      'missing',
      'no simulation results for this week',
      html`Run <code>trustlens simulate --as-of ${d.asOf}</code> to replay the refund policies, then build the report again.`,
    );
  } else if (d.results.every((r) => r.metric === 'review_capacity' || (r.metric === 'requests' && r.value === 0))) {
    // The replay ran but had nothing to decide: say so, instead of empty charts and a missing-baseline warning.
    body = renderNotice(
      'info',
      'no refund requests in the replay window',
      html`No refund request falls in the weeks replayed up to ${d.asOf}, so the policies had nothing to decide. The comparison fills in once refund requests are delivered for those weeks (or never, if the marketplace declared refund_requests absent).`,
    );
  } else {
    const results = d.results;
    const get = lookupOf(results);
    const found = [...new Set(results.map((r) => r.scenario))];
    const scenarios = found.includes(d.baseline)
      ? [d.baseline, ...found.filter((s) => s !== d.baseline).sort()]
      : found.sort();
    const overallMetrics = orderMetrics(results.filter((r) => r.segment === 'overall').map((r) => r.metric));
    const noBaseline = found.includes(d.baseline)
      ? ''
      : renderNotice(
          'warning',
          `no ${d.baseline} scenario`,
          'Changes against the status quo cannot be shown; add the status-quo policy to simulate.policies.',
        );
    body = html`${noBaseline}
${renderSection('tradeoff', 'The trade-off', tradeoff(results, scenarios, d.baseline, get), 'Each policy stops some abuse at the cost of burdening some honest buyers and adding review work. Intervals are 95% bootstrap intervals over buyers.')}
${renderSection('side-by-side', 'Scenarios side by side', scenarioTable(scenarios, d.baseline, 'overall', overallMetrics, get), `All refund requests in the replay window. Under each value: its 95% interval and the difference from ${d.baseline} (▲ more, ▼ less; green good news, red bad).`)}
${renderSection('by-category', 'By category', segmentSection('category', 'Category', results, scenarios, d.baseline, get))}
${renderSection('by-merchant-tier', 'By merchant tier', segmentSection('merchant_tier', 'Merchant tier', results, scenarios, d.baseline, get))}`;
  }
  const defs = renderSection(
    'definitions',
    'Metric definitions',
    renderDefinitions(Object.values(SIM_METRICS).map((m) => ({ term: m.label, definition: m.description }))),
  );
  return renderPage({
    asOf: d.asOf,
    page: 'policy-impact',
    title: 'Refund policy impact',
    lede: 'For policy analysts: what happens if we change the refund-only policy — abuse stopped, honest buyers burdened, merchant cost and review workload, with uncertainty.',
    body: html`${body}${defs}`,
  });
}
