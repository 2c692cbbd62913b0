// model-card.html: data window, labels, metrics against rule baselines, curves, importance, TreeSHAP, drift and known
// limits.
import { html, type SafeHtml } from '../html/escapeHtml.ts';
import { fmtInt, fmtNumber, fmtProb } from '../html/format.ts';
import { renderPage } from '../html/page.ts';
import { renderDefinitions, renderNotice, renderSection } from '../html/section.ts';
import { renderTable } from '../html/table.ts';
import { barRankChart } from '../charts/barRankChart.ts';
import { calibrationChart, prCurveChart } from '../charts/modelCurves.ts';
import { psiBand } from '../psi.ts';
import type { ArtifactSummary, ModelMetrics, ModelName } from '../../models/artifactSchema.ts';
import type {
  DriftRow,
  DriftSection,
  ModelCardData,
  ModelSection,
  ReportSettings,
  TrainingComparison,
} from '../reportData.ts';
import { renderCoverageNotices } from '../html/dataNotice.ts';
import { fmtPct } from '../html/format.ts';
import type { PageContext } from './pageContext.ts';

const MODEL_TITLES: Record<ModelName, string> = {
  'abuse-risk': 'Buyer abuse risk',
  'merchant-trust': 'Merchant trust',
  'request-risk': 'Refund request risk',
};
const TOP_FEATURES = 15;

function metricsTable(s: ArtifactSummary): SafeHtml {
  const rows: { name: string; description: string; m: ModelMetrics }[] = [
    { name: 'random forest (this model)', description: 'Calibrated forest probability.', m: s.metrics },
    ...s.baselines.map((b) => ({ name: b.name, description: b.description, m: b.metrics })),
  ];
  return renderTable({
    rows,
    rowClass: (r) => (r.m === s.metrics ? 'baseline' : undefined),
    columns: [
      { header: 'Scorer', cell: (r) => html`<span title="${r.description}">${r.name}</span>` },
      { header: 'Rows', align: 'num', cell: (r) => fmtInt(r.m.rows) },
      { header: 'Positives', align: 'num', cell: (r) => fmtInt(r.m.positives) },
      { header: 'ROC AUC', align: 'num', cell: (r) => fmtProb(r.m.rocAuc) },
      { header: 'PR AUC', align: 'num', cell: (r) => fmtProb(r.m.prAuc) },
      {
        header: `Precision@k`,
        align: 'num',
        help: 'k = weekly review capacity',
        cell: (r) => fmtProb(r.m.precisionAtK),
      },
      { header: 'Recall@k', align: 'num', cell: (r) => fmtProb(r.m.recallAtK) },
      {
        header: 'Brier',
        align: 'num',
        help: 'Mean squared error of the probability; lower is better',
        cell: (r) => fmtProb(r.m.brier),
      },
    ],
  });
}

function limits(s: ArtifactSummary, asOf: string, settings: ReportSettings): string[] {
  const out = [
    s.model === 'merchant-trust'
      ? `Labels are serious platform actions within ${settings.merchantHorizonDays} days; merchants never inspected cannot be positives, so the model learns what the platform catches.`
      : `Labels are investigations closed with confirmed abuse${s.model === 'request-risk' ? ' of the requesting buyer' : ''}; investigations cover only part of the abusers and some verdicts are wrong, so recall is measured against a partial truth.`,
    'Labels arrive late (investigation delay); the most recent weeks are not used for training or validation.',
    'Validation is out of time on the snapshots listed above; performance on later weeks may differ — watch the drift section.',
    'Reasons come from TreeSHAP contributions: they explain the model, not the buyer’s intent, and must not be the only ground for a decision.',
  ];
  if (s.model === 'request-risk')
    out.push(
      'The buyer’s risk and the merchant’s trust scored the week before each request are features: requests of weeks before the warehouse’s first scored week (most of a first run’s training window) have none, so the model learned them from fewer rows; the comparison with the training data shows how many.',
    );
  if (s.metrics.positives < 30)
    out.push(`Only ${s.metrics.positives} positives in the validation window: metric estimates are noisy.`);
  const ageDays = Math.round((Date.parse(asOf) - Date.parse(s.asOf)) / 86_400_000);
  if (ageDays >= settings.retrainIntervalDays) {
    out.push(
      `The model was trained ${ageDays} days before this report, at or past the ${settings.retrainIntervalDays}-day retrain interval; \`trustlens run\` retrains it.`,
    );
  }
  return out;
}

/**
 * Unknown share rising by this much (20 points) or more means a source is missing or mapped wrong, not that the market
 * changed.
 */
const UNKNOWN_JUMP = 0.2;
const MAJOR_PSI = 0.25;

/** The warning and table when this week's data looks unlike the training data; a note when it cannot be compared. */
function trainingSection(sec: ModelSection): SafeHtml {
  const t = sec.training;
  if (t === undefined || t === null) {
    return renderNotice(
      'info',
      'this week’s data is not compared with the training data',
      sec.trainingUnavailable ?? 'The training data is not available to compare with.',
    );
  }
  const absent = t.sources.filter((x) => x.now === 0);
  const unknown = t.features.filter((f) => f.unknownNow - f.unknownTraining >= UNKNOWN_JUMP);
  const shifted = t.features.filter((f) => (f.psi ?? 0) > MAJOR_PSI);
  const problems: SafeHtml[] = [];
  if (absent.length)
    problems.push(
      html`<li>Source${absent.length === 1 ? '' : 's'} absent now but present in training: ${absent.map((x, i) => html`${i ? ', ' : ''}<code>${x.table}</code> (${fmtInt(x.training)} rows then)`)}.</li>`,
    );
  if (unknown.length)
    problems.push(
      html`<li>${fmtInt(unknown.length)} of ${fmtInt(t.features.length)} features are unknown far more often than in training: ${unknown.slice(0, 8).map((f, i) => html`${i ? ', ' : ''}<code>${f.feature}</code> ${fmtPct(f.unknownNow, 0)} (was ${fmtPct(f.unknownTraining, 0)})`)}${unknown.length > 8 ? ' …' : ''}.</li>`,
    );
  if (shifted.length)
    problems.push(
      html`<li>${fmtInt(shifted.length)} of ${fmtInt(t.features.length)} features are distributed very differently from training (PSI above ${MAJOR_PSI}): ${shifted.slice(0, 8).map((f, i) => html`${i ? ', ' : ''}<code>${f.feature}</code> ${fmtNumber(f.psi, 2)}`)}${shifted.length > 8 ? ' …' : ''}.</li>`,
    );
  const verdict = problems.length
    ? renderNotice(
        'warning',
        'this week’s data looks unlike the data the model was trained on',
        html`<ul>${problems}</ul>Scores and reasons this week may not mean what the validation metrics above say. Check the input mapping and the deliveries; retrain on this marketplace’s own labels when it has them (<code>trustlens train --as-of DATE</code>).`,
      )
    : renderNotice(
        'info',
        'this week’s data resembles the training data',
        `No source missing, no feature unknown far more often, no feature with PSI above ${MAJOR_PSI} against training.`,
      );
  const top = t.features.slice(0, 12);
  return html`${verdict}${renderTable<TrainingComparison['features'][number]>({
    rows: top,
    caption: `Largest differences from training (compared with ${t.basis}; ages advanced to a common date)`,
    columns: [
      { header: 'Feature', className: 'id', cell: (f) => f.feature },
      { header: 'PSI vs training', align: 'num', cell: (f) => fmtNumber(f.psi, 3) },
      { header: 'Shift', cell: (f) => (f.psi === null ? '—' : psiBand(f.psi)) },
      { header: 'Unknown in training', align: 'num', cell: (f) => fmtPct(f.unknownTraining, 0) },
      { header: 'Unknown now', align: 'num', cell: (f) => fmtPct(f.unknownNow, 0) },
    ],
  })}`;
}

function modelSection(sec: ModelSection, asOf: string, settings: ReportSettings): SafeHtml {
  const title = `${MODEL_TITLES[sec.model] ?? sec.model} model`;
  const a = sec.artifact;
  if (a.status === 'missing') {
    return renderSection(
      `model-${sec.model}`,
      title,
      renderNotice(
        'missing',
        `no ${sec.model} model artifact on or before ${asOf}`,
        html`Looked in <code>${a.dir}</code>. Run <code>trustlens train --as-of ${asOf}</code>.`,
      ),
    );
  }
  if (a.status === 'invalid') {
    return renderSection(
      `model-${sec.model}`,
      title,
      renderNotice(
        'warning',
        `model artifact ${a.file} is not valid`,
        html`<ul>${a.problems.map((p) => html`<li>${p}</li>`)}</ul>Retrain with <code>trustlens train</code>.`,
      ),
    );
  }
  const s = a.summary;
  const id = sec.model;
  const importance = s.featureImportance
    .slice()
    .sort((x, y) => y.importance - x.importance)
    .slice(0, TOP_FEATURES);
  const shap = s.shapSummary
    .slice()
    .sort((x, y) => y.meanAbs - x.meanAbs)
    .slice(0, TOP_FEATURES);
  const body = html`
${renderDefinitions([
  {
    term: 'Artifact',
    definition: html`<code>${a.file}</code> — trained as of ${s.asOf}, trustlens ${s.trustlensVersion}, data fingerprint <code>${s.dataFingerprint.slice(0, 16)}</code>`,
  },
  {
    term: 'Training window',
    definition: `${s.trainingWindow.from} to ${s.trainingWindow.to} (${s.trainingWindow.snapshots.length} weekly snapshots)`,
  },
  {
    term: 'Validation window',
    definition: `${s.validationWindow.from} to ${s.validationWindow.to} (${s.validationWindow.snapshots.length} weekly snapshots, out of time)`,
  },
  { term: 'Label', definition: s.labelDefinition },
  { term: 'Features', definition: `${s.features.length} features (listed below)` },
])}
<h3>This week’s data against the training data</h3>
${trainingSection(sec)}
<h3>Validation metrics against rule baselines</h3>
${metricsTable(s)}
<div class="charts">${prCurveChart(`${id}-pr`, s.metrics, s.baselines)}${calibrationChart(`${id}-calibration`, s.metrics)}</div>
<div class="charts">${
    importance.length
      ? barRankChart({
          id: `${id}-importance`,
          title: 'Feature importance',
          subtitle: `Top ${importance.length}: mean impurity decrease across trees.`,
          bars: importance.map((f) => ({ label: f.feature, value: f.importance })),
          xLabel: 'importance',
          xFormat: '.2~f',
        })
      : ''
  }${
    shap.length
      ? barRankChart({
          id: `${id}-shap`,
          title: 'TreeSHAP summary',
          subtitle: `Top ${shap.length}: mean |SHAP value| over validation rows.`,
          bars: shap.map((f) => ({ label: f.feature, value: f.meanAbs })),
          xLabel: 'mean |SHAP|',
          xFormat: '.3~f',
          colour: '#6b4fbb',
        })
      : ''
  }</div>
<h3>Features</h3>
${renderTable({
  rows: s.features,
  columns: [
    { header: 'Feature', className: 'id', cell: (f) => f.name },
    { header: 'Description', cell: (f) => f.description },
    { header: 'Unit', cell: (f) => f.unit },
    { header: 'Window', cell: (f) => f.window },
  ],
})}
<h3>Known limits</h3>
<ul>${limits(s, asOf, settings).map((l) => html`<li>${l}</li>`)}</ul>`;
  return renderSection(`model-${sec.model}`, title, body);
}

function driftSection(d: DriftSection, index: number): SafeHtml {
  const heading = html`<h3>${d.subject}</h3>`;
  if (!d.rows)
    return html`${heading}${renderNotice('missing', `no data for ${d.subject.toLowerCase()}`, 'The source table is not in the warehouse yet.')}`;
  if (!d.previousAsOf)
    return html`${heading}${renderNotice('info', 'no earlier week to compare with', `Drift needs the week before ${d.currentAsOf}.`)}`;
  const rows = [...d.rows].sort((a, b) => b.psi - a.psi);
  const top = rows.slice(0, 20);
  // Chart above table, not beside it: beside it, long feature names pushed the table's last columns out of view.
  return html`${heading}<p class="intro">${d.previousAsOf} → ${d.currentAsOf}; ${rows.filter((r) => r.psi >= 0.1).length} of ${rows.length} shifted (PSI ≥ 0.1).</p>
${barRankChart({
  id: `drift-${index}`,
  title: `PSI, ${d.subject.toLowerCase()}`,
  subtitle: 'Dashed lines: 0.1 moderate shift, 0.25 major shift.',
  bars: top.map((r) => ({ label: r.feature, value: r.psi })),
  xLabel: 'population stability index',
  xFormat: '.2~f',
  colour: '#00838f',
  rules: [
    { x: 0.1, label: '0.1' },
    { x: 0.25, label: '0.25' },
  ],
})}
${renderTable<DriftRow>({
  rows: top,
  columns: [
    { header: 'Feature', className: 'id', cell: (r) => r.feature },
    { header: 'PSI', align: 'num', cell: (r) => fmtNumber(r.psi, 3) },
    {
      header: 'Shift',
      cell: (r) => html`${psiBand(r.psi)}${r.adjusted ? html`<br><span class="muted">${r.adjusted}</span>` : ''}`,
    },
    { header: 'Mean before', align: 'num', cell: (r) => fmtNumber(r.previousMean, 3) },
    { header: 'Mean now', align: 'num', cell: (r) => fmtNumber(r.currentMean, 3) },
  ],
})}`;
}

export function renderModelCard(d: ModelCardData, ctx: PageContext): string {
  const body = html`${d.models.map((m) => modelSection(m, d.asOf, ctx.settings))}
${renderSection('drift', 'Drift against the previous week', d.drift.length ? d.drift.map(driftSection) : renderNotice('missing', 'no drift data', 'Feature and score tables are not in the warehouse yet.'), 'Population stability index (PSI) of each numeric feature and of the scores, with ten quantile bins from the previous week plus one bin for missing values. Below 0.1 is stable, 0.1–0.25 a moderate shift, above 0.25 a major shift worth investigating before trusting this week’s scores. Ages grow by construction, so last week’s ages are advanced by the days between the weeks before they are compared.')}
${renderSection(
  'metric-definitions',
  'Metric definitions',
  renderDefinitions([
    { term: 'ROC AUC', definition: 'Chance a random positive scores above a random negative (0.5 = coin flip).' },
    {
      term: 'PR AUC',
      definition: 'Area under the precision–recall curve; compare with the positive rate, not with 0.5.',
    },
    {
      term: 'Precision@k / Recall@k',
      definition:
        'Among the k highest scores (k = weekly review capacity), the share that are positives / the share of all positives found.',
    },
    { term: 'Brier score', definition: 'Mean squared error of the predicted probability; lower is better.' },
    {
      term: 'Calibration',
      definition: 'Predicted probabilities grouped in bins against the observed rate in each bin.',
    },
  ]),
)}`;
  return renderPage({
    asOf: d.asOf,
    page: 'model-card',
    title: 'Model card',
    lede: 'How the abuse-risk and merchant-trust forests were trained and validated, what drives them, how this week’s data differs from their training data and from last week’s, and where they fall short.',
    notices: renderCoverageNotices(ctx.coverage),
    body,
  });
}
