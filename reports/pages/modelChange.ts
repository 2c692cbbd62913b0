// The first lines of the weekly report when a model changed: which, when, and how much of each tier move is the
// model's.
import { html, type SafeHtml } from '../html/escapeHtml.ts';
import { fmtInt, fmtSigned } from '../html/format.ts';
import { renderNotice } from '../html/section.ts';
import { renderTable } from '../html/table.ts';
import { renderTierBadge } from '../html/badge.ts';
import type { WeeklyTrustData } from '../reportData.ts';

const MODEL_WORDS: Record<string, string> = { 'abuse-risk': 'buyer abuse-risk', 'merchant-trust': 'merchant trust' };

interface Row {
  label: SafeHtml | string;
  published: number | null | undefined;
  rescored: number | null | undefined;
  current: number;
}

function splitTable(rows: Row[]): SafeHtml {
  const diff = (a: number | null | undefined, b: number | null | undefined) =>
    a === null || a === undefined || b === null || b === undefined ? '—' : fmtSigned(a - b, 0);
  return renderTable<Row>({
    rows,
    columns: [
      { header: '', cell: (r) => r.label },
      {
        header: 'Last week, old model',
        align: 'num',
        help: 'as published last week',
        cell: (r) => fmtInt(r.published),
      },
      {
        header: 'Last week, new model',
        align: 'num',
        help: 'last week’s data scored with this week’s model',
        cell: (r) => fmtInt(r.rescored),
      },
      { header: 'This week', align: 'num', cell: (r) => fmtInt(r.current) },
      {
        header: 'Model’s part',
        align: 'num',
        help: 'last week under this week’s model − last week as published',
        cell: (r) => diff(r.rescored, r.published),
      },
      {
        header: 'Data’s part',
        align: 'num',
        help: 'this week − last week under this week’s model',
        cell: (r) => diff(r.current, r.rescored),
      },
    ],
  });
}

/**
 * Empty when no model changed since last week's scores. `comparable` is false when this week or last lacks complete
 * data: then nothing on the page is compared, and the notice only says which model changed.
 */
export function renderModelChange(d: WeeklyTrustData, comparable = true): SafeHtml | '' {
  const c = d.comparison;
  if (c.changed.length === 0) return '';
  const which = c.changed.map(
    (m) =>
      html`the ${MODEL_WORDS[m.model] ?? m.model} model was retrained as of ${m.now} (last week’s scores came from the model of ${m.before})`,
  );
  const list = which.length === 1 ? which[0]! : html`${which[0]!}, and ${which[1]!}`;
  if (!comparable) {
    return renderNotice(
      'info',
      'the models changed since last week',
      html`This week ${list}. Nothing on this page is compared with last week (see the notice above), so the change moves no number here.`,
    );
  }
  if (!c.rescored) {
    return renderNotice(
      'warning',
      'the models changed since last week',
      html`This week ${list}. Last week could not be rescored with this week’s models (${c.rescoreProblem}), so every change against last week on this page mixes the model’s effect with the data’s: read them as such.`,
    );
  }
  const rows: Row[] = [];
  if (d.flagged && c.changed.some((m) => m.model === 'abuse-risk')) {
    rows.push({
      label: 'Accounts flagged (high risk)',
      published: d.flagged.previousPublished,
      rescored: d.flagged.previous,
      current: d.flagged.current,
    });
  }
  if (d.merchantTiers && c.changed.some((m) => m.model === 'merchant-trust')) {
    for (const t of d.merchantTiers)
      rows.push({
        label: html`Merchants ${renderTierBadge(t.tier)}`,
        published: t.previousPublished,
        rescored: t.previous,
        current: t.current,
      });
  }
  return renderNotice(
    'info',
    'the models changed since last week',
    html`This week ${list}. Every comparison with last week on this page rescores last week with this week’s models (same model, last week’s data), so the changes shown are the data’s.${rows.length ? html` Below, each count’s move from last week as published splits into the model’s part and the data’s.${splitTable(rows)}` : ''}`,
  );
}
