// Reads a CSV file record by record and recovers after damage: a record that cannot be parsed costs its own physical
// line only, so a stray quote or a wrong field count never folds the rows after it into one value.
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync } from 'node:fs';
import { FileWindow } from './fileWindow.ts';
import { fieldValue, NEED_MORE, parseRecordAt, type ParsedRecord, type ParseOptions } from './csvRecord.ts';

export interface CsvRecordItem {
  kind: 'record';
  /** 1-based among the data items (records and unreadable lines; blank lines are not counted). */
  row: number;
  /** 1-based physical line the record starts on (the header is line 1). */
  line: number;
  /** Field values (null = empty unquoted field), when asked for. */
  values: (string | null)[] | null;
  /** Physical lines the record spans (more than one when a quoted field holds line breaks). */
  lines: number;
  /** The record holds a CR that does not end its line (DuckDB's reader takes it for a line break). */
  loneCr: boolean;
  /** How its line ends: CR LF, LF, or null for a last line without a break. */
  ending: LineEnding;
}

export type LineEnding = 'crlf' | 'lf' | null;

export interface CsvBadItem {
  kind: 'bad';
  row: number;
  line: number;
  /** The physical line as text (invalid UTF-8 shown as U+FFFD). */
  text: string;
  reason: string;
}

export type CsvItem = CsvRecordItem | CsvBadItem;

export interface CsvHeader {
  names: string[];
  /** Physical lines the header takes. */
  lines: number;
  ending: LineEnding;
}

const LF = 10;
const CR = 13;
/** DuckDB's max_line_size as ingest sets it: a record longer than this is treated as damage. */
export const MAX_RECORD_BYTES = 16_000_000;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** How a parsed record's line ends (its end is past the break). */
function endingOf(buf: Buffer, r: ParsedRecord): LineEnding {
  return r.terminated ? (buf[r.end - 2] === CR ? 'crlf' : 'lf') : null;
}

/** Whether buf[start..end) holds a CR not followed by LF. */
function hasLoneCr(buf: Buffer, start: number, end: number): boolean {
  for (let i = buf.indexOf(CR, start); i >= 0 && i < end; i = buf.indexOf(CR, i + 1))
    if (buf[i + 1] !== LF) return true;
  return false;
}

/** The next line break at or after `pos` within the window, or -1. */
function lineBreak(w: FileWindow, pos: number): number {
  const lf = w.buf.indexOf(LF, pos);
  return lf >= w.len ? -1 : lf;
}

/**
 * A CSV file read with recovery. `header()` first, then `items()`: each data record with its row and line, or each
 * physical line that could not be read as a record, with the reason. Rules beyond RFC 4180, in order:
 * - a record must have as many fields as the header, be valid UTF-8 and fit in 16 MB;
 * - a quoted field may run over line breaks, unless one of the lines it runs over is a whole record by itself: then a
 *   stray quote is more likely than a multi-line value, and the lines are read one by one;
 * - after a record that cannot be read, reading goes on at the next physical line; blank lines are skipped.
 */
export class CsvFile {
  private readonly win: FileWindow;
  private readonly fd: number;
  private pos = 0;
  private readonly strict: ParseOptions;
  private readonly loose: ParseOptions;
  headerInfo: CsvHeader | null = null;

  constructor(
    path: string,
    delimiter: string,
    private readonly withValues: boolean,
  ) {
    this.fd = openSync(path, 'r');
    this.win = new FileWindow(this.fd);
    const d = Buffer.from(delimiter, 'utf8');
    this.loose = { delimiter: d, multiline: true, strictQuotes: false };
    this.strict = { delimiter: d, multiline: false, strictQuotes: true };
  }

  close(): void {
    closeSync(this.fd);
  }

  /** The header record; null for a file with no bytes (or only a byte-order mark and blank space). */
  header(): CsvHeader | null {
    const w = this.win;
    this.pos = w.more(0);
    if (w.len >= 3 && w.buf.subarray(0, 3).equals(BOM)) this.pos = 3;
    for (;;) {
      const r = parseRecordAt(w.buf, this.pos, w.len, w.eof, this.loose);
      if (r === NEED_MORE) {
        if (w.len - this.pos > MAX_RECORD_BYTES) throw new Error('the header line is longer than 16 MB');
        this.pos = w.more(this.pos);
        continue;
      }
      if (!r.ok) throw new Error(`the header line cannot be parsed (${r.reason})`);
      const names = r.fields.map((f) => fieldValue(w.buf, f) ?? '');
      if (r.end === this.pos || (names.length === 1 && names[0]!.trim() === '')) return null;
      this.pos = r.end;
      this.headerInfo = { names, lines: 1 + r.innerBreaks.length, ending: endingOf(w.buf, r) };
      return this.headerInfo;
    }
  }

  /** The data items after the header. */
  *items(): Generator<CsvItem> {
    const h = this.headerInfo;
    if (!h) return;
    const w = this.win;
    const n = h.names.length;
    let row = 0;
    let line = h.lines + 1;
    for (;;) {
      if (this.pos >= w.len) {
        if (w.eof) return;
        this.pos = w.more(this.pos);
        continue;
      }
      const b = w.buf[this.pos];
      if (b === LF || (b === CR && w.buf[this.pos + 1] === LF)) {
        this.pos += b === LF ? 1 : 2;
        line++;
        continue;
      }
      if (b === CR && this.pos + 1 >= w.len && !w.eof) {
        this.pos = w.more(this.pos);
        continue;
      }
      const r = parseRecordAt(w.buf, this.pos, w.len, w.eof, this.loose);
      if (r === NEED_MORE && w.len - this.pos <= MAX_RECORD_BYTES) {
        this.pos = w.more(this.pos);
        continue;
      }
      const reason = r === NEED_MORE ? 'record longer than 16 MB' : r.ok ? this.problem(r, n) : r.reason;
      if (reason === null && r !== NEED_MORE && r.ok) {
        const values = this.withValues ? r.fields.map((f) => fieldValue(w.buf, f)) : null;
        yield {
          kind: 'record',
          row: ++row,
          line,
          values,
          lines: 1 + r.innerBreaks.length,
          loneCr: hasLoneCr(w.buf, this.pos, r.end),
          ending: endingOf(w.buf, r),
        };
        line += r.innerBreaks.length + (r.terminated ? 1 : 0);
        this.pos = r.end;
        continue;
      }
      // The record cannot be read: its first physical line is set aside and reading resumes on the next line.
      let lf = lineBreak(w, this.pos);
      while (lf < 0 && !w.eof && w.len - this.pos <= MAX_RECORD_BYTES) {
        this.pos = w.more(this.pos);
        lf = lineBreak(w, this.pos);
      }
      const end = lf < 0 ? w.len : lf;
      const textEnd = end > this.pos && w.buf[end - 1] === CR ? end - 1 : end;
      yield {
        kind: 'bad',
        row: ++row,
        line,
        text: w.buf.toString('utf8', this.pos, textEnd),
        reason: reason ?? 'cannot be parsed',
      };
      line++;
      this.pos = lf < 0 ? w.len : lf + 1;
    }
  }

  /** Why a parsed record is not taken as a row, or null when it is. */
  private problem(r: ParsedRecord, n: number): string | null {
    const w = this.win;
    if (r.fields.length !== n) return `expected ${n} field${n === 1 ? '' : 's'}, found ${r.fields.length}`;
    if (!isUtf8(w.buf.subarray(this.pos, r.end))) return 'not valid UTF-8';
    for (const br of r.innerBreaks) {
      const alone = parseRecordAt(w.buf, br + 1, r.end, true, this.strict);
      if (alone !== NEED_MORE && alone.ok && alone.fields.length === n) {
        return 'a quoted field runs over lines that are whole records themselves (a stray quote?)';
      }
    }
    return null;
  }
}
