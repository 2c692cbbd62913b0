// The plain-language "what changed" sentences at the top of the weekly trust report, built from the numbers alone.
import { fmtInt, fmtMoney, fmtNumber, fmtPct } from '../html/format.ts';
import type { WeeklyTrustData } from '../reportData.ts';

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

/** Returns sentences as plain text; the page escapes them (merchant names and reasons come from data). */
export function weeklySummary(d: WeeklyTrustData): string[] {
  const c = d.current;
  const p = d.previous;
  const out: string[] = [];
  out.push(
    `Orders were ${fmtInt(c.orders)} (${relChange(c.orders, p.orders)}) and GMV was ${fmtMoney(c.gmv)} (${relChange(c.gmv, p.gmv)}).`,
  );
  out.push(
    `Refund requests were ${fmtPct(c.refundRequestRate)} of orders (${ppChange(c.refundRequestRate, p.refundRequestRate)}); ` +
      `refund-only was ${fmtPct(c.refundOnlyShare)} of requests (${ppChange(c.refundOnlyShare, p.refundOnlyShare)}).`,
  );
  if (c.estimatedAbuseLoss !== null) {
    const cmp =
      p.estimatedAbuseLoss === null
        ? ''
        : ` (${relChange(c.estimatedAbuseLoss, p.estimatedAbuseLoss)} from ${fmtMoney(p.estimatedAbuseLoss)})`;
    out.push(`Estimated abuse loss was ${fmtMoney(c.estimatedAbuseLoss)}${cmp}.`);
  }
  if (d.flagged) {
    const diff = d.flagged.previous === null ? null : d.flagged.current - d.flagged.previous;
    const cmp =
      diff === null
        ? ''
        : diff === 0
          ? ', the same as last week'
          : `, ${fmtInt(Math.abs(diff))} ${diff > 0 ? 'more' : 'fewer'} than last week`;
    out.push(
      `${fmtInt(d.flagged.current)} buyer account${d.flagged.current === 1 ? ' is' : 's are'} in the high risk tier${cmp}.`,
    );
  }
  const worst = [...d.categories]
    .filter((x) => x.current.refundRequestRate !== null && x.previous.refundRequestRate !== null)
    .sort(
      (a, b) =>
        b.current.refundRequestRate! -
        b.previous.refundRequestRate! -
        (a.current.refundRequestRate! - a.previous.refundRequestRate!),
    )[0];
  if (worst && worst.current.refundRequestRate! > worst.previous.refundRequestRate!) {
    out.push(
      `The refund request rate rose most in ${worst.category}: ${fmtPct(worst.current.refundRequestRate)} of orders (${ppChange(worst.current.refundRequestRate, worst.previous.refundRequestRate)}).`,
    );
  }
  const atRisk = d.merchantTiers?.find((t) => t.tier === 'at-risk');
  if (atRisk) {
    const cmp =
      atRisk.previous === null
        ? ''
        : atRisk.previous === atRisk.current
          ? ' (unchanged)'
          : ` (${atRisk.current > atRisk.previous ? 'up' : 'down'} from ${fmtInt(atRisk.previous)})`;
    out.push(`${fmtInt(atRisk.current)} merchant${atRisk.current === 1 ? ' is' : 's are'} at risk${cmp}.`);
  }
  const faller = d.movers?.fallers[0];
  if (faller && faller.trustNow < faller.trustBefore) {
    const why = faller.reasons[0] ? `: ${faller.reasons[0]}` : '';
    out.push(
      `Largest trust fall: ${faller.name} (${faller.merchantId}), ${fmtNumber(faller.trustBefore, 1)} → ${fmtNumber(faller.trustNow, 1)}${why}.`.replace(
        /\.\.$/,
        '.',
      ),
    );
  }
  return out;
}
