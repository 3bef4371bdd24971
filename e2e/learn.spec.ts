import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, guardRequests } from './helpers';

/**
 * The gathering's loop on the demo network, as a facilitator walks it, in each language: who has
 * answered (and a typed expected number), learning from the network with a comment hidden, the
 * same with names hidden, and on to the municipality's report.
 */
const T = {
  nb: {
    stepsNav: 'Stegene i en samling',
    steps: { collect: '1 Samle inn', learn: '3 Lære', share: '5 Dele' },
    loadDemo: /Last inn demonettverket/,
    answered: 'Hvem har svart',
    answeredCaption: 'Besvarelser per kommune og rolle, samling 4',
    missing: '9 besvarelser mangler.',
    expected: 'Forventet antall besvarelser fra Molde, Politiker',
    missingAfter: '10 besvarelser mangler.',
    learn: 'Lær av nettverket',
    municipality: 'Kommune',
    learnHeading: 'Lær av nettverket: Tingvoll, samling 4',
    pairs: 'Forslag til samtaler på samlingen',
    pair: /^Tingvoll kan spørre Aure om .+: 82 mot 49\.$/,
    comments: /^Kommentarer fra /,
    hide: /^Skjul kommentaren til «/,
    hiddenByFacilitator: 'Skjult av prosesslederen.',
    anonymise: 'Skjul navnene på de andre kommunene',
    viewer: 'Kommunen deres (vises alltid med navn)',
    anonPair: /^Tingvoll kan spørre Kommune [A-Z] om /,
    namesHidden: 'Teksten er skjult fordi navnene er skjult.',
    report: 'Rapport for kommunen',
  },
  nn: {
    stepsNav: 'Stega i ei samling',
    steps: { collect: '1 Samle inn', learn: '3 Lære', share: '5 Dele' },
    loadDemo: /Last inn demonettverket/,
    answered: 'Kven har svart',
    answeredCaption: 'Svar per kommune og rolle, samling 4',
    missing: '9 svar manglar.',
    expected: 'Forventa tal på svar frå Molde, Politikar',
    missingAfter: '10 svar manglar.',
    learn: 'Lær av nettverket',
    municipality: 'Kommune',
    learnHeading: 'Lær av nettverket: Tingvoll, samling 4',
    pairs: 'Forslag til samtalar på samlinga',
    pair: /^Tingvoll kan spørje Aure om .+: 82 mot 49\.$/,
    comments: /^Kommentarar frå /,
    hide: /^Skjul kommentaren til «/,
    hiddenByFacilitator: 'Skjult av prosessleiaren.',
    anonymise: 'Skjul namna på dei andre kommunane',
    viewer: 'Kommunen dykkar (blir alltid vist med namn)',
    anonPair: /^Tingvoll kan spørje Kommune [A-Z] om /,
    namesHidden: 'Teksten er skjult fordi namna er skjulte.',
    report: 'Rapport for kommunen',
  },
  en: {
    stepsNav: 'Steps of a gathering',
    steps: { collect: '1 Collect', learn: '3 Learn', share: '5 Share' },
    loadDemo: /Load the demo network/,
    answered: 'Who has answered',
    answeredCaption: 'Responses per municipality and role, gathering 4',
    missing: '9 responses are missing.',
    expected: 'Expected responses from Molde, Politician',
    missingAfter: '10 responses are missing.',
    learn: 'Learn from the network',
    municipality: 'Municipality',
    learnHeading: 'Learn from the network: Tingvoll, gathering 4',
    pairs: 'Suggested conversations at the gathering',
    pair: /^Tingvoll can ask Aure about .+: 82 against 49\.$/,
    comments: /^Comments from /,
    hide: /^Hide the comment on “/,
    hiddenByFacilitator: 'Hidden by the facilitator.',
    anonymise: 'Hide the other municipalities’ names',
    viewer: 'Your municipality (always named)',
    anonPair: /^Tingvoll can ask Municipality [A-Z] about /,
    namesHidden: 'The text is hidden because names are hidden.',
    report: 'Municipality report',
  },
} as const;

for (const lang of ['nb', 'nn', 'en'] as const) {
  test(`the loop on the demo network in ${lang}: who has answered, learn, names hidden`, async ({
    page,
  }) => {
    const t = T[lang];
    const foreign = guardRequests(page);
    await page.goto(`./?lang=${lang}#/network`);
    await page.getByRole('button', { name: t.loadDemo }).click();

    // Collect: who has answered, the day before.
    const steps = page.getByRole('navigation', { name: t.stepsNav });
    await steps.getByRole('link', { name: t.steps.collect, exact: true }).click();
    await expect(steps.getByRole('link', { name: t.steps.collect })).toHaveAttribute(
      'aria-current',
      'step',
    );
    await page.getByRole('link', { name: t.answered, exact: true }).click();
    const table = page.getByRole('table', { name: t.answeredCaption });
    await expect(table).toBeVisible();
    await expect(page.getByText(t.missing, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page, `answered ${lang}`);
    const expected = table.getByRole('spinbutton', { name: t.expected });
    await expected.fill('3');
    await expected.blur();
    await expect(page.getByText(t.missingAfter, { exact: true })).toBeVisible();

    // Learn: Tingvoll's improvement areas, the peers that are strong there, what they wrote.
    await steps.getByRole('link', { name: t.steps.learn, exact: true }).click();
    await page.getByRole('link', { name: t.learn, exact: true }).click();
    await page
      .getByRole('combobox', { name: t.municipality, exact: true })
      .selectOption({ label: 'Tingvoll' });
    await expect(page.getByRole('heading', { level: 2, name: t.learnHeading })).toBeVisible();
    const pairs = page.getByRole('list', { name: t.pairs });
    await expect(pairs.getByRole('listitem').first()).toHaveText(t.pair);
    await expectNoAxeViolations(page, `learn ${lang}`);

    const firstComments = page.getByRole('list', { name: t.comments }).first();
    await firstComments.getByRole('button', { name: t.hide }).first().click();
    await expect(page.getByText(t.hiddenByFacilitator).first()).toBeVisible();

    // Names hidden: peers become letters, and their free text goes with the names.
    await page.getByRole('combobox', { name: t.viewer }).selectOption({ label: 'Tingvoll' });
    await page.getByRole('switch', { name: t.anonymise }).check();
    await expect(pairs.getByRole('listitem').first()).toHaveText(t.anonPair);
    await expect(page.getByText(t.namesHidden).first()).toBeVisible();
    const main = await page.locator('main').innerText();
    for (const name of ['Aure', 'Sykkylven', 'Ulstein', 'Sunndal', 'Molde', 'Haram'])
      expect(main, name).not.toContain(name);
    await expectNoAxeViolations(page, `learn anonymised ${lang}`);

    // Share: on to the municipality's report.
    await steps.getByRole('link', { name: t.steps.share, exact: true }).click();
    await page.getByRole('navigation').getByRole('link', { name: t.report, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Tingvoll');
    expect(foreign).toEqual([]);
  });
}
