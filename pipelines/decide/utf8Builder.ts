// A growing buffer that text is appended to as UTF-8: decide's output, kept out of the JavaScript heap as it is built.
const encoder = new TextEncoder();

/** Appends strings as UTF-8 bytes; `bytes()` is a view of what was written (valid until the next append). */
export class Utf8Builder {
  private buf: Uint8Array<ArrayBuffer>;
  private used = 0;

  constructor(initialBytes = 65_536) {
    this.buf = new Uint8Array(Math.max(16, initialBytes));
  }

  append(s: string): void {
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
    const need = this.used + 3 * s.length;
    if (need > this.buf.length) {
      const next = new Uint8Array(Math.max(need, 2 * this.buf.length));
      next.set(this.buf.subarray(0, this.used));
      this.buf = next;
    }
    this.used += encoder.encodeInto(s, this.buf.subarray(this.used)).written;
  }

  get length(): number {
    return this.used;
  }

  bytes(): Uint8Array<ArrayBuffer> {
    return this.buf.subarray(0, this.used);
  }
}
