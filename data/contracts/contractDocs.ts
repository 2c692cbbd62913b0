// Renders the contracts as a Markdown reference, so README and --help never drift from the definitions.
import { describeRule } from './column.ts';
import { CONTRACTS, OPTIONAL_TABLES, TABLE_NAMES, rowKeyColumns } from './tables.ts';
import { TIMESTAMP_ORDER } from './timestampOrder.ts';
import { parentRuleText } from './parentRuleText.ts';

/** Each kind of rule a row is checked against, and what breaks downstream without it. */
export const RULE_PURPOSES: readonly (readonly [rule: string, purpose: string])[] = [
  [
    'key unique (per load and across loads)',
    'each order, refund or review counts once in rates and money; a key delivered again is a correction (mutable columns) or a conflict, never a second row.',
  ],
  [
    'may change: yes / no',
    'states, decisions and resolutions move after delivery and are versioned, so features as of a date read what was known then; amounts, parties and creation times are facts, and a change to one is quarantined as a conflict naming both values rather than rewriting history.',
  ],
  [
    'foreign keys resolve',
    'a refund, review or ticket of an unknown order cannot be attributed to a buyer or a merchant and would vanish from both; it is quarantined (or, for the first weeks, loaded with a flag) instead of silently missing.',
  ],
  [
    'required columns present',
    'the columns every feature, label or replay needs to place a row in time and attach it to its parties; optional ones are features that are unknown when missing, never 0.',
  ],
  [
    'timestamps parse, in the plausible range',
    'windows (30, 90, 365 days) and as-of reads compare times; a year-0001 or year-2999 date would put a row in no window or in every one.',
  ],
  [
    'times in order (e.g. delivered_at not before shipped_at)',
    'delays and response hours are differences of these times: a reversed pair is a broken row, and a negative delay would reward the slowest merchants.',
  ],
  [
    'money ≥ 0 with at most 2 decimals',
    'loss, compensation and refund-rate-by-amount add amounts; a negative or fractional-cent amount is an export error, not a refund.',
  ],
  [
    'enum values (kind, reason, status, …)',
    'policies and features test exact values (refund_only, not_received, …); a value outside the list would match no condition. Categories are the exception: an unknown code loads as other with the code kept beside it.',
  ],
  [
    'ratings 1–5',
    'averages and low-rating shares assume the 5-star scale; a 0–10 or 0–100 scale must be mapped, not averaged in.',
  ],
];

function ruleDocs(): string {
  const rows = RULE_PURPOSES.map(([rule, purpose]) => `| ${rule} | ${purpose} |`);
  return ['### What the rules are for', '', '| rule | what it is for |', '|---|---|', ...rows, ''].join('\n');
}

export function contractDocsMarkdown(): string {
  const parts: string[] = [ruleDocs()];
  for (const t of TABLE_NAMES) {
    const c = CONTRACTS[t];
    const key = rowKeyColumns(t)
      .map((k) => `\`${k}\``)
      .join(' + ');
    parts.push(
      `### ${t}\n\n${c.doc} Key: ${key}.` +
        (c.foreignKeys.length
          ? ` Foreign keys: ${c.foreignKeys.map((f) => `\`${f.column}\` → ${f.table}`).join(', ')}.`
          : '') +
        ((OPTIONAL_TABLES as readonly string[]).includes(t) ? ' May be declared absent.' : '') +
        '\n',
    );
    const order = TIMESTAMP_ORDER[t].map((o) => `${o.later} not before ${o.earlier}`);
    const against = c.foreignKeys.flatMap((f) =>
      (f.parentRules ?? []).map((r) => `${r.column} not ${parentRuleText(t, f.table, r)}`),
    );
    const notes = [
      ...(c.notes ?? []),
      ...(order.length ? [`Times in order: ${order.join('; ')}.`] : []),
      ...(against.length ? [`Against its parent row (when known): ${against.join('; ')}.`] : []),
    ];
    if (notes.length) parts.push(notes.map((n) => `- ${n}`).join('\n') + '\n');
    parts.push('| column | type | required | may change | rule | description |\n|---|---|---|---|---|---|');
    for (const [name, { meta }] of Object.entries(c.columns)) {
      parts.push(
        `| ${name} | ${meta.duckType} | ${meta.optional ? 'no' : 'yes'} | ${meta.mutable ? 'yes' : 'no'} | ${describeRule(meta)} | ${meta.doc} |`,
      );
    }
    parts.push('');
  }
  return parts.join('\n');
}
