// The escaping helper: text and attribute contexts, the html tag escapes by default, control characters stay visible.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { escapeHtml, html, showBidiControls } from '../../reports/html/escapeHtml.ts';
import { dataId, dataIds, dataText, UNBROKEN_ID_WIDTH } from '../../reports/html/dataText.ts';

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

  it('shows every bidi control as a visible marker, so "\u202Egpj.exe" cannot read "exe.jpg"', () => {
    expect(escapeHtml('\u202Egpj.exe\u202C 买家')).toBe('⟨U+202E⟩gpj.exe⟨U+202C⟩ 买家');
    expect(showBidiControls('a\u202Ab\u202Bc\u202Dd\u2066e\u2067f\u2068g\u2069h\u200Ei\u200Fj\u061Ck')).toBe(
      'a⟨U+202A⟩b⟨U+202B⟩c⟨U+202D⟩d⟨U+2066⟩e⟨U+2067⟩f⟨U+2068⟩g⟨U+2069⟩h⟨U+200E⟩i⟨U+200F⟩j⟨U+061C⟩k',
    );
    expect(escapeHtml('שלום עולם متجر')).toBe('שלום עולם متجر');
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

describe('ids and names from the data', () => {
  it('isolates a name in a <bdi>, escaped, with a bidi control as a marker that names it', () => {
    expect(dataText('<b>"x"</b>').html).toBe('<bdi class="data">&lt;b&gt;&quot;x&quot;&lt;/b&gt;</bdi>');
    expect(dataText('\u202E evil 商店').html).toBe(
      '<bdi class="data"><span class="bidi-control" title="hidden in the data: right-to-left override">⟨U+202E⟩</span> evil 商店</bdi>',
    );
    expect(dataText(null).html).toBe('<bdi class="data"></bdi>');
  });

  it('keeps an id of up to 36 characters (a UUID) on one line and lets a longer one, or one with a space, wrap', () => {
    expect(UNBROKEN_ID_WIDTH).toBe(36);
    expect(dataId('3f2a9c4e-8b1d-4e6f-a7c2-9d0e5b8f1a63').html).toBe(
      '<bdi class="id">3f2a9c4e-8b1d-4e6f-a7c2-9d0e5b8f1a63</bdi>',
    );
    expect(dataId('b0001219').html).toBe('<bdi class="id">b0001219</bdi>');
    expect(dataId('m00031', 'muted').html).toBe('<bdi class="id muted">m00031</bdi>');
    expect(dataId('x'.repeat(UNBROKEN_ID_WIDTH)).html).toBe(`<bdi class="id">${'x'.repeat(UNBROKEN_ID_WIDTH)}</bdi>`);
    expect(dataId('x'.repeat(UNBROKEN_ID_WIDTH + 1)).html).toContain('class="id id-long"');
    // Wide characters count two, and a marker as the eight characters it shows.
    expect(dataId('买'.repeat(18)).html).not.toContain('id-long');
    expect(dataId('买'.repeat(19)).html).toContain('id-long');
    expect(dataId('\u202Egpj.exe\u202C🚀买家').html).not.toContain('id-long'); // 29 wide
    expect(dataId('\u202Egpj.exe\u202C🚀买家\u202E').html).toContain('id-long'); // 37 wide
    // white space: no real id holds it, and an id that does wraps at it
    expect(dataId('\u202Egpj.exe\u202C 🚀买家').html).toContain('id-long');
  });

  it('lists ids separately, so the list wraps between them', () => {
    expect(dataIds(['r1', '<r2>']).html).toBe('<bdi class="id">r1</bdi>, <bdi class="id">&lt;r2&gt;</bdi>');
  });
});
