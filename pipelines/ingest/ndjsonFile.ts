// Reads an NDJSON file line by line as bytes, so a line with invalid UTF-8, a raw CR or any control character costs
// that line only (DuckDB's line reader fails the whole file on invalid UTF-8 and splits lines at a raw CR).
import { isUtf8 } from 'node:buffer';
import { closeSync, openSync } from 'node:fs';
import { FileWindow } from './fileWindow.ts';

const LF = 10;
const CR = 13;

export interface NdjsonLine {
  /** 1-based physical line. */
  line: number;
  /** The line's bytes without its line break (CR LF or LF); valid only until the next line is read. */
  bytes: Buffer;
}

/** Every physical line of the file, in order (a last line without a line break included). */
export function* ndjsonLines(path: string): Generator<NdjsonLine> {
  const fd = openSync(path, 'r');
  try {
    const w = new FileWindow(fd);
    let pos = w.more(0);
    let line = 0;
    for (;;) {
      let lf = w.buf.indexOf(LF, pos);
      if (lf < 0 || lf >= w.len) {
        if (!w.eof) {
          pos = w.more(pos);
          continue;
        }
        if (pos >= w.len) return;
        lf = w.len;
      }
      const end = lf > pos && w.buf[lf - 1] === CR ? lf - 1 : lf;
      yield { line: ++line, bytes: w.buf.subarray(pos, end) };
      pos = lf + 1;
    }
  } finally {
    closeSync(fd);
  }
}

/** Whether DuckDB's line reader reads the file as ingest does: valid UTF-8, and no CR or `separator` byte anywhere. */
export function ndjsonIsPlain(path: string, separator: number): boolean {
  for (const l of ndjsonLines(path)) {
    if (!isUtf8(l.bytes) || l.bytes.indexOf(CR) >= 0 || l.bytes.indexOf(separator) >= 0) return false;
  }
  return true;
}
