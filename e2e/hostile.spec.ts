import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  acceptedCorpus,
  checkCorpusInNode,
  MARKUP,
  markupEverywhere,
  rejectedCorpus,
  sameRespondentCopies,
  writeHugeFile,
  type HostileCase,
} from './fixtures/hostile/corpus';
import { expectNoAxeViolations, guardRequests } from './helpers';

/**
 * Hostile input through the real UI: every file ends in a clear, translated error for that file
 * or a valid import. Never an uncaught exception, prototype pollution, injected markup, or a
 * change to the data already loaded.
 */

type Texts = { import: { errors: Record<string, string> } };
const locale = (lang: string) =>
  JSON.parse(readFileSync(path.resolve(`src/i18n/locales/${lang}/network.json`), 'utf8')) as Texts;
const nb = locale('nb');

/** Collects uncaught exceptions and console errors for the whole test. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return errors;
}

/** What the page's built-in prototypes look like; must never change. */
async function prototypes(page: Page) {
  return page.evaluate(() => {
    const probe = {} as Record<string, unknown>;
    return {
      object: Object.getOwnPropertyNames(Object.prototype).sort(),
      array: Object.getOwnPropertyNames(Array.prototype).sort(),
      func: Object.getOwnPropertyNames(Function.prototype).sort(),
      protoOfPlain: Object.getPrototypeOf(probe) === Object.prototype,
      inherited: ['polluted', 'isAdmin', 'value', 'updatedAt', 'prototype'].filter(
        (k) => probe[k] !== undefined,
      ),
    };
  });
}

/** Markup that data could have created: none may exist, and no injected script may have run. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    scripts: document.querySelectorAll('script').length,
    marked: document.querySelectorAll('[data-xss]').length,
    handlers: document.querySelectorAll('[onerror], [onload], [ontoggle]').length,
    iframes: document.querySelectorAll('iframe').length,
    ran: (window as unknown as { __xss?: unknown }).__xss ?? null,
  }));
}

async function loadDemo(page: Page) {
  await page.goto('./#/network');
  await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
  await expect(heatmap(page).locator('tbody tr')).toHaveCount(8);
}

const heatmap = (page: Page) => page.getByRole('table', { name: /Gjennomsnittlig skår/ });

/** What a facilitator sees of the loaded data: the heatmap and the data tables. */
async function snapshot(page: Page): Promise<string[]> {
  const [overview, data] = await numbers(page);
  const sources = page.getByRole('table', { name: 'Innleste filer' });
  await expect(sources.locator('tbody tr').first()).toBeVisible();
  return [overview!, await sources.innerText(), data!];
}

/** The network's numbers: the heatmap, and the respondents per municipality and gathering. */
async function numbers(page: Page): Promise<string[]> {
  await page.goto('./#/network/overview');
  await expect(heatmap(page).locator('tbody tr').first()).toBeVisible();
  const overview = await heatmap(page).innerText();
  await page.goto('./#/network/data');
  const data = page.getByRole('table', { name: /Kommuner og antall besvarelser/ });
  await expect(data.locator('tbody tr').first()).toBeVisible();
  return [overview, await data.innerText()];
}

function writeCorpus(cases: readonly HostileCase[]): { dir: string; files: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
  const files = cases.map((c) => {
    const file = path.join(dir, c.name);
    writeFileSync(file, c.bytes);
    return file;
  });
  return { dir, files };
}

/** Each file's report, in the order chosen, says the file's name and the expected outcome. */
async function expectReports(page: Page, cases: readonly HostileCase[]) {
  const ok = cases.filter((c) => c.expected === 'ok').length;
  await expect(
    page.getByText(
      `Ferdig: ${ok} ${ok === 1 ? 'fil' : 'filer'} lest inn, ${cases.length - ok} med feil.`,
    ),
  ).toBeVisible({ timeout: 30_000 });
  const items = page.getByRole('list', { name: 'Resultat per fil' }).locator(':scope > li');
  await expect(items).toHaveCount(cases.length);
  for (const [i, c] of cases.entries()) {
    const item = items.nth(i);
    await expect(item.locator('strong').first(), c.what).toHaveText(c.name);
    if (c.expected === 'ok') await expect(item, c.what).toContainText(/besvarelser? lest inn/);
    else
      await expect(item, `${c.name}: ${c.what}`).toContainText(
        c.message ?? nb.import.errors[c.expected]!,
      );
  }
}

test('the corpus fails in Node for the reason each file was built for', () => {
  expect(
    checkCorpusInNode([
      ...rejectedCorpus(),
      ...acceptedCorpus(),
      markupEverywhere(),
      sameRespondentCopies(),
    ]),
  ).toEqual([]);
});

test('every hostile file is refused with its own translated error, and the loaded data stays identical, also after a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const foreign = guardRequests(page);
  await loadDemo(page);
  const before = await snapshot(page);
  const protoBefore = await prototypes(page);
  const markupBefore = await injected(page);

  const cases = rejectedCorpus();
  const { dir, files } = writeCorpus(cases);
  try {
    await page.goto('./#/network/data');
    await page.getByLabel('Velg filer').setInputFiles(files);
    await expectReports(page, cases);

    // A 60 MB file, generated now and never committed.
    const huge = writeHugeFile(dir);
    await page.getByLabel('Velg filer').setInputFiles(huge);
    await expectReports(page, [
      { name: 'huge-60mb.json', bytes: Buffer.alloc(0), expected: 'tooLarge', what: '60 MB' },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  expect(await prototypes(page)).toEqual(protoBefore);
  expect(await injected(page)).toEqual(markupBefore);
  expect(await snapshot(page)).toEqual(before);
  await page.reload();
  expect(await snapshot(page)).toEqual(before);
  expect(await prototypes(page)).toEqual(protoBefore);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('5,000 copies of one delegate’s response are set aside, said so, and change none of the network’s numbers, also after a reload', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = watchErrors(page);
  const foreign = guardRequests(page);
  await loadDemo(page);
  const before = await numbers(page);

  const file = sameRespondentCopies();
  await page.goto('./#/network/data');
  await page
    .getByLabel('Velg filer')
    .setInputFiles([{ name: file.name, mimeType: 'application/json', buffer: file.bytes }]);
  await expectReports(page, [file]);
  const report = page.getByRole('list', { name: 'Resultat per fil' }).locator(':scope > li');
  await expect(report).toContainText(/5\s000 besvarelser lest inn \(Haram\)/);
  await expect(report).toContainText(
    /5\s000 besvarelser er lagt til side fordi samme person har sendt flere besvarelser til samme samling\. Bare den nyeste fra hver person teller:/,
  );
  await expect(
    report.getByRole('list', { name: 'Besvarelser lagt til side' }).getByRole('listitem'),
  ).toHaveText([/^Haram \(politiker, samling 2\): 5\s000 besvarelser$/]);
  await expectNoAxeViolations(page, 'set-aside notice');

  // The file is held (it can be removed again), but the copies outvote nobody.
  await expect(page.getByRole('table', { name: 'Innleste filer' })).toContainText(file.name);
  expect(await numbers(page)).toEqual(before);
  await page.reload();
  expect(await numbers(page)).toEqual(before);
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('odd but valid files import: byte order marks, UTF-16 LE and BE, brackets inside text', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./?lang=en#/network');
  const cases = acceptedCorpus();
  await page
    .getByLabel('Choose files')
    .setInputFiles(
      cases.map((c) => ({ name: c.name, mimeType: 'application/json', buffer: c.bytes })),
    );
  await expect(page.getByText(`Done: ${cases.length} files imported, 0 failed.`)).toBeVisible();
  const items = page.getByRole('list', { name: 'Result per file' }).locator(':scope > li');
  await expect(items).toHaveCount(cases.length);
  for (const [i, c] of cases.entries()) await expect(items.nth(i), c.what).toContainText(c.name);
  // Names with æøå come through each encoding intact: decoded, not mojibake.
  const rows = await page
    .getByRole('table', { name: /Mean score/ })
    .locator('tbody th[scope="row"]')
    .allInnerTexts();
  for (const name of ['Haram', 'Ålesund', 'Vanylven', 'Herøy', 'Ørsta', 'Volda'])
    expect(rows, name).toContain(name);
  expect(rows).toHaveLength(7); // six municipalities and the network's median
  // The corpus is built on version 1 of the questionnaire, which the current version only
  // rewords: its responses are compared in full, with no note about versions.
  await expect(page.getByText(/of the questionnaire, not version/)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('markup and script in every text field and in the file name show as text and never run', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./#/network');
  const protoBefore = await prototypes(page);
  const before = await injected(page);
  const file = markupEverywhere();
  const idsFile = rejectedCorpus().find((c) => c.name === 'html-in-ids.json')!;
  await page.getByLabel('Velg filer').setInputFiles([
    { name: file.name, mimeType: 'application/json', buffer: file.bytes },
    { name: idsFile.name, mimeType: 'application/json', buffer: idsFile.bytes },
  ]);
  await expectReports(page, [file, idsFile]);
  // The file name and the municipality's name are shown as the literal text.
  const reports = page.getByRole('list', { name: 'Resultat per fil' });
  await expect(reports.locator('strong').first()).toHaveText(MARKUP.fileName);
  await expect(reports).toContainText(MARKUP.municipality);
  // The refused file's issue list quotes what it found: as text, too.
  await reports.locator('summary').first().click();
  expect(await injected(page)).toEqual(before);

  const name = MARKUP.municipality;
  await expect(heatmap(page).getByRole('rowheader', { name, exact: true })).toBeVisible();
  expect(await injected(page)).toEqual(before);

  // Every network view that shows imported text.
  const views = await page
    .getByRole('navigation', { name: 'Visninger' })
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  for (const href of views) {
    await page.goto(`./${href}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    const reveal = page.getByRole('button', { name: 'Vis resultatet' });
    if (await reveal.isVisible()) await reveal.click();
    if (href.includes('profile')) {
      await page
        .getByRole('combobox', { name: 'Kommune', exact: true })
        .selectOption({ label: name });
      await expect(
        page.getByRole('heading', { level: 2, name: new RegExp(`^${name.slice(0, 8)}`) }),
      ).toContainText(name);
    }
    if (href.includes('area')) await expect(page.locator('main')).toContainText(MARKUP.actionTitle);
    if (href.includes('data'))
      await expect(page.getByRole('table', { name: 'Innleste filer' })).toContainText(
        MARKUP.fileName,
      );
    expect(await injected(page), href).toEqual(before);
  }
  expect(await prototypes(page)).toEqual(protoBefore);
  expect(errors).toEqual([]);
});
