import { expect, type Locator, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

/** Fails the test if the page asks for anything beyond its own origin. */
export function guardRequests(page: Page): string[] {
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol === 'data:' || url.protocol === 'blob:') return;
    if (url.hostname !== '127.0.0.1' && url.hostname !== 'localhost') foreign.push(request.url());
  });
  return foreign;
}

export async function expectNoAxeViolations(page: Page, context = '') {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${context} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
}

/** Presses Tab until the locator has focus: what a keyboard user does. */
export async function tabTo(page: Page, target: Locator, maxPresses = 80) {
  for (let i = 0; i < maxPresses; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Could not reach ${target.toString()} with Tab`);
}

export interface StartOptions {
  municipality: string;
  role: string;
  round: string;
  start: string;
}

export async function startResponse(page: Page, o: StartOptions & { municipalityLabel?: string }) {
  await page
    .getByRole('combobox', { name: o.municipalityLabel ?? /Kommune|Municipality/ })
    .selectOption({ label: o.municipality });
  await page.getByRole('radio', { name: o.role, exact: true }).check();
  await page.getByRole('radio', { name: o.round, exact: true }).check();
  await page.getByRole('button', { name: o.start }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

/** The statement groups on the current area page. */
export function statementGroups(page: Page) {
  return page.locator('.statement fieldset');
}
