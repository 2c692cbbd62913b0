// Parses one CSV record at a byte position (RFC 4180, `"` quoting, `""` escapes): where it ends, its fields, or why
// not.

const LF = 10;
const CR = 13;
const QUOTE = 34;

/** One field's bytes: inside the quotes for a quoted field, whose `""` pairs still have to be unescaped. */
export interface FieldSpan {
  start: number;
  end: number;
  quoted: boolean;
  escapes: boolean;
}

export interface ParsedRecord {
  ok: true;
  /** Position after the record and its line break. */
  end: number;
  fields: FieldSpan[];
  /** Positions of the line breaks inside quoted fields: the record spans that many physical lines more. */
  innerBreaks: number[];
  /** Whether the record ends with a line break (else at the end of the file). */
  terminated: boolean;
}

export interface BadRecord {
  ok: false;
  reason: string;
}

/** The window ended inside the record: read more of the file and parse again from the same position. */
export const NEED_MORE = 'more' as const;

export interface ParseOptions {
  delimiter: Buffer;
  /** A quoted field may run over line breaks (false when a single physical line is tried on its own). */
  multiline: boolean;
  /** A `"` inside an unquoted field is an error (else it is text, as DuckDB reads it). */
  strictQuotes: boolean;
}

function isDelimiter(buf: Buffer, i: number, d: Buffer): boolean {
  if (buf[i] !== d[0]) return false;
  for (let k = 1; k < d.length; k++) if (buf[i + k] !== d[k]) return false;
  return true;
}

/**
 * Parses the record starting at `pos` of `buf[0..len)`; `eof` says whether the file ends at `len`. Returns NEED_MORE
 * when
 * the record may continue past `len`. A closing quote must be followed by the delimiter, a line break or the end of
 * file.
 */
export function parseRecordAt(
  buf: Buffer,
  pos: number,
  len: number,
  eof: boolean,
  o: ParseOptions,
): ParsedRecord | BadRecord | typeof NEED_MORE {
  const fields: FieldSpan[] = [];
  const innerBreaks: number[] = [];
  const d = o.delimiter;
  const done = (end: number, terminated: boolean): ParsedRecord => ({ ok: true, end, fields, innerBreaks, terminated });
  let i = pos;
  for (;;) {
    if (i >= len) {
      if (!eof) return NEED_MORE;
      fields.push({ start: i, end: i, quoted: false, escapes: false });
      return done(i, false);
    }
    if (buf[i] === QUOTE) {
      let j = i + 1;
      let escapes = false;
      for (;;) {
        if (j >= len) return eof ? { ok: false, reason: 'unterminated quote' } : NEED_MORE;
        const b = buf[j];
        if (b === QUOTE) {
          if (j + 1 >= len && !eof) return NEED_MORE;
          if (buf[j + 1] === QUOTE) {
            escapes = true;
            j += 2;
            continue;
          }
          break;
        }
        if (b === LF) {
          if (!o.multiline) return { ok: false, reason: 'unterminated quote' };
          innerBreaks.push(j);
        }
        j++;
      }
      fields.push({ start: i + 1, end: j, quoted: true, escapes });
      i = j + 1;
      // What follows the quote decides: a delimiter, CR LF or LF (needs up to two bytes in view).
      if (i + Math.max(d.length, 2) > len && !eof) return NEED_MORE;
      if (i >= len) return done(i, false);
      if (isDelimiter(buf, i, d)) {
        i += d.length;
        continue;
      }
      if (buf[i] === LF) return done(i + 1, true);
      if (buf[i] === CR && buf[i + 1] === LF) return done(i + 2, true);
      return { ok: false, reason: 'unexpected text after a closing quote' };
    }
    let j = i;
    for (;;) {
      if (j >= len) {
        if (!eof) return NEED_MORE;
        fields.push({ start: i, end: j, quoted: false, escapes: false });
        return done(j, false);
      }
      const b = buf[j];
      if (b === LF) {
        fields.push({ start: i, end: j > i && buf[j - 1] === CR ? j - 1 : j, quoted: false, escapes: false });
        return done(j + 1, true);
      }
      if (b === d[0]) {
        if (j + d.length > len && !eof) return NEED_MORE;
        if (isDelimiter(buf, j, d)) {
          fields.push({ start: i, end: j, quoted: false, escapes: false });
          i = j + d.length;
          break;
        }
      }
      if (b === QUOTE && o.strictQuotes) return { ok: false, reason: 'quote inside an unquoted field' };
      j++;
    }
  }
}

/** A field's text: null for an empty unquoted field, '' for `""`, quotes unescaped. */
export function fieldValue(buf: Buffer, f: FieldSpan): string | null {
  if (!f.quoted && f.start === f.end) return null;
  const s = buf.toString('utf8', f.start, f.end);
  return f.escapes ? s.replaceAll('""', '"') : s;
}
