// Renders an Observable Plot chart on the server (jsdom as the document) to deterministic inline SVG inside a <figure>.
import * as Plot from '@observablehq/plot';
import { JSDOM } from 'jsdom';
import { html, showBidiControls, trusted, type SafeHtml } from '../html/escapeHtml.ts';

let dom: JSDOM | undefined;
function serverDocument(): Document {
  dom ??= new JSDOM('<!DOCTYPE html><html><body></body></html>');
  return dom.window.document;
}

const GEOMETRY_ATTRS = /\s(d|transform|x|y|x1|x2|y1|y2|cx|cy|r|width|height|points|dx|dy)="([^"]*)"/g;

/** Rounds coordinates to 0.1 px so output is stable across platforms and small enough to snapshot. */
function roundGeometry(svg: string): string {
  return svg.replace(GEOMETRY_ATTRS, (_m, name: string, value: string) => {
    const rounded = value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => {
      const r = Math.round(Number(n) * 10) / 10;
      return String(Object.is(r, -0) ? 0 : r);
    });
    return ` ${name}="${rounded}"`;
  });
}

/** Plot numbers clip paths and gradients from a global counter; renumber them per chart so pages are deterministic. */
function renumberIds(svg: string, prefix: string): string {
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string);
  let out = svg;
  ids.forEach((id, i) => {
    const fresh = `${prefix}-${i + 1}`;
    out = out
      .split(`id="${id}"`)
      .join(`id="${fresh}"`)
      .split(`url(#${id})`)
      .join(`url(#${fresh})`)
      .split(`href="#${id}"`)
      .join(`href="#${fresh}"`);
  });
  return out;
}

export interface ChartOptions {
  /** Stable id for the figure, unique in the page; also prefixes ids inside the SVG. */
  id: string;
  title: string;
  /** One sentence saying how to read the chart. */
  subtitle?: string;
  /** Text alternative for screen readers. */
  alt: string;
  plot: Plot.PlotOptions;
}

/**
 * Returns `<figure class="chart">` with the SVG inline; every string from data reached the SVG via textContent or
 * setAttribute, so the serializer escaped it, and any bidi control in it shows as its marker (⟨U+202E⟩).
 */
export function renderChart(opts: ChartOptions): SafeHtml {
  const doc = serverDocument();
  const node = Plot.plot({
    width: 560,
    height: 260,
    style: {
      fontSize: '11px',
      fontFamily: 'system-ui, sans-serif',
      background: 'white',
      color: '#1d2430',
      overflow: 'visible',
    },
    ...opts.plot,
    document: doc,
  });
  // With a legend Plot returns <figure><div legend with swatch svgs/><svg chart/></figure>: take the chart, a direct
  // child.
  const svgEl =
    node.tagName.toLowerCase() === 'svg'
      ? node
      : Array.from(node.children).find((c) => c.tagName.toLowerCase() === 'svg');
  if (!svgEl) throw new Error(`chart ${opts.id}: Plot produced no <svg>`);
  svgEl.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  svgEl.setAttribute('role', 'img');
  svgEl.setAttribute('aria-label', opts.alt);
  // A figure wrapper from Plot (legends) is kept whole; its legend swatches are inline SVG too.
  // A bidi control in a label (a shop's name) would reorder it: shown as its marker, as on the rest of the page.
  const markup = renumberIds(roundGeometry(showBidiControls(node.outerHTML)), opts.id);
  return html`<figure class="chart" id="${opts.id}"><figcaption>${opts.title}${opts.subtitle ? html`<span class="sub">${opts.subtitle}</span>` : ''}</figcaption>${trusted(markup)}</figure>`;
}

/** Consistent colours: the status quo is grey, scenarios take the categorical palette. */
export const PALETTE = ['#1f5fbf', '#e07b00', '#2a9d5b', '#b83280', '#6b4fbb', '#00838f', '#8d6e00'];
export const BASELINE_COLOUR = '#8a94a6';
