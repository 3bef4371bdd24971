import { expect, test, type Page } from '@playwright/test';
import { recordVisibleHeadings, visibleHeadings } from './helpers';

/**
 * The pre-rendered first visit (src/lib/first-visit.ts): the build puts the start form in
 * bokmål into index.html, so a delegate on a slow phone can use it before the app's script has
 * run. What they do meanwhile is kept, and a visit that should show another screen never shows
 * the pre-rendered one (a saved language: respondent-flow.spec.ts).
 */

const TITLE_NB = 'Hvor god vertskommune er vi for næringslivet?';

/** Holds back the app's entry script until `release` is called. */
async function holdAppScript(page: Page): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('without its script, the first visit already shows the start form, with no date from the build', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: TITLE_NB })).toBeVisible();
  const form = page.getByRole('form', { name: 'Ny besvarelse' });
  await expect(form.getByRole('combobox', { name: 'Kommune' })).toBeEnabled();
  await expect(form.getByRole('radio', { name: 'Politiker' })).toBeVisible();
  await expect(form.getByLabel('Dato for samlingen')).toHaveValue('');
  await context.close();
});

test('what a delegate chooses before the app has loaded reaches the store and survives a reload', async ({
  page,
}) => {
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text());
  });
  const release = await holdAppScript(page);
  await page.goto('./', { waitUntil: 'commit' });
  const form = page.getByRole('form', { name: 'Ny besvarelse' });
  await form.getByRole('combobox', { name: 'Kommune' }).selectOption({ label: 'Ulstein (1516)' });
  await form.getByRole('radio', { name: 'Administrasjon' }).check();
  await form.getByRole('radio', { name: 'Samling 2' }).check();
  await form.getByLabel(/Initialer/).fill('KN');
  // The start button too, before the app is there: it counts once the app has taken over.
  await form.getByRole('button', { name: 'Start spørreskjemaet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE_NB })).toBeVisible();

  release();
  await expect(page.getByRole('heading', { level: 1, name: /Strategi/ })).toBeVisible();
  expect(warnings.filter((w) => w.includes('pre-rendered'))).toEqual([]);

  await page.goto('./#/');
  await page.reload();
  const unfinished = page.getByRole('button', { name: /Fortsett besvarelsen for .*KN/ });
  await expect(unfinished).toBeVisible();
  await expect(page.getByText(/Ulstein/).first()).toBeVisible();
});

test('another address opened first never shows the pre-rendered start page', async ({ page }) => {
  await recordVisibleHeadings(page);
  await page.goto('./#/accessibility');
  const heading = page.getByRole('heading', { level: 1 });
  await expect(heading).toBeVisible();
  const title = await heading.textContent();
  expect(title).not.toBe(TITLE_NB);
  expect(await visibleHeadings(page)).toEqual([title]);
});
