import { expect, test, type Page } from '@playwright/test';
import {
  recordVisibleHeadings,
  visibleHeadings,
  expectNoAxeViolations,
  guardRequests,
  startResponse,
  shownAreaGroups,
  statementGroups,
  tabTo,
} from './helpers';

/** Area i (0-based) gets level (i % 5) + 1 on every statement, so area scores are 0, 25, 50, 75, 100, 0, 25, 50, 75. */
async function answerAllAreas(page: Page, nextLabel: RegExp, reviewLabel: RegExp) {
  for (let area = 0; area < 9; area += 1) {
    const groups = await shownAreaGroups(page);
    const count = await groups.count();
    for (let i = 0; i < count; i += 1) {
      await groups
        .nth(i)
        .getByRole('radio', { name: new RegExp(`^${(area % 5) + 1} `) })
        .check();
    }
    await page
      .locator('.importance')
      .getByRole('radio')
      .nth(area === 2 ? 4 : 2)
      .check();
    const next = area < 8 ? nextLabel : reviewLabel;
    await page
      .getByRole('navigation', { name: /Bla mellom|Move between/ })
      .getByRole('button', { name: next })
      .click();
  }
}

const EXPECTED_SCORES = ['0', '25', '50', '75', '100', '0', '25', '50', '75'];

test('a full walk in bokmål: start, every area, review, results with the right scores', async ({
  page,
}) => {
  const foreign = guardRequests(page);
  await page.goto('./');
  await expect(page).toHaveTitle('Næringsspeilet');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nb');
  await expectNoAxeViolations(page, 'start nb');
  await startResponse(page, {
    municipality: 'Molde (1506)',
    role: 'Politiker',
    round: 'Samling 2',
    start: 'Start spørreskjemaet',
  });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Område 1 av 9');
  await expectNoAxeViolations(page, 'assessment nb');
  await answerAllAreas(page, /Neste område/, /Gå gjennom og lever/);

  await expect(page.getByRole('heading', { level: 1, name: 'Gå gjennom svarene' })).toBeVisible();
  await expect(page.getByText('Du har svart på alle 46 påstandene.')).toBeVisible();
  await expectNoAxeViolations(page, 'review nb');
  await page.getByRole('button', { name: 'Lever og se resultatet' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Resultat for Molde' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Skår, svardekning og viktighet per område' });
  // Read the rows once they are all there: evaluateAll itself does not wait.
  await expect(table.locator('tbody tr')).toHaveCount(EXPECTED_SCORES.length);
  const scores = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[0]?.textContent));
  expect(scores).toEqual(EXPECTED_SCORES);
  // Overall: 400 / 9 = 44.4 -> "44"; coverage: all rated -> 100 %.
  await expect(page.locator('.key-figure').nth(0)).toContainText('44');
  await expect(page.locator('.key-figure').nth(1)).toContainText('100 %');
  await expect(page.getByRole('region', { name: 'Områdene du mener er viktigst' })).toContainText(
    'Dialog og samarbeid med næringslivet',
  );
  // The chart is lazy-loaded and drawn beside its table twin.
  await expect(
    page
      .getByRole('img', { name: /Søylediagram/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'results nb');
  expect(foreign).toEqual([]);
});

test('a full walk in nynorsk, chosen with ?lang=nn', async ({ page }) => {
  const foreign = guardRequests(page);
  await page.goto('./?lang=nn');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Kor god vertskommune er vi for næringslivet?',
  );
  await expectNoAxeViolations(page, 'start nn');
  await startResponse(page, {
    municipality: 'Haram (1580)',
    role: 'Administrasjon',
    round: 'Samling 1',
    start: 'Start spørjeskjemaet',
  });
  await expectNoAxeViolations(page, 'assessment nn');
  await answerAllAreas(page, /Neste område/, /Gå gjennom og lever/);
  await expect(page.getByRole('heading', { level: 1, name: 'Gå gjennom svara' })).toBeVisible();
  await expectNoAxeViolations(page, 'review nn');
  await page.getByRole('button', { name: 'Lever og sjå resultatet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat for Haram' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Skår, svardekning og viktigheit per område' });
  // Read the rows once they are all there: evaluateAll itself does not wait.
  await expect(table.locator('tbody tr')).toHaveCount(EXPECTED_SCORES.length);
  const scores = await table
    .locator('tbody tr')
    .evaluateAll((rows) => rows.map((r) => r.querySelectorAll('td')[0]?.textContent));
  expect(scores).toEqual(EXPECTED_SCORES);
  await expect(page.getByRole('region', { name: 'Dei sterkaste områda' })).toContainText(
    'Heilskapleg samfunnsutvikling',
  );
  await expectNoAxeViolations(page, 'results nn');
  expect(foreign).toEqual([]);
});

test('a reload mid-walk keeps every answer and the place', async ({ page }) => {
  await page.goto('./');
  await startResponse(page, {
    municipality: 'Sunndal (1563)',
    role: 'Næringsliv',
    round: 'Samling 1',
    start: 'Start spørreskjemaet',
  });
  await statementGroups(page).nth(0).getByRole('radio', { name: /^2 / }).check();
  await statementGroups(page).nth(1).getByRole('radio', { name: 'Vet ikke' }).check();
  await page.getByRole('button', { name: /Neste område/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Område 2 av 9');
  await statementGroups(page).nth(0).getByRole('radio', { name: /^5 / }).check();
  await statementGroups(page)
    .nth(0)
    .getByRole('button', { name: /Legg til kommentar/ })
    .click();
  await statementGroups(page)
    .nth(0)
    .getByRole('textbox', { name: 'Kommentar' })
    .fill('Ordføreren følger opp.');

  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Område 2 av 9');
  await expect(statementGroups(page).nth(0).getByRole('radio', { name: /^5 / })).toBeChecked();
  await expect(
    statementGroups(page).nth(0).getByRole('textbox', { name: 'Kommentar' }),
  ).toHaveValue('Ordføreren følger opp.');
  // A business respondent gets the 45 common statements and 2 business-only ones.
  await expect(page.getByText('3 av 47 påstander besvart')).toBeVisible();
  await page.getByRole('button', { name: /Forrige område/ }).click();
  await expect(statementGroups(page).nth(0).getByRole('radio', { name: /^2 / })).toBeChecked();
  await expect(statementGroups(page).nth(1).getByRole('radio', { name: 'Vet ikke' })).toBeChecked();

  // A fresh visit to the start page offers to continue where the user was.
  await page.goto('./');
  await page.getByRole('button', { name: /Fortsett besvarelsen for Sunndal/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Område 1 av 9');
});

test('starting a new response keeps the old one, and deleting asks first', async ({ page }) => {
  await page.goto('./');
  await startResponse(page, {
    municipality: 'Aure (1576)',
    role: 'Politiker',
    round: 'Samling 1',
    start: 'Start spørreskjemaet',
  });
  await statementGroups(page).nth(0).getByRole('radio', { name: /^3 / }).check();
  await page.getByRole('link', { name: 'Start', exact: true }).click();
  await startResponse(page, {
    municipality: 'Tingvoll (1560)',
    role: 'Administrasjon',
    round: 'Samling 1',
    start: 'Start spørreskjemaet',
  });
  await page.getByRole('link', { name: 'Start', exact: true }).click();
  const saved = page.getByRole('table', { name: 'Lagrede besvarelser' });
  await expect(saved.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: /Slett besvarelsen for Aure/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Det kan ikke angres');
  await expectNoAxeViolations(page, 'delete dialog');
  await dialog.getByRole('button', { name: 'Avbryt' }).click();
  await expect(saved.locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: /Slett besvarelsen for Aure/ }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Slett besvarelsen' }).click();
  await expect(saved.locator('tbody tr')).toHaveCount(1);
  await expect(saved).toContainText('Tingvoll');
});

test('keyboard only: start, answer, move between areas, review and results', async ({ page }) => {
  await page.goto('./?lang=en');
  // Tab only once the app has rendered, as a user would after the page appears.
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to main content' })).toBeFocused();

  const municipality = page.getByRole('combobox', { name: 'Municipality' });
  await tabTo(page, municipality);
  await page.keyboard.type('Ulstein');
  await expect(municipality).toHaveValue('1516');
  await expect(page.getByRole('button', { name: 'Byt til nynorsk' })).toBeVisible();

  await tabTo(page, page.getByRole('radio', { name: 'Politician' }));
  await page.keyboard.press('ArrowRight'); // radio groups move and select with arrows
  await expect(page.getByRole('radio', { name: 'Administration' })).toBeChecked();
  await tabTo(page, page.getByRole('radio', { name: 'Gathering 1' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: 'Gathering 1' })).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Start the questionnaire' }));
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1 })).toContainText('Area 1 of 9');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const first = statementGroups(page).nth(0);
  await tabTo(page, first.getByRole('radio').first());
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(first.getByRole('radio', { name: /^3 / })).toBeChecked();

  await tabTo(page, page.getByRole('button', { name: /Next area/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Area 2 of 9');
  await tabTo(page, page.getByRole('link', { name: 'Review and submit' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Review your answers' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Submit with unanswered statements' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Results for Ulstein' })).toBeVisible();
  await expect(
    page
      .getByRole('table', { name: 'Score, coverage and importance by area' })
      .locator('tbody tr')
      .first(),
  ).toContainText('50');
});

for (const lang of ['nb', 'nn', 'en'] as const) {
  test(`axe finds no violations on the start, accessibility and not-found pages in ${lang}`, async ({
    page,
  }) => {
    const foreign = guardRequests(page);
    await page.goto(`./?lang=${lang}`);
    await expectNoAxeViolations(page, `start ${lang}`);
    await page.goto(`./?lang=${lang}#/accessibility`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page, `accessibility ${lang}`);
    await page.goto(`./?lang=${lang}#/nowhere`);
    await expectNoAxeViolations(page, `not found ${lang}`);
    await page.goto(`./?lang=${lang}#/results`);
    await expectNoAxeViolations(page, `results without response ${lang}`);
    expect(foreign).toEqual([]);
  });
}

test('the language switcher changes the text and <html lang>, and is remembered', async ({
  page,
}) => {
  await page.goto('./');
  await page.getByRole('group', { name: 'Språk' }).getByRole('button', { name: 'Nynorsk' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('button', { name: 'Nynorsk' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('link', { name: 'Tilgjengelegheitserklæring' })).toBeVisible();
  // Nynorsk is loaded before the first render: the only heading ever shown is nynorsk.
  await recordVisibleHeadings(page);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nn');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Kor god vertskommune er vi for næringslivet?',
  );
  expect(await visibleHeadings(page)).toEqual(['Kor god vertskommune er vi for næringslivet?']);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'How good a host are we for business?',
  );
});
