import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, guardRequests, tabTo } from './helpers';

/**
 * Comments reach the room only when the facilitator says so: in presentation mode an area slide
 * keeps its comments hidden until "show comments" is pressed (with the keyboard here), and hides
 * them again on request. axe on the slide with comments hidden and shown.
 */
const T = {
  nb: {
    loadDemo: /Last inn demonettverket/,
    show: 'Vis kommentarer',
    hide: 'Skjul kommentarene',
    heading: /^Kommentarer om /,
    revealResults: 'Vis resultatet',
  },
  en: {
    loadDemo: /Load the demo network/,
    show: 'Show comments',
    hide: 'Hide comments',
    heading: /^Comments on /,
    revealResults: 'Reveal the result',
  },
} as const;

for (const lang of ['nb', 'en'] as const) {
  test(`presentation mode shows comments only when revealed, in ${lang}`, async ({ page }) => {
    const t = T[lang];
    const foreign = guardRequests(page);
    await page.goto(`./?lang=${lang}#/network`);
    await page.getByRole('button', { name: t.loadDemo }).click();
    await page.evaluate(() => {
      location.hash = '#/present/2';
    });

    const show = page.getByRole('button', { name: t.show });
    await expect(show).toBeVisible();
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('heading', { name: t.heading })).toHaveCount(0);
    await expect(page.locator('q')).toHaveCount(0);
    await expectNoAxeViolations(page, `present, comments hidden ${lang}`);

    // The facilitator reveals them with the keyboard.
    await tabTo(page, show);
    await page.keyboard.press('Enter');
    const hide = page.getByRole('button', { name: t.hide });
    await expect(hide).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('heading', { level: 2, name: t.heading })).toBeVisible();
    expect(await page.locator('q').count()).toBeGreaterThan(1);
    // The results keep their own reveal.
    await expect(page.getByRole('button', { name: t.revealResults })).toBeVisible();
    await expectNoAxeViolations(page, `present, comments shown ${lang}`);

    // Next slide: its comments are hidden again until asked for.
    await page.keyboard.press('ArrowRight');
    await expect(page.getByRole('button', { name: t.show })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(page.locator('q')).toHaveCount(0);
    await page.keyboard.press('ArrowLeft');
    await page.getByRole('button', { name: t.hide }).click();
    await expect(page.locator('q')).toHaveCount(0);
    expect(foreign).toEqual([]);
  });
}
