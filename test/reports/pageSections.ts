// Splits a rendered report page into its blocks (head, site header, main intro, each <section>, footer) for snapshots:
// <style> blocks dropped, each chart's <svg> reduced to a short placeholder, one block element per line.
import { createHash } from 'node:crypto';

export interface PageSection {
  /** `head`, `header`, `main` (title, lede and anything before the first section), `section#<id>` or `footer`. */
  name: string;
  html: string;
}

/** The page cut at its top-level blocks, in order; joined together they are the page (before normalising). */
export function pageSections(page: string): PageSection[] {
  const cuts: { at: number; name: string }[] = [{ at: 0, name: 'head' }];
  const mark = (re: RegExp, name: string) => {
    const m = re.exec(page);
    if (!m) throw new Error(`page has no ${name}`);
    cuts.push({ at: m.index, name });
  };
  mark(/<header class="site">/, 'header');
  mark(/<main>/, 'main');
  let depth = 0;
  for (const m of page.matchAll(/<(\/?)section\b[^>]*>/g)) {
    if (m[1] === '/') depth--;
    else if (depth++ === 0)
      cuts.push({ at: m.index, name: `section#${/\bid="([^"]*)"/.exec(m[0])?.[1] ?? cuts.length}` });
  }
  mark(/<\/main>/, 'footer');
  cuts.sort((a, b) => a.at - b.at);
  return cuts.map((c, i) => ({ name: c.name, html: normalise(page.slice(c.at, cuts[i + 1]?.at ?? page.length)) }));
}

/** The inline stylesheets of a page, in order (the page's own and any chart legend's). */
export function styleBlocks(page: string): string[] {
  return [...page.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
}

const BLOCKS =
  'section|header|nav|main|footer|h1|h2|h3|p|div|figure|figcaption|table|thead|tbody|tr|ul|ol|li|dl|dt|dd|details|summary|svg';

function normalise(fragment: string): string {
  const noStyle = fragment.replace(/<style>[\s\S]*?<\/style>/g, '');
  return replaceSvgs(noStyle)
    .replace(new RegExp(`\\s*(<(?:${BLOCKS})\\b)`, 'g'), '\n$1')
    .trim();
}

/** Replaces every outermost <svg>…</svg> with svgPlaceholder(…). */
function replaceSvgs(fragment: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const start = fragment.indexOf('<svg', from);
    if (start < 0) return out + fragment.slice(from);
    const end = closingTagEnd(fragment, start, 'svg');
    out += fragment.slice(from, start) + svgPlaceholder(fragment.slice(start, end));
    from = end;
  }
}

function closingTagEnd(text: string, start: number, tag: string): number {
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  re.lastIndex = start;
  let depth = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    depth += m[1] === '/' ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error(`unclosed <${tag}> at ${start}`);
}

interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: (Node | string)[];
}

/** A minimal parser for the SVG jsdom serialises: every element has an explicit closing tag or ends in />. */
function parseSvg(svg: string): Node {
  const root: Node = { tag: '#root', attrs: {}, children: [] };
  const stack = [root];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|([^<]+)/g)) {
    const top = stack.at(-1)!;
    if (m[5] !== undefined) {
      top.children.push(decode(m[5]));
    } else if (m[1] === '/') {
      stack.pop();
    } else {
      const attrs = Object.fromEntries([...m[3]!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)]));
      const node: Node = { tag: m[2]!, attrs, children: [] };
      top.children.push(node);
      if (m[4] !== '/') stack.push(node);
    }
  }
  return root.children.find((c): c is Node => typeof c !== 'string') ?? root;
}

const decode = (s: string) =>
  s
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&');
const escape = (s: string) =>
  s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

function textOf(node: Node | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

function* walk(node: Node): Generator<Node> {
  yield node;
  for (const c of node.children) if (typeof c !== 'string') yield* walk(c);
}

/** Marks that only draw the frame of a chart: counted, their geometry left out of the fingerprint. */
const FRAME_MARK = /axis|grid|frame/;

/**
 * What a chart shows, in a few lines: size and accessible name, each mark group with its element count and a
 * fingerprint of its geometry rounded to whole pixels (so moved data changes it), and every text node.
 */
export function svgPlaceholder(svg: string): string {
  const root = parseSvg(svg);
  // A legend swatch or icon (no role="img") is its size and colour; a chart is summarised below.
  const keep = (
    root.attrs.role === 'img' ? ['width', 'height', 'role', 'aria-label'] : ['width', 'height', 'fill']
  ).filter((a) => root.attrs[a] !== undefined);
  const open = `<svg${keep.map((a) => ` ${a}="${escape(root.attrs[a]!)}"`).join('')}>`;
  if (root.attrs.role !== 'img') return `${open}</svg>`;
  const marks: string[] = [];
  for (const g of walk(root)) {
    const label = g.tag === 'g' ? g.attrs['aria-label'] : undefined;
    if (!label || label === 'facet') continue;
    const items = g.children.filter((c): c is Node => typeof c !== 'string');
    let mark = `${label} ×${items.length}`;
    if (!FRAME_MARK.test(label)) {
      const numbers = items
        .flatMap((n) => [...walk(n)])
        .flatMap((n) => Object.entries(n.attrs))
        .filter(([k]) => k !== 'aria-label')
        .map(([k, v]) => `${k}=${v.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, (x) => String(Math.round(Number(x))))}`);
      mark += ` #${createHash('sha256').update(numbers.join(';')).digest('hex').slice(0, 8)}`;
    }
    marks.push(mark);
  }
  const texts = [...walk(root)].filter((n) => n.tag === 'text').map((n) => textOf(n).trim());
  const lines = [open];
  if (marks.length) lines.push(`marks: ${marks.join(', ')}`);
  if (texts.length) lines.push(`texts (${texts.length}): ${escape(texts.join(' | '))}`);
  return `${lines.join('\n')}\n</svg>`;
}
