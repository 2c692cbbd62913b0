// A sliding window over a file read in chunks, for ingest's own byte-level reading of CSV and NDJSON files.
import { readSync } from 'node:fs';

const CHUNK = 1 << 20;

/** A sliding window over a file, read in chunks; positions are relative to the window. */
export class FileWindow {
  buf = Buffer.alloc(CHUNK);
  len = 0;
  eof = false;
  private offset = 0;
  constructor(private readonly fd: number) {}

  /** Drops the bytes before `keep`, reads more; returns the new position of `keep`. */
  more(keep: number): number {
    if (keep > 0) {
      this.buf.copy(this.buf, 0, keep, this.len);
      this.len -= keep;
    }
    if (this.len + CHUNK > this.buf.length) {
      const grown = Buffer.alloc(Math.max(this.buf.length * 2, this.len + CHUNK));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
    }
    const n = readSync(this.fd, this.buf, this.len, this.buf.length - this.len, this.offset);
    this.offset += n;
    this.len += n;
    if (n === 0) this.eof = true;
    return 0;
  }
}
