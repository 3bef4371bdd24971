import { expect, test, type Page } from '@playwright/test';
import { animationsSettled, expectNoAxeViolations } from './helpers';

/**
 * The network screen as a journey through a gathering: the numbered steps and the context bar fit
 * a projector (1920 × 1080 at 150 % zoom is a 1280 × 720 CSS viewport) and a phone without
 * scrolling sideways, and axe finds nothing on them in nb, nn and en.
 */
const T = {
  nb: {
    loadDemo: /Last inn demonettverket/,
    steps: 'Stegene i en samling',
    compare: '2 Sammenligne',
    context: /^Utgangspunkt: Samling 4 · /,
    round: 'Samling',
  },
  nn: {
    loadDemo: /Last inn demonettverket/,
    steps: 'Stega i ei samling',
    compare: '2 Samanlikne',
    context: /^Utgangspunkt: Samling 4 · /,
    round: 'Samling',
  },
  en: {
    loadDemo: /Load the demo network/,
    steps: 'Steps of a gathering',
    compare: '2 Compare',
    context: /^Context: Gathering 4 · /,
    round: 'Gathering',
  },
} as const;

async function loadDemo(page: Page, lang: keyof typeof T) {
  await page.goto(`./?lang=${lang}#/network`);
  await page.getByRole('button', { name: T[lang].loadDemo }).click();
  await expect(page.getByRole('navigation', { name: T[lang].steps })).toBeVisible();
}

async function noSidewaysScroll(page: Page) {
  await animationsSettled(page);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

for (const size of [
  { name: 'a projector', width: 1280, height: 720, open: true },
  { name: 'a phone', width: 360, height: 740, open: false },
]) {
  test(`on ${size.name} (${size.width}×${size.height}) the steps and the context fit the width`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await loadDemo(page, 'nb');
    const steps = page.getByRole('navigation', { name: T.nb.steps });
    await expect(steps.getByRole('link', { name: T.nb.compare })).toHaveAttribute(
      'aria-current',
      'step',
    );
    const context = page.locator('summary', { hasText: T.nb.context });
    await expect(context).toBeVisible();
    const round = page.getByRole('combobox', { name: T.nb.round, exact: true });
    // Open on a wide screen; folded into its one-line summary on a phone, a tap away.
    await expect(round).toBeVisible({ visible: size.open });
    await noSidewaysScroll(page);
    if (!size.open) {
      await context.click();
      await expect(round).toBeVisible();
      await noSidewaysScroll(page);
    }
    // Every step's link stays within the viewport.
    for (const box of await steps
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().right))) {
      expect(box).toBeLessThanOrEqual(size.width);
    }
  });
}

test('on a projector at full width (1920×1080) the overview shows every area of the heatmap without scrolling', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await loadDemo(page, 'nb');
  const heatmap = page.getByRole('table', { name: /Gjennomsnittlig skår/ });
  await expect(heatmap.locator('tbody tr')).toHaveCount(8); // 7 municipalities and the median
  await animationsSettled(page);
  // The table's own scroll box has nothing hidden to the side.
  const hidden = await heatmap.evaluate((table) => {
    const box = table.closest('.table-scroll') ?? table.parentElement!;
    return box.scrollWidth - box.clientWidth;
  });
  expect(hidden).toBeLessThanOrEqual(0);
  await noSidewaysScroll(page);
});

for (const lang of ['nb', 'nn', 'en'] as const) {
  test(`axe finds nothing on the network screen's steps and context in ${lang}`, async ({
    page,
  }) => {
    await loadDemo(page, lang);
    await expectNoAxeViolations(page, `overview ${lang}`);
    await page.setViewportSize({ width: 360, height: 740 });
    await expectNoAxeViolations(page, `overview on a phone ${lang}`);
  });
}
