// Utf8Builder appends text as the UTF-8 TextEncoder writes, growing its buffer as needed.
import { describe, expect, it } from 'vitest';
import { Utf8Builder } from '../../../pipelines/decide/utf8Builder.ts';

describe('Utf8Builder', () => {
  it('appends ASCII, accented letters, symbols and surrogate pairs as UTF-8, past its first buffer', () => {
    const b = new Utf8Builder(4);
    const parts = ['{"a":1}\n', 'é', '–✓', '😀', '', 'x'.repeat(100)];
    for (const p of parts) b.append(p);
    expect(b.bytes()).toEqual(new TextEncoder().encode(parts.join('')));
    expect(b.length).toBe(8 + 2 + 6 + 4 + 100);
  });

  it('is empty before anything is appended', () => {
    expect(new Utf8Builder().bytes().length).toBe(0);
  });
});
