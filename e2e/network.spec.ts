import { expect, test, type Page } from '@playwright/test';
import { writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { aggregateResponses } from '../src/domain/scoring/aggregate';
import {
  expectNoAxeViolations,
  guardRequests,
  startResponse,
  shownAreaGroups,
  openView,
  bundledQuestionnaire,
  demoResponses,
  resultsFileText,
  tempDir,
} from './helpers';

const q = bundledQuestionnaire();

/** The demo network as one results file per municipality, as delegations would send them. */
function writeDemoFiles(skip: string): string[] {
  const dir = tempDir('demo-files');
  const responses = demoResponses(q, 2);
  const byMunicipality = new Map<string, typeof responses>();
  for (const r of responses) {
    byMunicipality.set(r.municipality.number, [
      ...(byMunicipality.get(r.municipality.number) ?? []),
      r,
    ]);
  }
  const files: string[] = [];
  for (const [number, list] of byMunicipality) {
    if (number === skip) continue;
    const file = path.join(dir, `naeringsspeilet-${number}-samling-2.json`);
    writeFileSync(file, resultsFileText(list, q));
    files.push(file);
  }
  return files;
}

async function heatmapRow(page: Page, name: string): Promise<string[]> {
  const row = page
    .getByRole('table', { name: /Gjennomsnittlig skår/ })
    .getByRole('row', { name: new RegExp(`^${name}`) });
  return row.locator('td.heatmap-cell').allInnerTexts();
}

test('export a response, import it with the other demo files in a fresh profile: 7 municipalities, right numbers', async ({
  browser,
}) => {
  // 1. A Tingvoll delegate answers every statement with 4 (score 75) in gathering 2 and exports.
  const delegate = await browser.newContext();
  const page = await delegate.newPage();
  await page.goto('./');
  // The gathering is the demo's second, of 2024: the same period and round as the other files.
  await page.getByLabel('Dato for samlingen').fill('2024-05-03');
  await startResponse(page, {
    municipality: 'Tingvoll (1560)',
    role: 'Administrasjon',
    round: 'Samling 2',
    start: 'Start spørreskjemaet',
  });
  for (let area = 0; area < 9; area += 1) {
    const groups = await shownAreaGroups(page);
    for (let i = 0; i < (await groups.count()); i += 1)
      await groups.nth(i).getByRole('radio', { name: /^4 / }).check();
    if (area < 8) await page.getByRole('button', { name: /Neste område/ }).click();
  }
  await page.getByRole('link', { name: 'Start', exact: true }).click();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: /Eksporter besvarelsen for Tingvoll/ }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(
    /^naeringsspeilet-tingvoll-samling-2-\d{4}-\d{2}-\d{2}\.json$/,
  );
  const exported = path.join(tempDir('export'), download.suggestedFilename());
  await download.saveAs(exported);
  await delegate.close();

  // 2. The facilitator, in a fresh profile, imports it with the six other municipalities' files.
  const facilitator = await browser.newContext();
  const fpage = await facilitator.newPage();
  const foreign = guardRequests(fpage);
  await fpage.goto('./#/network');
  await expect(fpage.getByRole('heading', { level: 1, name: 'Nettverket' })).toBeVisible();
  await fpage.getByLabel('Velg filer').setInputFiles([exported, ...writeDemoFiles('1560')]);
  await expect(fpage.getByText('Ferdig: 7 filer lest inn, 0 med feil.')).toBeVisible();

  const heatmap = fpage.getByRole('table', { name: /Gjennomsnittlig skår/ });
  await expect(heatmap.locator('tbody tr')).toHaveCount(8); // 7 municipalities and the median
  // Tingvoll: one respondent, every statement at level 4 -> 75 in every area.
  expect(await heatmapRow(fpage, 'Tingvoll')).toEqual(Array(9).fill('75'));
  // The others: the demo data's own means, computed by the domain from the same files.
  const expected = aggregateResponses(q, demoResponses(q, 2));
  for (const agg of expected.filter((a) => a.municipality.number !== '1560')) {
    // A cell shows the rounded mean, and "≠ stor uenighet" where respondents disagree strongly.
    const cells = agg.areas.map(
      (a) => `${a.mean === null ? '–' : Math.round(a.mean)}${a.disagreement ? ' ≠' : ''}`,
    );
    const shown = (await heatmapRow(fpage, agg.municipality.name)).map((c) =>
      c.replace(/\s*≠[\s\S]*$/, ' ≠'),
    );
    expect(shown, agg.municipality.name).toEqual(cells);
  }
  await expectNoAxeViolations(fpage, 'dashboard');

  // 3. Imported data survives a reload.
  await fpage.reload();
  await expect(heatmap.locator('tbody tr')).toHaveCount(8);
  expect(foreign).toEqual([]);
  await facilitator.close();
});

test('a corrupt file among good ones gets its own error, and the others are imported', async ({
  page,
}) => {
  const dir = tempDir('bad');
  const broken = path.join(dir, 'broken.json');
  writeFileSync(broken, '{"format": "naeringsspeilet-results", "formatVersion": 1, "responses": [');
  const csv = path.join(dir, 'regneark.json');
  writeFileSync(csv, 'kommune;skår\nHaram;55\n');
  const good = writeDemoFiles('1560').slice(0, 2);
  await page.goto('./?lang=nn#/network');
  await page.getByLabel('Vel filer').setInputFiles([good[0]!, broken, csv, good[1]!]);
  await expect(page.getByText('Ferdig: 2 filer lesne inn, 2 med feil.')).toBeVisible();
  const reports = page.getByRole('list', { name: 'Resultat per fil' });
  await expect(reports.getByRole('listitem').filter({ hasText: 'broken.json' })).toContainText(
    'ikkje gyldig JSON',
  );
  await expect(reports.getByRole('listitem').filter({ hasText: 'regneark.json' })).toContainText(
    'rekneark',
  );
  await expect(
    page.getByRole('table', { name: /Gjennomsnittleg skår/ }).locator('tbody tr'),
  ).toHaveCount(3);
});

test('the anonymise toggle hides the other names in every chart and table', async ({ page }) => {
  await page.goto('./#/network');
  await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
  await expect(page.getByText(/Demodata/).first()).toBeVisible();
  await page.getByRole('combobox', { name: /Kommunen deres/ }).selectOption({ label: 'Sykkylven' });
  await page.getByRole('switch', { name: 'Skjul navnene på de andre kommunene' }).check();
  const others = ['Haram', 'Ulstein', 'Aure', 'Molde', 'Sunndal', 'Tingvoll'];

  async function expectOnlySykkylvenNamed() {
    const text = await page.locator('main').innerText();
    for (const name of others) expect(text, name).not.toContain(name);
    expect(text).toContain('Sykkylven');
    expect(text).toMatch(/Kommune [A-F]/);
  }
  await expectOnlySykkylvenNamed();
  await page.getByRole('link', { name: 'Kommuneprofil' }).click();
  await page.getByRole('combobox', { name: 'Kommune', exact: true }).selectOption({ index: 1 });
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await expectOnlySykkylvenNamed();
  // The chart's own text (axis labels, legend) is checked too.
  const svgText = await page.locator('svg').allTextContents();
  for (const name of others) expect(svgText.join(' ')).not.toContain(name);
  await page.getByRole('link', { name: 'Per område' }).click();
  await expect(page.locator('.recharts-surface').first()).toBeVisible();
  await expectOnlySykkylvenNamed();
  await expectNoAxeViolations(page, 'area view anonymised');

  await page.goto('./#/present/2');
  await page.getByRole('button', { name: 'Vis resultatet' }).click();
  const slide = await page.locator('main').innerText();
  for (const name of others) expect(slide).not.toContain(name);
});

test('presentation mode steps by keyboard, hides results until revealed, and fits the screen', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('./#/network');
  await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
  // The demo holds four gatherings and opens at the latest; this walk is through gathering 2.
  // Choose it once the demo is in, and go on once the overview shows it.
  await expect(page.getByRole('table', { name: /samling 4/ })).toBeVisible();
  await page
    .getByRole('combobox', { name: 'Samling', exact: true })
    .selectOption({ label: 'Samling 2' });
  await expect(page.getByRole('table', { name: /samling 2/ })).toBeVisible();
  await openView(page, '5 Dele', 'Presentasjonsmodus');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Nettverket, samling 2' }),
  ).toBeVisible();
  await expect(page.getByText('Lysbilde 1 av 10')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoAxeViolations(page, 'presentation hidden');
  await page.getByRole('button', { name: 'Vis resultatet' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await expectNoAxeViolations(page, 'presentation overview');

  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    const overflow = await page.evaluate(() => {
      const el = document.querySelector('.present-body')!;
      return {
        body: el.scrollHeight > el.clientHeight + 1,
        page: document.documentElement.scrollHeight > window.innerHeight,
      };
    });
    expect(overflow, JSON.stringify(size)).toEqual({ body: false, page: false });
  }

  await page.keyboard.press('ArrowRight');
  await expect(page.getByText('Lysbilde 2 av 10')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Strategi og langsiktig retning',
  );
  await page.keyboard.press('PageDown');
  await expect(page.getByText('Lysbilde 3 av 10')).toBeVisible();
  await page.getByRole('button', { name: 'Vis resultatet' }).click();
  await expect(
    page.getByRole('list', { name: /Kommunene sortert etter skår/ }).getByRole('listitem'),
  ).toHaveCount(7);
  await expectNoAxeViolations(page, 'presentation area');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('Lysbilde 1 av 10')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Nettverket' })).toBeVisible();
});

test('a facilitator can remove one file or one municipality', async ({ page }) => {
  const files = writeDemoFiles('0000');
  await page.goto('./?lang=en#/network');
  await page.getByLabel('Choose files').setInputFiles(files);
  await expect(page.getByText('Done: 7 files imported, 0 failed.')).toBeVisible();
  await openView(page, '1 Collect', 'Files and data');
  // All of one municipality's responses travel as one file.
  const downloadPromise = page.waitForEvent('download');
  await page
    .getByRole('button', { name: 'Export all responses, actions and agreed answers from Haram' })
    .click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^naeringsspeilet-haram-\d{4}-\d{2}-\d{2}\.json$/);
  const haramFile = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
    responses: { municipality: { name: string } }[];
  };
  expect(haramFile.responses.length).toBeGreaterThan(0);
  expect(new Set(haramFile.responses.map((r) => r.municipality.name))).toEqual(new Set(['Haram']));
  await page.getByRole('button', { name: 'Remove all responses from Molde' }).click();
  await expect(
    page
      .getByRole('table', { name: 'Municipalities and responses per gathering' })
      .locator('tbody tr'),
  ).toHaveCount(6);
  const sources = page.getByRole('table', { name: 'Imported files' });
  await expect(sources.locator('tbody tr')).toHaveCount(6);
  await page
    .getByRole('button', { name: /Remove the responses from naeringsspeilet-1580/ })
    .click();
  await expect(sources.locator('tbody tr')).toHaveCount(5);
  await expectNoAxeViolations(page, 'data view');
  await page.reload();
  await expect(sources.locator('tbody tr')).toHaveCount(5);
});
