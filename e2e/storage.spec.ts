import { expect, test, type Download, type Page } from '@playwright/test';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createDemoNetwork } from '../src/domain/demo/demo-network';
import { importResultsFile } from '../src/domain/files/import';
import {
  expectNoAxeViolations,
  startResponse,
  statementGroups,
  bundledQuestionnaire,
  demoResponses,
  resultsFileText,
  tempDir,
} from './helpers';

/**
 * Storage faults: what the browser does to saved answers that a user cannot see. Each test sets
 * up the fault before the app's first script runs (addInitScript), then acts as a user would.
 */

const KEY = 'naeringsspeilet';
const BACKUP_KEY = 'naeringsspeilet-backup';

type Common = {
  storage: Record<string, string>;
  recovery: Record<string, string>;
  networkRecovery: Record<string, string>;
};
const common = (lang: string) =>
  JSON.parse(readFileSync(path.resolve(`src/i18n/locales/${lang}/common.json`), 'utf8')) as Common;
const nb = common('nb');
const en = common('en');

const q = bundledQuestionnaire();

async function downloadedText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Sets localStorage before the app's first script, once: a reload then sees what the app did. */
async function seedOnce(page: Page, entries: Record<string, string>) {
  await page.addInitScript((seed) => {
    if (sessionStorage.getItem('e2e-seeded') !== null) return;
    for (const [k, v] of Object.entries(seed)) localStorage.setItem(k, v);
    sessionStorage.setItem('e2e-seeded', '1');
  }, entries);
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

async function startMolde(page: Page) {
  await startResponse(page, {
    municipality: 'Molde (1506)',
    role: 'Politiker',
    round: 'Samling 2',
    start: 'Start spørreskjemaet',
  });
}

/** The results file the user downloaded: valid, and with exactly these answers. */
async function expectResultsFile(download: Download, answers: Record<string, number>) {
  expect(download.suggestedFilename()).toMatch(/^naeringsspeilet-.*\.json$/);
  const result = importResultsFile(Buffer.from(await downloadedText(download)), {
    knownQuestionnaires: [q],
    now: new Date().toISOString(),
  });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  if (!result.ok) return;
  expect(result.responses).toHaveLength(1);
  const got = Object.fromEntries(
    Object.entries(result.responses[0]!.answers).map(([id, a]) => [id, a.value]),
  );
  expect(got).toEqual(answers);
}

/** Answers in one of two tabs; the tab is brought to the front first, as a user clicking in it would. */
async function answerIn(page: Page, index: number, name: RegExp | string) {
  await page.bringToFront();
  await statementGroups(page).nth(index).getByRole('radio', { name }).check();
}

const firstStatements = q.statements.filter((s) => s.area === q.areas[0]!.id).map((s) => s.id);

test('corrupted saved state: the app starts, says so, and "Last ned kopien" downloads exactly the raw state', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const raw = '{"state": {"respo';
  await seedOnce(page, { [KEY]: raw });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Hvor god vertskommune er vi for næringslivet?',
  );
  await expect(page.getByText(nb.recovery.corrupt!)).toBeVisible();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned kopien' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  expect(await downloadedText(download)).toBe(raw);

  // The app works from a clean start.
  await startMolde(page);
  await statementGroups(page).nth(0).getByRole('radio', { name: /^4 / }).check();
  await page.reload();
  await expect(statementGroups(page).nth(0).getByRole('radio', { name: /^4 / })).toBeChecked();

  // After the reload the copy is still within reach, until the user deletes it.
  await expect(page.getByText(nb.recovery.backupKept!)).toBeVisible();
  const notice = page.locator('.notice').filter({ hasText: nb.recovery.backupKept! });
  await expectNoAxeViolations(page, 'kept copy notice');
  const again = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Last ned kopien' }).click();
  expect(await downloadedText(await again)).toBe(raw);
  await notice.getByRole('button', { name: 'Slett kopien' }).click();
  await expect(page.getByText(nb.recovery.deleteQuestion!)).toBeVisible();
  await expect(notice.getByRole('button', { name: 'Ja, slett kopien' })).toBeFocused();
  await notice.getByRole('button', { name: 'Avbryt' }).click();
  await expect(notice.getByRole('button', { name: 'Slett kopien' })).toBeFocused();
  expect(await page.evaluate((k) => localStorage.getItem(k), BACKUP_KEY)).toBe(raw);
  await notice.getByRole('button', { name: 'Slett kopien' }).click();
  await notice.getByRole('button', { name: 'Ja, slett kopien' }).click();
  await expect(page.getByText(nb.recovery.backupKept!)).toBeHidden();
  expect(await page.evaluate((k) => localStorage.getItem(k), BACKUP_KEY)).toBeNull();
  await page.reload();
  await expect(statementGroups(page).nth(0).getByRole('radio', { name: /^4 / })).toBeChecked();
  await expect(page.getByText(nb.recovery.backupKept!)).toBeHidden();
  expect(errors).toEqual([]);
});

test('corrupted saved state: the message is in the language the user chose', async ({ page }) => {
  await seedOnce(page, { [KEY]: '{"state": {"respo' });
  await page.goto('./?lang=en');
  await expect(page.getByText(en.recovery.corrupt!)).toBeVisible();
  await expect(page.getByRole('button', { name: en.recovery.downloadBackup! })).toBeVisible();
});

test('localStorage full: a visible warning, and "Eksporter svarene nå" downloads the answers given so far', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.addInitScript((key) => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (name: string, value: string) {
      if (name === key)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      setItem.call(this, name, value);
    };
  }, KEY);
  await page.goto('./');
  await startMolde(page);
  const warning = page.getByText(nb.storage.full!);
  await expect(warning).toBeVisible();
  await statementGroups(page).nth(0).getByRole('radio', { name: /^2 / }).check();
  await statementGroups(page).nth(1).getByRole('radio', { name: /^5 / }).check();
  // The app keeps working in memory.
  await page.getByRole('button', { name: /Neste område/ }).click();
  await page.getByRole('button', { name: /Forrige område/ }).click();
  await expect(statementGroups(page).nth(1).getByRole('radio', { name: /^5 / })).toBeChecked();

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter svarene nå' }).click();
  await expectResultsFile(await downloadPromise, {
    [firstStatements[0]!]: 2,
    [firstStatements[1]!]: 5,
  });
  await expect(warning).toBeVisible();
  expect(errors).toEqual([]);
});

test('localStorage unavailable (as in some private modes): the app starts, warns, and can export', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Hvor god vertskommune er vi for næringslivet?',
  );
  await expect(page.getByText(nb.storage.unavailable!)).toBeVisible();
  await startMolde(page);
  await statementGroups(page).nth(0).getByRole('radio', { name: /^3 / }).check();
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter svarene nå' }).click();
  await expectResultsFile(await downloadPromise, { [firstStatements[0]!]: 3 });
  expect(errors).toEqual([]);
});

/** A valid saved state with one response, as the store writes it. */
/** A saved-state version far beyond this app's (src/store/persisted.ts, STORE_VERSION). */
const NEWER_VERSION = 99;

function savedState(version: number) {
  const response = createDemoNetwork(q).find((r) => r.municipality.number === '1560')!;
  return {
    state: {
      responses: { [response.id]: response },
      activeResponseId: response.id,
      lastAreaByResponse: {},
      language: 'nb',
      networkView: { round: null, anonymised: false, viewer: null },
    },
    version,
  };
}

test('saved by a newer version: the app starts clean, says so, and keeps a backup to download', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const saved = savedState(NEWER_VERSION);
  await seedOnce(page, { [KEY]: JSON.stringify(saved) });
  await page.goto('./');
  await expect(page.getByText(nb.recovery.newerVersion!)).toBeVisible();
  // Started clean: the newer version's response is not offered here.
  await expect(page.getByRole('table', { name: 'Lagrede besvarelser' })).toHaveCount(0);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned kopien' }).click();
  expect(JSON.parse(await downloadedText(await downloadPromise))).toEqual(saved);
  expect(
    await page.evaluate(
      (k) => JSON.parse(localStorage.getItem(k) ?? 'null') as unknown,
      BACKUP_KEY,
    ),
  ).toEqual(saved);
  expect(errors).toEqual([]);
});

test('saved by a newer version: opening this older version does not destroy what the newer one saved', async ({
  page,
}) => {
  // The message tells the user to "open the newest version to continue with them". That only
  // holds if this version leaves the newer version's saved state where the newer version reads it.
  const saved = savedState(NEWER_VERSION);
  await seedOnce(page, { [KEY]: JSON.stringify(saved) });
  await page.goto('./');
  await expect(page.getByText(nb.recovery.newerVersion!)).toBeVisible();
  const kept = await page.evaluate((k) => {
    const value = JSON.parse(localStorage.getItem(k) ?? 'null') as {
      version?: number;
      state?: { responses?: Record<string, unknown> };
    } | null;
    return { version: value?.version, responses: Object.keys(value?.state?.responses ?? {}) };
  }, KEY);
  expect(kept, 'the saved state under "naeringsspeilet" after opening the older app').toEqual({
    version: NEWER_VERSION,
    responses: Object.keys(saved.state.responses),
  });
});

test('two tabs answering different statements of one response: after a reload both have every answer', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const a = await context.newPage();
  const b = await context.newPage();
  await a.goto('./');
  await startMolde(a);
  await answerIn(a, 0, /^1 /);

  await b.goto('./');
  await b.getByRole('button', { name: /Fortsett besvarelsen for Molde/ }).click();
  await expect(b.getByRole('heading', { level: 1 })).toContainText('Område 1 av 9');
  await expect(statementGroups(b).nth(0).getByRole('radio', { name: /^1 / })).toBeChecked();

  // Each tab answers its own statements, and both change statement 4: the later edit (b) wins.
  await answerIn(a, 1, /^2 /);
  await answerIn(b, 2, /^3 /);
  await answerIn(a, 3, /^2 /);
  await answerIn(b, 3, /^5 /);
  await answerIn(a, 4, 'Vet ikke');

  const expected = [/^1 /, /^2 /, /^3 /, /^5 /, /^Vet ikke$/];
  // Both tabs settle on the same saved state (the merge runs on the storage event).
  await expect
    .poll(async () => {
      const saved = await a.evaluate((k) => localStorage.getItem(k), KEY);
      const r = Object.values(
        (
          JSON.parse(saved ?? '{}') as {
            state?: {
              responses?: Record<string, { answers: Record<string, { value?: unknown }> }>;
            };
          }
        ).state?.responses ?? {},
      )[0];
      return firstStatements.slice(0, 5).map((id) => r?.answers[id]?.value ?? null);
    })
    .toEqual([1, 2, 3, 5, 'dontKnow']);

  for (const page of [a, b]) {
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Område 1 av 9');
    for (const [i, name] of expected.entries()) {
      await expect(statementGroups(page).nth(i).getByRole('radio', { name }), `${i}`).toBeChecked();
    }
  }
  await context.close();
});

test('two tabs: a response deleted in one tab stays deleted when the other tab saves', async ({
  browser,
}) => {
  const context = await browser.newContext();
  const a = await context.newPage();
  await a.goto('./');
  await startMolde(a);
  await answerIn(a, 0, /^1 /);
  await a.getByRole('link', { name: 'Start', exact: true }).click();

  const b = await context.newPage();
  await b.goto('./');
  const savedB = b.getByRole('table', { name: 'Lagrede besvarelser' });
  await expect(savedB.locator('tbody tr')).toHaveCount(1);

  // Tab a deletes the Molde response; tab b, left open on the start page, starts another.
  await a.getByRole('button', { name: /Slett besvarelsen for Molde/ }).click();
  await a.getByRole('dialog').getByRole('button', { name: 'Slett besvarelsen' }).click();
  await expect(a.getByRole('table', { name: 'Lagrede besvarelser' })).toHaveCount(0);
  await startResponse(b, {
    municipality: 'Aure (1576)',
    role: 'Administrasjon',
    round: 'Samling 2',
    start: 'Start spørreskjemaet',
  });
  await answerIn(b, 0, /^3 /);

  for (const page of [a, b]) {
    await page.goto('./');
    await page.reload();
    const saved = page.getByRole('table', { name: 'Lagrede besvarelser' });
    await expect(saved.locator('tbody tr')).toHaveCount(1);
    await expect(saved).toContainText('Aure');
    await expect(saved).not.toContainText('Molde');
  }
  await context.close();
});

/** One municipality's demo responses at gathering 2 as a results file, as a delegation sends it. */
function resultsFile(number: string): string {
  const file = path.join(tempDir('idb'), `${number}.json`);
  writeFileSync(file, resultsFileText(demoResponses(q, 2, [number]), q));
  return file;
}

/** The app's saved network records in IndexedDB, by key, read (or written) as another script would. */
async function idbRecords(page: Page, put?: [string, unknown]): Promise<Record<string, unknown>> {
  return page.evaluate(async (write) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('naeringsspeilet');
      // As the app creates it, when this runs first.
      open.onupgradeneeded = () => open.result.createObjectStore('imported');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(new Error(String(open.error)));
    });
    const tx = db.transaction('imported', write ? 'readwrite' : 'readonly');
    const store = tx.objectStore('imported');
    if (write) store.put(write[1], write[0]);
    const [keys, values] = await Promise.all(
      [store.getAllKeys(), store.getAll()].map(
        (request) =>
          new Promise<unknown[]>((resolve, reject) => {
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(new Error(String(request.error)));
          }),
      ),
    );
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
    return Object.fromEntries(keys!.map((k, i) => [String(k), values![i]]));
  }, put);
}

test('IndexedDB: a saved file that cannot be read is kept, the user is told, and a new import does not write over it', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('./#/network');
  await page.getByLabel('Velg filer').setInputFiles([resultsFile('1580')]);
  await expect(page.getByText('Ferdig: 1 fil lest inn, 0 med feil.')).toBeVisible();
  await expect
    .poll(async () => Object.keys(await idbRecords(page)).filter((k) => k.startsWith('source:')))
    .toHaveLength(1);
  const key = Object.keys(await idbRecords(page)).find((k) => k.startsWith('source:'))!;

  // Something damages the saved record; the app is opened again.
  await idbRecords(page, [key, '{"responses": {"br']);
  await page.reload();
  const unreadable = nb.networkRecovery.unreadable_one!.replace('{{count}}', '1');
  await expect(page.getByText(unreadable)).toBeVisible();
  await expectNoAxeViolations(page, 'network recovery notice');
  const notice = page.locator('.notice').filter({ hasText: unreadable });
  const downloadPromise = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Last ned kopien' }).click();
  expect(JSON.parse(await downloadedText(await downloadPromise))).toEqual({
    [`kept:${key}`]: '{"responses": {"br',
  });

  // A new import is saved beside the kept copy, never over it.
  await page.getByLabel('Velg filer').setInputFiles([resultsFile('1516')]);
  await expect(page.getByText('Ferdig: 1 fil lest inn, 0 med feil.')).toBeVisible();
  await expect
    .poll(async () => Object.keys(await idbRecords(page)).filter((k) => k.startsWith('source:')))
    .toHaveLength(1);
  expect((await idbRecords(page))[`kept:${key}`]).toBe('{"responses": {"br');

  // After a reload: the new file's data, and the copy still within reach.
  await page.reload();
  await expect(page.getByText(nb.networkRecovery.backupKept!)).toBeVisible();
  await expect(page.getByText(unreadable)).toBeHidden();
  await expect(page.getByRole('table', { name: /Gjennomsnittlig skår/ })).toContainText('Ulstein');
  expect((await idbRecords(page))[`kept:${key}`]).toBe('{"responses": {"br');
  expect(errors).toEqual([]);
});

test('IndexedDB: a network saved in the old layout (one key) opens, moved to one record per file', async ({
  page,
}) => {
  const errors = watchErrors(page);
  const responses = demoResponses(q, 2, ['1580', '1516']);
  const ids = (number: string) =>
    responses.filter((r) => r.municipality.number === number).map((r) => r.id);
  const old = {
    sources: ['1580', '1516'].map((number) => ({
      id: `src-${number}`,
      fileName: `naeringsspeilet-${number}-samling-2.json`,
      importedAt: '2024-05-03T12:00:00.000Z',
      kind: 'file',
      responseIds: ids(number),
      actionIds: [],
    })),
    responses: Object.fromEntries(responses.map((r) => [r.id, r])),
    actions: {},
    agreements: {},
  };
  // Saved as the previous version did, then the app is opened again.
  await page.goto('./#/network');
  await expect(page.getByText(/Ingen resultater er lastet inn ennå/)).toBeVisible();
  await idbRecords(page, ['network-v1', old]);
  await page.reload();
  const heatmap = page.getByRole('table', { name: /Gjennomsnittlig skår/ });
  await expect(heatmap).toContainText('Haram');
  await expect(heatmap).toContainText('Ulstein');
  await expect(page.locator('.notice')).toHaveCount(0);
  await expect
    .poll(async () => Object.keys(await idbRecords(page)).sort())
    .toEqual(['network', 'source:src-1516', 'source:src-1580']);
  await page.reload();
  await expect(heatmap).toContainText('Ulstein');
  expect(errors).toEqual([]);
});
