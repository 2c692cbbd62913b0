// The human sentences written to quarantine.rule; tests pin them, so change them only on purpose.
import { rowNoun, type ColumnMeta, type TableName } from '../../data/contracts/index.ts';

export const RULES = {
  missing: 'required value missing',
  csvUnparseable: (detail: string) => `CSV line cannot be parsed: ${detail}`,
  notJsonObject: 'line is not a JSON object',
  notUtf8Line: 'line is not valid UTF-8',
  duplicate: (pk: string) => `duplicate ${pk} with different content`,
  parentBeforeWindow: (column: string, parent: TableName, days: number) =>
    `unknown ${column}: loaded anyway, its ${rowNoun(parent)} most likely predates the first delivered week (within ${days} days of the first ${rowNoun(parent)})`,
  immutableChanged: (column: string) => `conflict: ${column} may not change after delivery (value: kept → delivered)`,
  unknownKey: (column: string, parent: TableName) => `unknown ${column}: no such ${rowNoun(parent)}`,
  moneyNegative: 'money must be >= 0',
  moneyCents: 'money must have at most 2 decimals',
  timeZone:
    'time zone is not a zone name: give an offset (+08:00) or an IANA name (Asia/Shanghai); an abbreviation such as CST is ambiguous (US Central or China)',
} as const;

/** Rule for a value that does not parse as the column's type. */
export function wrongTypeRule(meta: ColumnMeta): string {
  switch (meta.kind) {
    case 'ts':
      return 'not a valid timestamp (ISO 8601 expected)';
    case 'money':
      return 'not a number (decimal expected)';
    case 'int':
      return 'not a whole number';
    case 'bool':
      return 'not true or false';
    default:
      return 'not text';
  }
}

export function enumRule(meta: ColumnMeta): string {
  return `must be one of ${(meta.values ?? []).join(', ')}`;
}

/** Rule for a timestamp earlier than another of the same row that must come first. */
export function orderRule(earlier: string): string {
  return `must not be before ${earlier}`;
}

/** Rule for a timestamp outside the plausible range: from `from`, before `to`. */
export function timestampRangeRule(from: string, to: string): string {
  return `timestamp outside the plausible range ${from} to ${to} (config ingest.earliestTimestamp, ingest.yearsAhead)`;
}

export function rangeRule(meta: ColumnMeta): string {
  return `must be between ${meta.min} and ${meta.max}`;
}
