import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { slug } from '../src/domain/files/results-file';
import {
  animationsSettled,
  expectNoAxeViolations,
  guardRequests,
  startResponse,
  shownAreaGroups,
  tabTo,
} from './helpers';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

interface Downloaded {
  fileName: string;
  body: Buffer;
}

/** Starts a download with the button (a click, or Enter after tabbing to it) and reads the file. */
async function download(
  page: Page,
  button: Locator,
  how: 'click' | 'keyboard',
): Promise<Downloaded> {
  const started = page.waitForEvent('download');
  if (how === 'click') {
    await button.click();
  } else {
    await tabTo(page, button, 200);
    await page.keyboard.press('Enter');
  }
  const file = await started;
  const path = await file.path();
  return { fileName: file.suggestedFilename(), body: await readFile(path) };
}

/** The drawn size of the chart's own <svg> on the page. */
async function chartSize(chart: Locator) {
  return chart.locator('.recharts-wrapper > svg').evaluate((svg) => {
    const r = svg.getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  });
}

/** A PNG is a signature, then an IHDR chunk holding width and height. */
function expectPng(file: Downloaded, size: { width: number; height: number }) {
  expect(file.fileName).toMatch(/\.png$/);
  expect(file.body.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(file.body.subarray(12, 16).toString('latin1')).toBe('IHDR');
  // Drawn at 2× for sharp slides and printouts.
  expect(Math.abs(file.body.readUInt32BE(16) - size.width * 2)).toBeLessThanOrEqual(2);
  expect(Math.abs(file.body.readUInt32BE(20) - size.height * 2)).toBeLessThanOrEqual(2);
  expect(file.body.length).toBeGreaterThan(10_000);
}

/** Decodes the PNG in the page and counts pixels: white background, and a chart drawn on it. */
async function pixelShares(page: Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth;
    canvas.height = image.naturalHeight;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let white = 0;
    let dark = 0;
    let transparent = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
      if (a < 255) transparent += 1;
      if (r > 250 && g > 250 && b > 250) white += 1;
      if (r < 100 && g < 100 && b < 100) dark += 1;
    }
    const n = data.length / 4;
    return { white: white / n, dark: dark / n, transparent: transparent / n };
  }, png.toString('base64'));
}

/** Parses the SVG file as XML in the page, as any other program would read it. */
async function readSvg(page: Page, text: string) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    const root = doc.documentElement;
    const background = root.querySelector(':scope > rect');
    const texts = [...root.querySelectorAll('text')];
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      root: root.localName,
      namespace: root.namespaceURI,
      width: Number(root.getAttribute('width')),
      height: Number(root.getAttribute('height')),
      viewBox: root.getAttribute('viewBox'),
      title: root.querySelector(':scope > title')?.textContent ?? null,
      background: background?.getAttribute('fill') ?? null,
      text: texts.map((t) => t.textContent).join(' | '),
      unstyledText: texts.filter((t) => !/font-family/.test(t.getAttribute('style') ?? '')).length,
      scripts: root.querySelectorAll('script, foreignObject').length,
    };
  }, text);
}

function expectStandaloneSvg(file: Downloaded): string {
  const text = file.body.toString('utf8');
  expect(file.fileName).toMatch(/\.svg$/);
  expect(text).toMatch(
    /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/,
  );
  // Nothing is fetched when the file is opened elsewhere.
  expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org\/)/);
  expect(text).not.toMatch(/<script|\son\w+=/i);
  return text;
}

test.describe('chart download', () => {
  // Two renders to PNG, an axe run and a decode each: give a loaded CI machine room.
  test.describe.configure({ timeout: 120_000 });

  test('network profile: PNG by keyboard and SVG by click, named after the chart', async ({
    page,
  }) => {
    const foreign = guardRequests(page);
    await page.goto('./#/network');
    await page.getByRole('button', { name: 'Last inn demonettverket (oppdiktede data)' }).click();
    await expect(page.getByText(/Demodata/).first()).toBeVisible();
    await page.getByRole('link', { name: 'Kommuneprofil' }).click();
    const chart = page.getByRole('img', { name: /^Diagram: skåren til/ });
    await expect(chart.locator('.recharts-wrapper > svg')).toBeVisible();
    const municipality = (
      await page
        .getByRole('combobox', { name: 'Kommune', exact: true })
        .locator('option:checked')
        .innerText()
    ).trim();
    expect(municipality.length).toBeGreaterThan(0);
    const heading = (await page.locator('#profile-heading').innerText()).trim();
    expect(heading).toContain(municipality);

    const png = page.getByRole('button', { name: `Last ned PNG av «${heading}»` });
    const svg = page.getByRole('button', { name: `Last ned SVG av «${heading}»` });
    await expect(png).toHaveText('Last ned PNG');
    await expect(svg).toHaveText('Last ned SVG');
    // The buttons sit under the chart, once the layout has stopped moving.
    await animationsSettled(page);
    const chartBox = (await chart.boundingBox())!;
    expect((await png.boundingBox())!.y).toBeGreaterThanOrEqual(chartBox.y + chartBox.height - 1);
    await expectNoAxeViolations(page, 'profile with download buttons');

    const size = await chartSize(chart);
    const pngFile = await download(page, png, 'keyboard');
    expect(pngFile.fileName).toBe(`${slug(heading)}.png`);
    expectPng(pngFile, size);
    const pixels = await pixelShares(page, pngFile.body);
    expect(pixels.transparent).toBe(0);
    expect(pixels.white).toBeGreaterThan(0.4);
    expect(pixels.dark).toBeGreaterThan(0.002);
    await expect(png).toBeFocused();

    const svgFile = await download(page, svg, 'click');
    expect(svgFile.fileName).toBe(`${slug(heading)}.svg`);
    const text = expectStandaloneSvg(svgFile);
    const parsed = await readSvg(page, text);
    expect(parsed).toMatchObject({
      parseError: null,
      root: 'svg',
      namespace: 'http://www.w3.org/2000/svg',
      width: size.width,
      height: size.height,
      viewBox: `0 0 ${size.width} ${size.height}`,
      title: heading,
      background: '#ffffff',
      unstyledText: 0,
      scripts: 0,
    });
    // The municipality is named in the legend, which recharts draws as HTML: the file has it as SVG.
    expect(parsed.text).toContain(municipality);
    expect(parsed.text).toContain('Nettverkets median');
    expect(text).toContain(municipality);
    expect(foreign).toEqual([]);
  });

  test('respondent results: PNG and SVG of the area scores, also in English', async ({ page }) => {
    const foreign = guardRequests(page);
    await page.goto('./');
    await startResponse(page, {
      municipality: 'Molde (1506)',
      role: 'Politiker',
      round: 'Samling 2',
      start: 'Start spørreskjemaet',
    });
    const groups = await shownAreaGroups(page);
    const count = await groups.count();
    for (let i = 0; i < count; i += 1) {
      await groups.nth(i).getByRole('radio', { name: /^4 / }).check();
    }
    await page.goto('./#/results');
    await expect(page.getByRole('heading', { level: 1, name: 'Resultat for Molde' })).toBeVisible();
    const chart = page.getByRole('img', { name: /^Søylediagram/ });
    await expect(chart.locator('.recharts-wrapper > svg')).toBeVisible();
    const name = 'Skår per område for Molde, samling 2';
    const png = page.getByRole('button', { name: `Last ned PNG av «${name}»` });
    const svg = page.getByRole('button', { name: `Last ned SVG av «${name}»` });
    await expectNoAxeViolations(page, 'results with download buttons');

    const size = await chartSize(chart);
    const pngFile = await download(page, png, 'click');
    expect(pngFile.fileName).toBe('skaar-per-omraade-for-molde-samling-2.png');
    expectPng(pngFile, size);
    expect((await pixelShares(page, pngFile.body)).dark).toBeGreaterThan(0.002);

    const svgFile = await download(page, svg, 'keyboard');
    expect(svgFile.fileName).toBe('skaar-per-omraade-for-molde-samling-2.svg');
    const text = expectStandaloneSvg(svgFile);
    const parsed = await readSvg(page, text);
    expect(parsed).toMatchObject({
      parseError: null,
      root: 'svg',
      title: name,
      background: '#ffffff',
    });
    expect(text).toContain('Molde');
    // The first area's short title is on the axis, and its score (75) twice: as the bar's label
    // and as the axis tick.
    const texts = parsed.text.split(' | ');
    expect(texts).toContain('Strategi');
    expect(texts.filter((t) => t === '75')).toHaveLength(2);

    // The buttons follow the language.
    await page
      .getByRole('group', { name: 'Språk' })
      .getByRole('button', { name: 'English' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Results for Molde' })).toBeVisible();
    const english = page.getByRole('button', {
      name: 'Download SVG of “Score by area for Molde, gathering 2”',
    });
    await expect(english).toHaveText('Download SVG');
    const englishFile = await download(page, english, 'click');
    expect(englishFile.fileName).toBe('score-by-area-for-molde-gathering-2.svg');
    expect(foreign).toEqual([]);
  });
});
