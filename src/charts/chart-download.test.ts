import { afterEach, describe, expect, it } from 'vitest';
import { findChartSvg, serializeChartSvg } from './chart-download';

/** A small chart as recharts draws one: a wrapper, the surface and an HTML legend with an icon. */
const CHART = `
  <div class="recharts-wrapper">
    <svg class="recharts-surface" width="400" height="200" viewBox="0 0 400 200"
         style="width: 100%; height: 100%" tabindex="0" role="application">
      <title></title><desc></desc>
      <defs><clipPath id="c1"><rect x="0" y="0" width="400" height="200"></rect></clipPath></defs>
      <g clip-path="url(#c1)" tabindex="-1" style="outline: none" aria-label="Plot">
        <rect class="bar" x="10" y="10" width="120" height="30" fill="#1f5f8b"></rect>
        <path class="mark" d="M0 0 L10 10" stroke="currentColor" onclick="alert(1)"></path>
        <text class="tick" x="5" y="60"><tspan>Tingvoll</tspan></text>
        <text class="note" x="5" y="90" style="fill: url(https://example.com/paint.svg#p)">Merknad</text>
      </g>
      <image href="https://example.com/tracker.png" width="1" height="1"></image>
      <use href="https://example.com/sprite.svg#icon"></use>
      <use href="#c1"></use>
      <a href="https://example.com/"><text x="5" y="120">Lenke</text></a>
      <script>alert(1)</script>
      <foreignObject width="10" height="10"><div>html</div></foreignObject>
    </svg>
    <div class="recharts-legend-wrapper">
      <ul><li class="recharts-legend-item">
        <svg class="recharts-surface" width="14" height="14" viewBox="0 0 32 32"><path d="M0 0h32v32H0z"></path></svg>
        <span class="recharts-legend-item-text">Median</span>
      </li></ul>
    </div>
  </div>`;

const PAGE_CSS = `
  .chart { color: rgb(10, 20, 30); }
  text { font-family: Georgia, serif; font-size: 13px; font-weight: 700; fill: #123456; }
`;

function mount(): { container: HTMLDivElement; svg: SVGSVGElement } {
  const style = document.createElement('style');
  style.textContent = PAGE_CSS;
  document.head.append(style);
  const container = document.createElement('div');
  container.className = 'chart';
  container.innerHTML = CHART;
  document.body.append(container);
  const svg = findChartSvg(container);
  if (!svg) throw new Error('no chart svg');
  return { container, svg };
}

function parse(text: string): Document {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

afterEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('findChartSvg', () => {
  it('finds the chart surface, not a legend icon', () => {
    const { svg } = mount();
    expect(svg.getAttribute('width')).toBe('400');
  });

  it('finds a plain <svg> outside recharts, and nothing where there is none', () => {
    const div = document.createElement('div');
    div.innerHTML = '<p>x</p><svg width="10" height="10"><svg width="5" height="5"></svg></svg>';
    expect(findChartSvg(div)?.getAttribute('width')).toBe('10');
    expect(findChartSvg(document.createElement('div'))).toBeNull();
  });
});

describe('serializeChartSvg', () => {
  it('writes a standalone SVG file: XML declaration, xmlns, size, viewBox, title', () => {
    const { svg } = mount();
    const file = serializeChartSvg(svg, { title: 'Skår per område for Tingvoll' });
    expect(file.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
    expect(file).toMatchObject({ width: 400, height: 200 });
    const root = parse(file.text).documentElement;
    expect(root.localName).toBe('svg');
    expect(root.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(file.text).toMatch(/<svg[^>]* xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(root.getAttribute('width')).toBe('400');
    expect(root.getAttribute('height')).toBe('200');
    expect(root.getAttribute('viewBox')).toBe('0 0 400 200');
    expect(root.firstElementChild?.localName).toBe('title');
    expect(root.firstElementChild?.textContent).toBe('Skår per område for Tingvoll');
    // The page-only attributes are gone: no focus stop, no role, no 100 % sizing.
    for (const name of ['tabindex', 'role', 'class']) expect(root.hasAttribute(name)).toBe(false);
    expect(
      root.querySelectorAll('[tabindex], [role], [aria-label], title:empty, desc'),
    ).toHaveLength(0);
    expect(root.querySelector('g')?.hasAttribute('style')).toBe(false);
    expect(root.getAttribute('style') ?? '').not.toMatch(/width|height/);
  });

  it('paints a white background behind everything, covering the viewBox', () => {
    const { svg } = mount();
    const root = parse(serializeChartSvg(svg).text).documentElement;
    const background = root.firstElementChild!;
    expect(background.localName).toBe('rect');
    expect(background.getAttribute('fill')).toBe('#ffffff');
    expect(['x', 'y', 'width', 'height'].map((a) => background.getAttribute(a))).toEqual([
      '0',
      '0',
      '400',
      '200',
    ]);
    // A chosen colour and a viewBox that does not start at 0 0.
    svg.setAttribute('viewBox', '-10 -5 420 210');
    const shifted = parse(serializeChartSvg(svg, { background: '#fafafa' }).text).documentElement;
    const rect = shifted.querySelector('rect.background')!;
    expect(rect.getAttribute('fill')).toBe('#fafafa');
    expect(rect.getAttribute('x')).toBe('-10');
    expect(rect.getAttribute('height')).toBe('210');
  });

  it('inlines the text styles the page gave it, and resolves currentColor', () => {
    const { svg } = mount();
    const root = parse(serializeChartSvg(svg).text).documentElement;
    const tick = root.querySelector('text.tick') as SVGTextElement;
    const style = tick.getAttribute('style') ?? '';
    expect(style).toMatch(/font-family:\s*Georgia, serif/);
    expect(style).toMatch(/font-size:\s*13px/);
    expect(style).toMatch(/font-weight:\s*700/);
    expect(style).toMatch(/fill:\s*(#123456|rgb\(18, 52, 86\))/);
    // A tspan that looks like its text gets no copy of the same styles.
    expect(tick.querySelector('tspan')?.getAttribute('style') ?? '').toBe('');
    expect(tick.textContent).toBe('Tingvoll');
    // currentColor would mean "black" in a file on its own: it becomes the page's colour.
    const mark = root.querySelector('path.mark')!;
    expect(mark.getAttribute('style')).toMatch(/stroke:\s*rgb\(10, 20, 30\)/);
    // Shapes keep the colours recharts gave them as attributes.
    expect(root.querySelector('rect.bar')?.getAttribute('fill')).toBe('#1f5f8b');
  });

  it('keeps no script, handler or reference outside the file', () => {
    const { svg } = mount();
    const text = serializeChartSvg(svg).text;
    const root = parse(text).documentElement;
    expect(root.querySelector('script, foreignObject, image, a')).toBeNull();
    expect(text).not.toMatch(/<script|onclick|alert\(/i);
    expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
    // Internal references still work: the clip path and a <use> of a local id stay.
    expect(root.querySelector('g')?.getAttribute('clip-path')).toBe('url(#c1)');
    expect(root.querySelectorAll('use')).toHaveLength(1);
    expect(root.querySelector('use')?.getAttribute('href')).toBe('#c1');
    // A link's text stays; only the link goes.
    expect(root.textContent).toContain('Lenke');
    // The note's external paint is dropped, its inlined font kept.
    expect(root.querySelector('text.note')?.getAttribute('style')).toMatch(/font-family/);
  });

  it('writes a key under the chart, and grows the file to hold it', () => {
    const { svg } = mount();
    const key = [
      'Områdene i diagrammet',
      '1  Strategi: viktighet 3,6, skår 63',
      '3  Dialog med næringslivet: viktighet 3,0',
    ];
    const file = serializeChartSvg(svg, { key });
    // 12 px padding above and below, 18 px a line: 200 + 24 + 54.
    expect(file).toMatchObject({ width: 400, height: 278 });
    const root = parse(file.text).documentElement;
    expect(root.getAttribute('viewBox')).toBe('0 0 400 278');
    expect(root.querySelector('rect.background')?.getAttribute('height')).toBe('278');
    const lines = [...root.querySelectorAll('g.key text')];
    expect(lines.map((l) => l.textContent)).toEqual(key);
    // Each line under the chart and under the one before; the first in bold.
    const ys = lines.map((l) => Number(l.getAttribute('y')));
    expect(ys[0]).toBeGreaterThan(200);
    expect(ys[1]! - ys[0]!).toBe(18);
    expect(ys.at(-1)).toBeLessThanOrEqual(278);
    expect(lines[0]!.getAttribute('style')).toMatch(/font-weight:\s*700/);
    // A line too long for the chart's width widens the file.
    const wide = serializeChartSvg(svg, { key: ['x'.repeat(80)] });
    expect(wide.width).toBeGreaterThan(400);
    expect(parse(wide.text).documentElement.getAttribute('viewBox')).toBe(
      `0 0 ${wide.width} ${wide.height}`,
    );
  });

  it('leaves the chart on the page untouched', () => {
    const { svg, container } = mount();
    const before = container.innerHTML;
    serializeChartSvg(svg, { title: 'x' });
    expect(container.innerHTML).toBe(before);
  });

  it('falls back to the viewBox for size when the attributes are relative', () => {
    const { svg } = mount();
    svg.setAttribute('width', '100%');
    svg.removeAttribute('height');
    const file = serializeChartSvg(svg);
    expect(file).toMatchObject({ width: 400, height: 200 });
  });
});
