// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, UTF-8 byte-order mark, and a guard against formula injection.
export type CsvValue = string | number | boolean | null | undefined | readonly string[];

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => CsvValue;
}

export interface CsvOptions {
  /** Starts the file with U+FEFF so Excel reads it as UTF-8 (default true). */
  bom?: boolean;
  /** Separator for list values such as reasons (default " | "). */
  listSeparator?: string;
}

/**
 * A text cell that starts with = + - @ (or tab / carriage return) would run as a formula when the file is opened in
 * Excel, LibreOffice or Google Sheets (OWASP "CSV injection"). Such cells get a leading apostrophe, which spreadsheets
 * show as plain text; numbers are written as numbers and never prefixed.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One field, always double-quoted with inner quotes doubled (RFC 4180), so commas, quotes and newlines survive. */
export function csvField(value: CsvValue, listSeparator = ' | '): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (typeof value === 'string') text = guardFormula(value);
  else text = guardFormula(value.join(listSeparator));
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv<T>(columns: readonly CsvColumn<T>[], rows: readonly T[], opts: CsvOptions = {}): string {
  const sep = opts.listSeparator ?? ' | ';
  const lines = [columns.map((c) => csvField(c.header, sep)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvField(c.value(row), sep)).join(','));
  return (opts.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}
