// The plain-language "what changed" sentences at the top of the weekly trust report, built from the numbers alone.
import { html, type SafeHtml } from '../html/escapeHtml.ts';
import { dataText } from '../html/dataText.ts';
import { fmtInt, fmtMoney, fmtNumber, fmtPct } from '../html/format.ts';
import { categoryLabel, tierLabel } from '../html/labels.ts';
import type { DataCoverage, WeeklyTrustData } from '../reportData.ts';
import { comparable } from '../html/dataNotice.ts';

function relChange(cur: number, prev: number): string {
  if (prev === 0) return cur === 0 ? 'unchanged' : 'up from zero';
  const r = (cur - prev) / Math.abs(prev);
  if (Math.abs(r) < 0.0005) return 'unchanged';
  return `${r > 0 ? 'up' : 'down'} ${fmtNumber(Math.abs(r) * 100, 1)}%`;
}

function ppChange(cur: number | null, prev: number | null): string {
  if (cur === null || prev === null) return 'no comparison with last week';
  const d = (cur - prev) * 100;
  if (Math.abs(d) < 0.05) return `unchanged from ${fmtPct(prev)}`;
  return `${d > 0 ? 'up' : 'down'} ${fmtNumber(Math.abs(d), 1)} pp from ${fmtPct(prev)}`;
}

/**
 * Returns sentences as text, or as markup where they name something from the data (a category, a merchant, rendered by
 * dataText); the page escapes the rest. A week without complete data gets no sentences (the page's notice says why),
 * and nothing is compared with a week without complete data.
 */
export function weeklySummary(d: WeeklyTrustData, coverage: DataCoverage): (string | SafeHtml)[] {
  if (['future', 'empty', 'before'].includes(coverage.current.status)) return [];
  const cmp = comparable(coverage);
  const c = d.current;
  const p = d.previous;
  const out: (string | SafeHtml)[] = [];
  const rel = (a: number, b: number) => (cmp ? ` (${relChange(a, b)})` : '');
  out.push(
    `Orders were ${fmtInt(c.orders)}${rel(c.orders, p.orders)} and GMV was ${fmtMoney(c.gmv)}${rel(c.gmv, p.gmv)}.`,
  );
  const pp = (a: number | null, b: number | null) => (cmp ? ` (${ppChange(a, b)})` : '');
  if (c.refundRequests === 0) {
    // A share of no requests is not a number to compare: say there were none.
    out.push(
      `No refund requests were made this week${cmp ? ` (${fmtInt(p.refundRequests)} last week)` : ''}; refund rates and abuse loss have nothing to measure.`,
    );
  } else {
    out.push(
      `Refund requests were ${fmtPct(c.refundRequestRate)} of orders${pp(c.refundRequestRate, p.refundRequestRate)}; refund-only was ${fmtPct(c.refundOnlyShare)} of requests${pp(c.refundOnlyShare, p.refundOnlyShare)}.`,
    );
  }
  if (c.estimatedAbuseLoss !== null && c.refundRequests > 0) {
    const was =
      cmp && p.estimatedAbuseLoss !== null
        ? ` (${relChange(c.estimatedAbuseLoss, p.estimatedAbuseLoss)} from ${fmtMoney(p.estimatedAbuseLoss)})`
        : '';
    out.push(`Estimated abuse loss was ${fmtMoney(c.estimatedAbuseLoss)}${was}.`);
  }
  // Said only of the counts the changed model scores: a buyer count is not rescored when only merchant trust changed.
  const rescoredBy = (m: 'abuse-risk' | 'merchant-trust') =>
    d.comparison.rescored && d.comparison.changed.some((c) => c.model === m)
      ? ', last week rescored with this week’s model'
      : '';
  const model = rescoredBy('abuse-risk');
  if (d.flagged) {
    const diff =
      !cmp || d.flagged.previous === null || d.flagged.previous === undefined
        ? null
        : d.flagged.current - d.flagged.previous;
    const was =
      diff === null
        ? ''
        : diff === 0
          ? ` (the same as last week${model})`
          : ` (${fmtInt(Math.abs(diff))} ${diff > 0 ? 'more' : 'fewer'} than last week${model})`;
    out.push(
      `${fmtInt(d.flagged.current)} buyer account${d.flagged.current === 1 ? ' is' : 's are'} in the high risk tier${was}.`,
    );
  }
  if (cmp) {
    const worst = [...d.categories]
      .filter(
        (x) =>
          x.current.refundRequestRate !== null &&
          x.previous.refundRequestRate !== null &&
          x.current.orders >= 30 &&
          x.previous.orders >= 30,
      )
      .sort(
        (a, b) =>
          b.current.refundRequestRate! -
          b.previous.refundRequestRate! -
          (a.current.refundRequestRate! - a.previous.refundRequestRate!),
      )[0];
    if (worst && worst.current.refundRequestRate! > worst.previous.refundRequestRate!) {
      out.push(
        html`The refund request rate rose most in ${dataText(categoryLabel(worst.category))}: ${fmtPct(worst.current.refundRequestRate)} of orders (${ppChange(worst.current.refundRequestRate, worst.previous.refundRequestRate)}).`,
      );
    }
  }
  const atRisk = d.merchantTiers?.find((t) => t.tier === 'at-risk');
  if (atRisk) {
    const was =
      !cmp || atRisk.previous === null || atRisk.previous === undefined
        ? ''
        : atRisk.previous === atRisk.current
          ? ` (unchanged${rescoredBy('merchant-trust')})`
          : ` (${atRisk.current > atRisk.previous ? 'up' : 'down'} from ${fmtInt(atRisk.previous)}${rescoredBy('merchant-trust')})`;
    out.push(
      `${fmtInt(atRisk.current)} merchant${atRisk.current === 1 ? ' is' : 's are'} ${tierLabel('at-risk')}${was}.`,
    );
  }
  const faller = cmp ? d.movers?.fallers[0] : undefined;
  if (faller) {
    const why = faller.reasons[0] ? `: ${faller.reasons[0].replace(/\.$/, '')}` : '';
    out.push(
      html`Largest trust fall among active merchants: ${dataText(faller.name)} (${dataText(faller.merchantId)}), ${fmtNumber(faller.trustBefore, 1)} → ${fmtNumber(faller.trustNow, 1)}${why}.`,
    );
  }
  return out;
}
