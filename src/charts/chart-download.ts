/**
 * Turns a chart drawn on the page into a file: a standalone SVG that looks the same outside the
 * app, and a PNG rendered from that SVG. Browser-only (DOM, canvas); imported only by the lazy
 * chart chunks, so the first screen never carries it.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/**
 * What the page's CSS gives a chart's text (inherited font, colour) and a file on its own would
 * lose. Shapes carry their colours as attributes, so text is what needs inlining.
 */
const TEXT_STYLES = [
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'fill',
  'fill-opacity',
  'letter-spacing',
] as const;

/** Elements that could run code or fetch something when the file is opened. */
const UNSAFE_ELEMENTS = 'script, foreignObject, iframe, object, embed, audio, video';

/** `url(...)` that points anywhere but a fragment inside the same file. */
const EXTERNAL_URL = /url\(\s*(?!['"]?#)/i;

export interface ChartSvg {
  /** The whole file: an XML declaration and one <svg> element. */
  text: string;
  /** Size in CSS pixels, as drawn on the page. */
  width: number;
  height: number;
}

export interface SerializeOptions {
  /** Becomes the file's <title>, which viewers and screen readers show. */
  title?: string;
  /** Painted behind the chart; transparent charts are unreadable on dark viewers. */
  background?: string;
  /**
   * Lines of text written under the chart, the first in bold: a key that the page shows as HTML
   * beside the chart. The file grows to fit them.
   */
  key?: readonly string[];
}

const KEY_FONT_SIZE = 13;
const KEY_LINE_HEIGHT = 18;
const KEY_PADDING = 12;

/**
 * The key as SVG text under the chart, and the size the file needs for it. Widths are
 * estimated (0.62 em a character, a little more than most text needs): the file is made
 * from a copy that is never laid out.
 */
function keyAsSvg(
  lines: readonly string[],
  box: [number, number, number, number],
  fontFamily: string,
): { group: SVGGElement; width: number; height: number } {
  const [vx, vy, vw, vh] = box;
  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', 'key');
  lines.forEach((line, i) => {
    const text = document.createElementNS(SVG_NS, 'text');
    text.textContent = line;
    text.setAttribute('x', String(vx + KEY_PADDING));
    text.setAttribute('y', String(vy + vh + KEY_PADDING + i * KEY_LINE_HEIGHT + KEY_FONT_SIZE));
    text.style.setProperty('font-size', `${KEY_FONT_SIZE}px`);
    if (fontFamily) text.style.setProperty('font-family', fontFamily);
    text.style.setProperty('font-weight', i === 0 ? '700' : '400');
    text.style.setProperty('fill', '#1e2b3c');
    group.append(text);
  });
  const widest = Math.max(0, ...lines.map((l) => l.length * KEY_FONT_SIZE * 0.62));
  return {
    group,
    width: Math.max(vw, Math.ceil(widest + 2 * KEY_PADDING)),
    height: vh + (lines.length > 0 ? 2 * KEY_PADDING + lines.length * KEY_LINE_HEIGHT : 0),
  };
}

/** The chart's own <svg> inside a container, not one of recharts' small legend icons. */
export function findChartSvg(root: ParentNode): SVGSVGElement | null {
  const main = root.querySelector<SVGSVGElement>('.recharts-wrapper > svg');
  if (main) return main;
  for (const svg of root.querySelectorAll<SVGSVGElement>('svg')) {
    if (!svg.closest('.recharts-legend-wrapper') && !svg.parentElement?.closest('svg')) return svg;
  }
  return null;
}

function number(value: string | null): number | null {
  if (value === null || !/^\s*[\d.]+\s*(px)?\s*$/.test(value)) return null;
  const n = Number.parseFloat(value);
  return Number.isFinite(n) && n > 0 ? n : null;
}

function viewBoxOf(svg: SVGSVGElement): [number, number, number, number] | null {
  const parts = (svg.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [x, y, w, h] = parts as [number, number, number, number];
  return w > 0 && h > 0 ? [x, y, w, h] : null;
}

/** Width and height as drawn: the numeric attributes recharts sets, else the layout box. */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
  const rect = svg.getBoundingClientRect();
  const box = viewBoxOf(svg);
  const width = number(svg.getAttribute('width')) ?? (rect.width || box?.[2] || 300);
  const height = number(svg.getAttribute('height')) ?? (rect.height || box?.[3] || 150);
  return { width: round(width), height: round(height) };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

/** Copies the computed text styles of `original` onto `copy`, which has the same structure. */
function inlineStyles(original: Element, copy: Element): void {
  const originals = [original, ...original.querySelectorAll('*')];
  const copies = [copy, ...copy.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const target = copies[i];
    if (!target || !(target instanceof SVGElement)) return;
    const tag = el.localName;
    const computed = getComputedStyle(el);
    if (tag === 'text' || tag === 'tspan') {
      // A tspan inherits from its text in the file as on the page: only differences are written.
      const parent =
        tag === 'tspan' && el.parentElement ? getComputedStyle(el.parentElement) : null;
      for (const property of TEXT_STYLES) {
        const value = computed.getPropertyValue(property);
        if (value && (!parent || parent.getPropertyValue(property) !== value)) {
          target.style.setProperty(property, value);
        }
      }
    }
    // currentColor means "the page's text colour", which a file on its own does not have.
    for (const property of ['fill', 'stroke'] as const) {
      const declared = `${target.getAttribute(property) ?? ''} ${target.style.getPropertyValue(property)}`;
      if (/currentcolor/i.test(declared)) {
        target.style.setProperty(property, computed.color || '#000000');
      }
    }
  });
}

/** Removes whatever could run code or reach outside the file. */
function sanitize(root: Element): void {
  for (const el of root.querySelectorAll(UNSAFE_ELEMENTS)) el.remove();
  // A link keeps its content but stops being a link.
  for (const link of root.querySelectorAll('a')) link.replaceWith(...link.childNodes);
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      const value = attr.value;
      if (name.startsWith('on')) {
        el.removeAttribute(attr.name);
      } else if (name === 'href' || name === 'xlink:href') {
        const inline = value.startsWith('#') || /^data:image\/(png|jpeg|gif|webp);/i.test(value);
        if (!inline) el.remove();
      } else if (name === 'style' && el instanceof SVGElement) {
        for (const property of [...el.style]) {
          if (EXTERNAL_URL.test(el.style.getPropertyValue(property))) {
            el.style.removeProperty(property);
          }
        }
      } else if (EXTERNAL_URL.test(value)) {
        el.removeAttribute(attr.name);
      }
    }
  }
}

/**
 * Drops what only matters on the page: focus stops, ARIA (the file's <title> names it), focus
 * outlines, and the empty <title>/<desc> recharts writes.
 */
function withoutPageOnlyParts(root: Element): void {
  for (const el of root.querySelectorAll('title, desc')) {
    if (!el.textContent?.trim()) el.remove();
  }
  for (const el of [root, ...root.querySelectorAll('*')]) {
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      if (
        name === 'tabindex' ||
        name === 'role' ||
        name === 'focusable' ||
        name.startsWith('aria-')
      ) {
        el.removeAttribute(attr.name);
      }
    }
    if (el instanceof SVGElement && el.style.getPropertyValue('outline')) {
      el.style.removeProperty('outline');
      if (el.style.length === 0) el.removeAttribute('style');
    }
  }
}

/**
 * recharts draws its legend as HTML beside the <svg>. The file gets it as SVG: each item's icon
 * and text placed where the page shows them. Needs layout, so it does nothing where there is none.
 */
function legendAsSvg(
  svg: SVGSVGElement,
  box: [number, number, number, number],
): SVGGElement | null {
  const host = svg.closest('.recharts-wrapper') ?? svg.parentElement;
  const items = host ? [...host.querySelectorAll('.recharts-legend-item')] : [];
  const origin = svg.getBoundingClientRect();
  if (items.length === 0 || origin.width === 0 || origin.height === 0) return null;
  const [vx, vy, vw, vh] = box;
  const sx = vw / origin.width;
  const sy = vh / origin.height;
  const at = (rect: DOMRect) => ({
    x: round(vx + (rect.left - origin.left) * sx),
    y: round(vy + (rect.top - origin.top) * sy),
    width: round(rect.width * sx),
    height: round(rect.height * sy),
  });

  const group = document.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', 'legend');
  for (const item of items) {
    const icon = item.querySelector('svg');
    if (icon) {
      const copy = icon.cloneNode(true) as SVGSVGElement;
      inlineStyles(icon, copy);
      const place = at(icon.getBoundingClientRect());
      copy.setAttribute('x', String(place.x));
      copy.setAttribute('y', String(place.y));
      copy.setAttribute('width', String(place.width));
      copy.setAttribute('height', String(place.height));
      copy.removeAttribute('style');
      copy.removeAttribute('class');
      group.append(copy);
    }
    const label = item.querySelector('.recharts-legend-item-text') ?? item;
    const content = label.textContent?.trim();
    if (!content) continue;
    // The text's colour and font sit on the innermost element (a formatter may wrap it in a span).
    let inner: Element = label;
    while (inner.firstElementChild && inner.firstElementChild.textContent?.trim() === content) {
      inner = inner.firstElementChild;
    }
    const style = getComputedStyle(inner);
    const place = at(label.getBoundingClientRect());
    const fontSize = Number.parseFloat(style.fontSize) || 16;
    const text = document.createElementNS(SVG_NS, 'text');
    text.textContent = content;
    text.setAttribute('x', String(place.x));
    // Baseline from the box's middle: works in viewers that ignore dominant-baseline.
    text.setAttribute('y', String(round(place.y + place.height / 2 + fontSize * 0.35 * sy)));
    text.style.setProperty('font-family', style.fontFamily);
    text.style.setProperty('font-size', `${round(fontSize * sy)}px`);
    text.style.setProperty('font-weight', style.fontWeight);
    text.style.setProperty('fill', style.color);
    group.append(text);
  }
  return group.childNodes.length > 0 ? group : null;
}

/**
 * A standalone SVG file of a chart on the page: xmlns, width, height and viewBox set, a
 * background, the text styles the page's CSS gave it, its HTML legend redrawn as SVG, any key
 * lines under it, and nothing that runs code or points outside the file.
 */
export function serializeChartSvg(svg: SVGSVGElement, options: SerializeOptions = {}): ChartSvg {
  let { width, height } = sizeOf(svg);
  let box = viewBoxOf(svg) ?? [0, 0, width, height];
  const copy = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, copy);
  sanitize(copy);

  copy.removeAttribute('style');
  copy.removeAttribute('class');
  withoutPageOnlyParts(copy);
  copy.setAttributeNS(XMLNS_NS, 'xmlns', SVG_NS);
  copy.setAttribute('version', '1.1');
  const rootStyle = getComputedStyle(svg);
  if (rootStyle.fontFamily) copy.style.setProperty('font-family', rootStyle.fontFamily);

  const legend = legendAsSvg(svg, box);
  if (legend) {
    sanitize(legend);
    withoutPageOnlyParts(legend);
    copy.append(legend);
  }

  if (options.key && options.key.length > 0) {
    const key = keyAsSvg(options.key, box, rootStyle.fontFamily);
    copy.append(key.group);
    // The file grows in the viewBox's units; width and height keep their scale to it.
    const scaleX = width / box[2];
    const scaleY = height / box[3];
    box = [box[0], box[1], key.width, key.height];
    width = round(key.width * scaleX);
    height = round(key.height * scaleY);
  }
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', box.join(' '));

  const background = document.createElementNS(SVG_NS, 'rect');
  background.setAttribute('x', String(box[0]));
  background.setAttribute('y', String(box[1]));
  background.setAttribute('width', String(box[2]));
  background.setAttribute('height', String(box[3]));
  background.setAttribute('fill', options.background ?? '#ffffff');
  background.setAttribute('class', 'background');
  copy.prepend(background);

  if (options.title) {
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = options.title;
    copy.prepend(title);
  }

  const xml = new XMLSerializer().serializeToString(copy);
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`, width, height };
}

/**
 * Draws an SVG file on a canvas at `scale` × its size (sharp on high-density screens and in
 * slides) and encodes it as PNG. The image loads from a blob: URL, which the CSP allows.
 */
export async function svgToPng(chart: ChartSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([chart.text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const image = new Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('chart-image-failed'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(chart.width * scale));
    canvas.height = Math.max(1, Math.round(chart.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('chart-canvas-failed');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('chart-png-failed'))),
        'image/png',
      );
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
