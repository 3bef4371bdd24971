import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  expectNoAxeViolations,
  guardRequests,
  startResponse,
  statementGroups,
  openView,
  bundledQuestionnaire,
  demoResponses,
  resultsFileText,
} from './helpers';

/** Haram's responses of the demo's second gathering, as the delegation would send them. */
const HARAM_FILE = (() => {
  const q = bundledQuestionnaire();
  return resultsFileText(demoResponses(q, 2, ['1580']), q);
})();

/**
 * A year of the network's work is safe (issue 13): the browser is asked to keep the data, a
 * backup restores byte for byte in a new browser, and a delegate finds unfinished answers first.
 * navigator.storage.persist is stubbed: a headless browser answers as it likes.
 */

const TEXT = {
  nb: {
    choose: 'Velg filer',
    data: 'Filer og data',
    collect: '1 Samle inn',
    granted: 'Nettleseren har lovet å ta vare på dataene her, også når plassen blir knapp.',
    reminder: /Dataene har endret seg siden siste sikkerhetskopi/,
    backup: 'Ta sikkerhetskopi',
    restore: 'Gjenopprett fra sikkerhetskopi',
    unfinished: 'Fortsett der du slapp',
    start: {
      municipality: 'Haram (1580)',
      role: 'Politiker',
      round: 'Samling 2',
      start: 'Start spørreskjemaet',
    },
    home: 'Næringsspeilet',
  },
  nn: {
    choose: 'Vel filer',
    data: 'Filer og data',
    collect: '1 Samle inn',
    granted: 'Nettlesaren har lova å ta vare på dataa her, også når plassen blir knapp.',
    reminder: /Dataa har endra seg sidan siste tryggingskopi/,
    backup: 'Ta tryggingskopi',
    restore: 'Gjenopprett frå tryggingskopi',
    unfinished: 'Hald fram der du slapp',
    start: {
      municipality: 'Haram (1580)',
      role: 'Politikar',
      round: 'Samling 2',
      start: 'Start spørjeskjemaet',
    },
    home: 'Næringsspeilet',
  },
  en: {
    choose: 'Choose files',
    data: 'Files and data',
    collect: '1 Collect',
    granted: 'The browser has promised to keep the data here, even when space runs short.',
    reminder: /The data has changed since the last backup/,
    backup: 'Take a backup',
    restore: 'Restore from a backup',
    unfinished: 'Continue where you left off',
    start: {
      municipality: 'Haram (1580)',
      role: 'Politician',
      round: 'Gathering 2',
      start: 'Start the questionnaire',
    },
    home: 'Næringsspeilet',
  },
} as const;

/** A page whose browser grants persistent storage, with the clock fixed so files compare. */
async function facilitatorPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date('2024-05-04T08:00:00.000Z'));
  await page.addInitScript(() => {
    const storage = navigator.storage as StorageManager & { asked?: number };
    Object.defineProperty(storage, 'persisted', { value: () => Promise.resolve(false) });
    Object.defineProperty(storage, 'persist', {
      value: () => {
        (window as unknown as { persistAsked: number }).persistAsked =
          ((window as unknown as { persistAsked?: number }).persistAsked ?? 0) + 1;
        return Promise.resolve(true);
      },
    });
  });
  return page;
}

async function downloadBackup(page: Page, name: string): Promise<string> {
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name, exact: true }).first().click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^naeringsspeilet-[a-z]+-2024-05-04\.json$/);
  return readFileSync(await download.path(), 'utf8');
}

for (const lang of ['nb', 'nn', 'en'] as const) {
  const t = TEXT[lang];

  test(`the network is kept: persistence asked and shown, backup restored byte for byte (${lang})`, async ({
    browser,
  }) => {
    const page = await facilitatorPage(browser);
    const foreign = guardRequests(page);
    await page.goto(`./?lang=${lang}#/network`);
    await expectNoAxeViolations(page, `empty network with restore ${lang}`);
    // A delegation's results file: an import the backup should keep (the demo network, being
    // made up, never asks for a backup).
    await page.getByLabel(t.choose).setInputFiles({
      name: 'naeringsspeilet-haram-samling-2.json',
      mimeType: 'application/json',
      buffer: Buffer.from(HARAM_FILE),
    });
    await expect(page.getByText(t.reminder)).toBeVisible();
    await openView(page, t.collect, t.data);
    await expect(page.getByText(t.granted)).toBeVisible();
    expect(
      await page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked),
    ).toBe(1);
    await expectNoAxeViolations(page, `data screen with backup ${lang}`);

    const backup = await downloadBackup(page, t.backup);
    // Taken: the reminder goes.
    await expect(page.getByText(t.reminder)).toHaveCount(0);
    const parsed = JSON.parse(backup) as { settings: { salt: string }; sources: unknown[] };
    expect(parsed.settings.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(parsed.sources).toHaveLength(1);

    // A new browser, its data gone: restore, then back up again.
    const fresh = await facilitatorPage(browser);
    await fresh.goto(`./?lang=${lang}#/network`);
    fresh.once('dialog', (dialog) => void dialog.accept());
    await fresh.getByLabel(t.restore).setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(backup),
    });
    // The network is back: its screens open where the empty one was.
    await openView(fresh, t.collect, t.data);
    await expect(fresh.getByText(t.granted)).toBeVisible();
    expect(await downloadBackup(fresh, t.backup)).toBe(backup);
    expect(foreign).toEqual([]);
    await page.context().close();
    await fresh.context().close();
  });

  test(`a delegate’s unfinished response comes first, with “continue” (${lang})`, async ({
    page,
  }) => {
    await page.goto(`./?lang=${lang}`);
    await startResponse(page, t.start);
    await statementGroups(page).first().getByRole('radio').first().check();
    await page.goto(`./?lang=${lang}#/`);
    const first = page.getByRole('heading', { level: 2 }).first();
    await expect(first).toHaveText(t.unfinished);
    await expectNoAxeViolations(page, `start with unfinished ${lang}`);
    await page.getByRole('region', { name: t.unfinished }).getByRole('button').first().click();
    await expect(page).toHaveURL(/#\/assessment\//);
  });
}
