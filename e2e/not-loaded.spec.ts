import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, startResponse } from './helpers';

/**
 * On the room's Wi-Fi a part of the app can fail to arrive after the page itself did: the
 * questionnaire's texts, or the delegation's screens (both load after the first screen). The
 * app then says so, in the user's language, and nothing entered is lost.
 */

const NOT_LOADED_NB = 'Denne delen av Næringsspeilet kom ikke fram';

test('without the questionnaire texts, the page says they did not arrive instead of showing blanks', async ({
  page,
}) => {
  await page.route(/\/assets\/v[12]-[^/]+\.js$/, (route) => route.abort());
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: NOT_LOADED_NB })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Last siden på nytt' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('when the questionnaire screen does not arrive, the page says so, and the new response is kept', async ({
  page,
}) => {
  await page.route(/\/assets\/delegate-screens-[^/]+\.js$/, (route) => route.abort());
  await page.goto('./');
  await startResponse(page, {
    municipality: 'Molde (1506)',
    role: 'Politiker',
    round: 'Samling 1',
    start: 'Start spørreskjemaet',
  });
  await expect(page.getByRole('heading', { level: 1, name: NOT_LOADED_NB })).toBeVisible();

  // The network is back: a reload opens the questionnaire with the response that was started.
  await page.unroute(/\/assets\/delegate-screens-[^/]+\.js$/);
  await page.getByRole('button', { name: 'Last siden på nytt' }).click();
  await expect(page.getByTestId('area-nav')).toBeVisible();
  await expect(page.getByText(/Molde · Politiker · Samling 1/)).toBeVisible();
});
