// policy-impact.html for policy analysts: refund policies replayed side by side against the status quo, with intervals.
import { html, type SafeHtml } from '../html/escapeHtml.ts';
import { computeDelta, renderDelta } from '../html/delta.ts';
import { fmtInt, fmtWeek } from '../html/format.ts';
import { renderPage } from '../html/page.ts';
import { renderNotice, renderSection } from '../html/section.ts';
import { renderTable } from '../html/table.ts';
import { segmentLabel } from '../html/labels.ts';
import { dataText } from '../html/dataText.ts';
import { renderCoverageNotices } from '../html/dataNotice.ts';
import { currencyNote } from '../html/currencyNote.ts';
import { addDays } from '../../data/time/isoDate.ts';
import { barRankChart } from '../charts/barRankChart.ts';
import { segmentDotChart } from '../charts/segmentDotChart.ts';
import { tradeoffChart } from '../charts/tradeoffChart.ts';
import type { PolicyImpactData, ScenarioInfo, SimResult } from '../reportData.ts';
import type { PageContext } from './pageContext.ts';
import { orderMetrics, SIM_METRICS, simMetricInfo } from './simMetrics.ts';

type Lookup = (scenario: string, segment: string, metric: string) => SimResult | undefined;

/** The abuse-stopped measures the simulate stage writes: expected (risk-weighted) first, else confirmed. */
const ABUSE_STOPPED = ['abusive_amount_stopped_expected', 'abusive_amount_stopped_confirmed'];

/**
 * Said beside "Refunds paid" wherever a scenario pays more than the baseline, which reads like a cost of reform but is
 * not.
 */
export const REFUNDS_PAID_RISE =
  'Refunds paid rises here because the policy refunds requests that were rejected, withdrawn or still pending in reality ' +
  '(its instant refunds and refunds after a return pay every honest request they cover), and because a refund after a return ' +
  'counts as paid although the goods come back. The money actually lost to kept goods is merchant loss.';

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
  const rise =
    metric === 'refund_paid' && !isBaseline && base && r.value > base.value
      ? html`<span class="footnote-mark" title="${REFUNDS_PAID_RISE}"> *</span>`
      : '';
  return html`${info.format(r.value)}${rise}${interval}${delta}`;
}

function scenarioTable(
  scenarios: readonly string[],
  baseline: string,
  segment: string,
  metrics: readonly string[],
  get: Lookup,
): SafeHtml {
  const risers = scenarios.filter(
    (s) =>
      s !== baseline &&
      (get(s, segment, 'refund_paid')?.value ?? 0) > (get(baseline, segment, 'refund_paid')?.value ?? Infinity),
  );
  const table = renderTable<string>({
    rows: metrics,
    className: 'scenarios',
    columns: [
      {
        header: 'Metric',
        className: 'metric',
        cell: (m) => html`<a href="#metric-${m}" title="${simMetricInfo(m).description}">${simMetricInfo(m).label}</a>`,
      },
      ...scenarios.map((s) => ({
        header: s === baseline ? `${s} (baseline)` : s,
        align: 'num' as const,
        cell: (m: string) => cell(get(s, segment, m), m, get(baseline, segment, m), s === baseline),
      })),
    ],
  });
  const note = risers.length
    ? html`<p class="footnote">* Refunds paid is higher than under ${baseline} for ${risers.join(', ')}. ${REFUNDS_PAID_RISE}</p>`
    : '';
  return html`${table}${note}`;
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
      { header: kind, cell: (seg) => dataText(segmentLabel(seg)) },
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
  const labels = segments.map(segmentLabel);
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
          segment: segmentLabel(r.segment),
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
  const stopped = pickMetric(results, ABUSE_STOPPED);
  const points = scenarios.flatMap((s) => {
    const x = get(s, segment, 'honest_burdened_rate');
    const y = get(s, segment, stopped);
    return x && y ? [{ scenario: s, x: x.value, xLo: x.lo, xHi: x.hi, y: y.value, yLo: y.lo, yHi: y.hi }] : [];
  });
  if (points.length === 0)
    return renderNotice(
      'info',
      'no trade-off data',
      'The simulation did not report abuse stopped and honest buyers burdened.',
    );
  const workload = scenarios.flatMap((s) => {
    const r = get(s, segment, 'review_workload');
    return r ? [{ label: s, value: r.value }] : [];
  });
  const capacities = [
    ...new Set(
      scenarios.map((s) => get(s, segment, 'review_capacity')?.value).filter((v): v is number => v !== undefined),
    ),
  ];
  return html`<div class="charts">${tradeoffChart({
    id: 'tradeoff',
    title: 'Abuse stopped vs honest buyers burdened',
    subtitle: 'Up = more abuse money stopped; right = more honest requests burdened. Lines are 95% intervals.',
    points,
    baseline,
    xLabel: 'honest requests burdened',
    yLabel: simMetricInfo(stopped).label.toLowerCase(),
    xFormat: '.0%',
    yFormat: '~s',
  })}${
    workload.length
      ? barRankChart({
          id: 'review-workload',
          title: 'Manual reviews per week',
          subtitle: capacities.length
            ? `Dashed line: the policies’ review capacity (${capacities.map((c) => fmtInt(c)).join(', ')} a week).`
            : 'No policy sets a review capacity.',
          bars: workload,
          keepOrder: true,
          xLabel: 'reviews per week',
          xFormat: ',.0f',
          rules: capacities.map((c) => ({ x: c, label: `capacity ${fmtInt(c)}` })),
        })
      : ''
  }</div>`;
}

function scenarioCard(s: ScenarioInfo | undefined, name: string, baseline: string): SafeHtml {
  const title = html`<h3>${name}${name === baseline ? ' (baseline)' : ''}</h3>`;
  if (!s)
    return html`<div class="scenario">${title}<p class="muted">Replayed for this date but not in config simulate.policies, so its policy file is not known here: see the file you passed to <code>trustlens simulate --policy</code>.</p></div>`;
  return html`<div class="scenario">${title}${s.description ? html`<p>${s.description}</p>` : ''}<ol class="rules">${s.rules.map((r) => html`<li>${r}</li>`)}</ol><ul class="settings">${s.settings.map((x) => html`<li>${x}</li>`)}</ul><p class="muted">From <code>${s.file}</code>; the first rule that matches decides.</p></div>`;
}

function scenariosSection(d: PolicyImpactData, names: readonly string[]): SafeHtml {
  const w = d.window;
  const total = w ? w.weeks.reduce((s, x) => s + x.requests, 0) : null;
  const weeks = w
    ? html`<p class="intro">Replayed: the refund requests of the ${fmtInt(w.weeks.length)} weeks ${fmtWeek(w.from, w.to)} (${fmtInt(total)} requests), each judged with the buyer and merchant scores of the week before it. Requests per week: ${w.weeks.map((x, i) => html`${i ? ', ' : ''}<span class="nowrap">${addDays(x.weekEnd, -7)}: ${fmtInt(x.requests)}</span>`)}.</p>`
    : '';
  return html`${weeks}<div class="scenario-list">${names.map((n) =>
    scenarioCard(
      d.scenarios.find((s) => s.name === n),
      n,
      d.baseline,
    ),
  )}</div>`;
}

export function renderPolicyImpact(d: PolicyImpactData, ctx: PageContext): string {
  let body: SafeHtml;
  const configured = d.scenarios.map((s) => s.name);
  const results = d.results ?? [];
  const found = [...new Set(results.map((r) => r.scenario))];
  const all = [...new Set([...configured, ...found])];
  const names = all.includes(d.baseline) ? [d.baseline, ...all.filter((s) => s !== d.baseline).sort()] : all.sort();
  const requests = results
    .filter((r) => r.segment === 'overall' && r.metric === 'requests')
    .reduce((m, r) => Math.max(m, r.value), 0);
  if (!d.results || d.results.length === 0) {
    body = html`${renderNotice('missing', 'no simulation results for this week', html`Run <code>trustlens simulate --as-of ${d.asOf}</code> to replay the refund policies, then build the report again.`)}${
      names.length ? renderSection('scenarios', 'Scenarios configured', scenariosSection(d, names)) : ''
    }`;
  } else if (requests === 0) {
    // Nothing was replayed: there is nothing to compare, and no scenario is "missing".
    body = html`${renderNotice(
      'warning',
      'no refund requests in the replayed weeks',
      html`The ${d.window ? `${fmtInt(d.window.weeks.length)} weeks ${fmtWeek(d.window.from, d.window.to)}` : 'replayed weeks'} hold no refund request, so every policy gives the same empty result. Load the weeks’ files (<code>trustlens ingest --from DIR</code>) and rerun <code>trustlens simulate --as-of ${d.asOf}</code>.`,
    )}${renderSection('scenarios', 'Scenarios configured', scenariosSection(d, names))}`;
  } else {
    const get = lookupOf(results);
    const scenarios = names.filter((n) => found.includes(n));
    const overallMetrics = orderMetrics(results.filter((r) => r.segment === 'overall').map((r) => r.metric));
    const noBaseline = found.includes(d.baseline)
      ? ''
      : renderNotice(
          'warning',
          `no ${d.baseline} results for this date`,
          configured.includes(d.baseline)
            ? html`${d.baseline} is configured but has no stored results for ${d.asOf}: rerun <code>trustlens simulate --as-of ${d.asOf}</code>. Changes against it cannot be shown until then.`
            : html`Changes against the status quo cannot be shown; add <code>data/policies/status-quo.yaml</code> to simulate.policies.`,
        );
    body = html`${noBaseline}
${renderSection('scenarios', 'Scenarios replayed', scenariosSection(d, names), 'What each policy does, in the order its rules are tried.')}
${renderSection('tradeoff', 'The trade-off', tradeoff(results, scenarios, d.baseline, get), 'Each policy stops some abuse at the cost of burdening some honest buyers and adding review work. Intervals are 95% bootstrap intervals over buyers.')}
${renderSection('side-by-side', 'Scenarios side by side', scenarioTable(scenarios, d.baseline, 'overall', overallMetrics, get), html`All refund requests in the replay window. Under each value: its 95% interval and the difference from ${d.baseline} (▲ more, ▼ less; green good news, red bad). ${currencyNote(ctx.settings.currency)}`)}
${renderSection('by-category', 'By category', segmentSection('category', 'Category', results, scenarios, d.baseline, get))}
${renderSection('by-merchant-tier', 'By merchant tier', segmentSection('merchant_tier', 'Merchant tier', results, scenarios, d.baseline, get), '“Not scored yet” holds requests at merchants with no score before the request.')}`;
  }
  const shown = [...new Set([...Object.keys(SIM_METRICS), ...results.map((r) => r.metric)])];
  const defs = renderSection(
    'definitions',
    'Metric definitions',
    html`<dl class="definitions">${orderMetrics(shown).map((m) => html`<dt id="metric-${m}">${simMetricInfo(m).label}</dt><dd>${simMetricInfo(m).description}${m === 'refund_paid' ? ` ${REFUNDS_PAID_RISE}` : ''}</dd>`)}</dl>`,
    'Honest and abusive use the labels known at the date: a request is abusive when its buyer has a confirmed-abuse verdict closed before the as-of date.',
  );
  return renderPage({
    asOf: d.asOf,
    page: 'policy-impact',
    title: 'Refund policy impact',
    lede: 'For policy analysts: what happens if we change the refund-only policy — abuse stopped, honest buyers burdened, merchant cost and review workload, with uncertainty.',
    notices: renderCoverageNotices(ctx.coverage),
    body: html`${body}${defs}`,
  });
}
