// The notice every page opens with when its week (or the week it is compared with) is empty, partial or in the future.
import { addDays, daysBetween } from '../../data/time/isoDate.ts';
import { html, type SafeHtml } from './escapeHtml.ts';
import { fmtWeek } from './format.ts';
import { renderNotice } from './section.ts';
import type { DataCoverage } from '../reportData.ts';

/** True when this week can be compared with the last: both weeks hold complete data. */
export function comparable(c: DataCoverage): boolean {
  return c.current.status === 'complete' && c.previous.status === 'complete';
}

/**
 * The newest week on the report's weekday whose last day the data reaches, e.g. the week to report instead of a future
 * one.
 */
export function latestCompleteWeek(c: DataCoverage): string | null {
  if (c.dataEnd === null) return null;
  const lastDay = c.dataEnd.slice(0, 10);
  const back = Math.ceil(daysBetween(addDays(lastDay, 1), c.asOf) / 7);
  return back > 0 ? addDays(c.asOf, -7 * back) : null;
}

export function renderCoverageNotices(c: DataCoverage): SafeHtml {
  const cur = c.current;
  const week = fmtWeek(cur.weekStart, cur.weekEnd);
  const latest = latestCompleteWeek(c);
  const instead = latest
    ? html` The newest complete week is the week to ${latest}: <code>trustlens report --as-of ${latest}</code>.`
    : '';
  let main: SafeHtml | string = '';
  if (cur.status === 'future') {
    main = renderNotice(
      'warning',
      `no data for the week ${week} yet`,
      html`Not news: ${cur.cause}. Load the week's files and run it: <code>trustlens run --as-of ${c.asOf} --from DIR</code>.${instead} Nothing on this page is compared with last week.`,
    );
  } else if (cur.status === 'before') {
    main = renderNotice(
      'warning',
      `no data for the week ${week}`,
      html`Not news: ${cur.cause}. Nothing on this page is compared with last week.`,
    );
  } else if (cur.status === 'empty') {
    main = renderNotice(
      'warning',
      `no orders in the week ${week}`,
      html`Not news: ${cur.cause}. Load them and rerun: <code>trustlens ingest --from DIR</code>, then <code>trustlens run --as-of ${c.asOf}</code>. Nothing on this page is compared with last week.`,
    );
  } else if (cur.status === 'partial') {
    main = renderNotice(
      'warning',
      `the week ${week} is incomplete`,
      html`${cur.cause}. Its numbers are shown as loaded but not compared with last week. Load the rest and rerun: <code>trustlens run --as-of ${c.asOf} --from DIR</code>.${instead}`,
    );
  }
  const prev = c.previous;
  const previous =
    cur.status === 'complete' && prev.status !== 'complete'
      ? renderNotice(
          'info',
          `no comparison with last week`,
          prev.status === 'before'
            ? html`Last week (${fmtWeek(prev.weekStart, prev.weekEnd)}) holds no data: ${prev.cause}. This week is shown without changes against it.`
            : html`Last week (${fmtWeek(prev.weekStart, prev.weekEnd)}) is ${prev.status}: ${prev.cause}. This week is shown without changes against it. To fill it: <code>trustlens ingest --from DIR</code>, then <code>trustlens run --as-of ${prev.weekEnd}</code>.`,
        )
      : '';
  return html`${main}${previous}`;
}
