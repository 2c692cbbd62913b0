// The escaping helper: text and attribute contexts, the html tag escapes by default, control characters stay visible.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, html } from '../../reports/html/escapeHtml.ts';

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe(
      '&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;',
    );
  });

  it('turns null and undefined into nothing and numbers into text', () => {
    expect(escapeHtml(null)).toBe('');
    expect(escapeHtml(undefined)).toBe('');
    expect(escapeHtml(12.5)).toBe('12.5');
  });

  it('replaces control characters with U+FFFD but keeps tabs, newlines and any script', () => {
    expect(escapeHtml('a\u0000b\u0007c\td\ne 鲜果')).toBe('a\uFFFDb\uFFFDc\td\ne 鲜果');
  });

  it('never leaves a raw < > " or \' for any input', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(escapeHtml(s)).not.toMatch(/[<>"']/);
      }),
    );
  });
});

describe('html tag', () => {
  it('escapes interpolated strings in text and attribute positions', () => {
    const name = '"><svg onload="x()">';
    expect(html`<a title="${name}">${name}</a>`.html).toBe(
      '<a title="&quot;&gt;&lt;svg onload=&quot;x()&quot;&gt;">&quot;&gt;&lt;svg onload=&quot;x()&quot;&gt;</a>',
    );
  });

  it('keeps SafeHtml and flattens arrays, dropping null, undefined and false', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}${[html`<br>`, 'x<y', null, undefined, false]}</p>`.html).toBe(
      '<p><b>&lt;i&gt;</b><br>x&lt;y</p>',
    );
  });
});
