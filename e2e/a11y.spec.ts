import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  animationsSettled,
  appTexts,
  expectNoAxeViolations,
  runningAnimations,
  startResponse,
  statementGroups,
  tabTo,
} from './helpers';

/**
 * Accessibility gates, WCAG 2.1 AA, on every screen:
 * - axe (wcag2a, wcag2aa, wcag21a, wcag21aa) finds nothing, in nb, nn and en;
 * - reflow (1.4.10): at 320 CSS px (1280 px at 400 % zoom) the page itself never scrolls sideways;
 *   a data table may scroll inside its own container;
 * - keyboard (2.1.1, 2.1.2, 2.4.7): every control is reached with Tab, shows a visible focus
 *   indicator, and Tab always moves on (no trap).
 * Screens are found the way a user finds them; the network's views are read from its own menu,
 * so a view added later is covered without changing this file.
 */

type Lang = 'nb' | 'nn' | 'en';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Waits for lazy screens and charts: no loading spinner left. */
async function settled(page: Page, t: ReturnType<typeof appTexts>) {
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  for (const key of ['app.loading', 'network.loading', 'chart.loading'])
    await expect(page.getByLabel(t(key), { exact: true })).toHaveCount(0);
}

type Check = (screen: string) => Promise<void>;

/**
 * The respondent's screens in `lang`, reached as a user would: start (empty, with errors, with
 * saved responses, the delete dialog), questionnaire, review, results, the accessibility
 * statement and the not-found page.
 */
async function respondentScreens(page: Page, lang: Lang, check: Check) {
  const t = appTexts(lang);
  await page.goto(`./?lang=${lang}`);
  await settled(page, t);
  await check('start');

  await page.getByRole('button', { name: t('start.begin') }).click();
  await expect(page.getByText(t('start.errors.heading'))).toBeVisible();
  await check('start with errors');

  await startResponse(page, {
    municipality: 'Tingvoll (1560)',
    role: t('roles.administration'),
    round: t('start.gatheringRound', { round: 1 }),
    start: t('start.begin'),
  });
  const first = statementGroups(page).nth(0);
  await first.getByRole('radio', { name: /^3 / }).check();
  await first.getByRole('button', { name: new RegExp(escape(t('assessment.addComment'))) }).click();
  await first.getByRole('textbox', { name: t('assessment.comment') }).fill('Ok');
  await check('questionnaire');
  // A disclosure opening is animated (unless the user asked for reduced motion).
  await page.getByText(t('assessment.levelsSummary'), { exact: true }).click();
  await check('questionnaire, levels described');

  await page.goto('./#/review');
  await expect(page.getByRole('heading', { level: 1, name: t('review.title') })).toBeVisible();
  await check('review');

  await page.getByRole('button', { name: t('review.submitWithGaps') }).click();
  await expect(
    page
      .getByRole('img', { name: t('results.chartAlt') })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await settled(page, t);
  await check('results');

  await page.goto('./#/');
  await expect(page.getByRole('table', { name: t('saved.caption') })).toBeVisible();
  await check('start with saved responses');
  await page
    .getByRole('button', { name: new RegExp(`^${escape(t('saved.deleteLabel'))}`) })
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check('delete dialog');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: t('saved.cancel') })
    .click();
  await expect(page.getByRole('dialog')).toBeHidden();

  await page.goto('./#/accessibility');
  await expect(
    page.getByRole('heading', { level: 1, name: t('accessibility.title') }),
  ).toBeVisible();
  await check('accessibility statement');

  await page.goto('./#/nowhere');
  await expect(page.getByRole('heading', { level: 1, name: t('notFound.title') })).toBeVisible();
  await check('not found');
}

/** The steps of a gathering, in the order of the network screen's step navigation. */
const STEPS = ['collect', 'compare', 'learn', 'agree', 'share'] as const;

/** The navigation that lists the views of one step. */
function stepViews(page: Page, t: ReturnType<typeof appTexts>, step: (typeof STEPS)[number]) {
  return page.getByRole('navigation', {
    name: t('network.journey.views', { step: t(`network.journey.${step}`) }),
  });
}

/** Every place the step navigation leads to (each step's views), read from the screen. */
async function journeyViews(page: Page, t: ReturnType<typeof appTexts>): Promise<string[]> {
  const steps = page.getByRole('navigation', { name: t('network.journey.label') });
  await expect(steps).toBeVisible();
  const stepLinks = await steps
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  expect(stepLinks).toHaveLength(STEPS.length);
  const views = new Set<string>();
  for (const [i, href] of stepLinks.entries()) {
    await page.goto(`./${href}`);
    // evaluateAll does not wait: read the links once the step's views are drawn.
    const nav = stepViews(page, t, STEPS[i]!);
    await expect(nav.getByRole('link').first()).toBeVisible();
    const hrefs = await nav
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    for (const h of hrefs) views.add(h);
  }
  return [...views];
}

/**
 * The facilitator's screens in `lang`: the network with nothing loaded, then with the demo loaded,
 * every view in its menu (read from the menu, so views added later are covered), and
 * presentation mode hidden, revealed and on an area slide.
 */
async function networkScreens(page: Page, lang: Lang, check: Check) {
  const t = appTexts(lang);
  await page.goto(`./?lang=${lang}#/network`);
  await settled(page, t);
  await check('network, nothing loaded');
  await page.getByRole('button', { name: t('import.loadDemo') }).click();
  const views = await journeyViews(page, t);
  expect(views.length).toBeGreaterThanOrEqual(10);
  for (const href of views) {
    await page.goto(`./${href}`);
    await settled(page, t);
    if (href.startsWith('#/present')) {
      await check(`${href}, hidden`);
      await page.getByRole('button', { name: t('present.reveal') }).click();
      await expect(page.getByRole('table')).toBeVisible();
      await check(`${href}, revealed`);
      await page.keyboard.press('ArrowRight');
      await page.getByRole('button', { name: t('present.reveal') }).click();
      await expect(page.getByRole('list').first()).toBeVisible();
      await check('#/present/2, revealed');
      continue;
    }
    if (href.includes('/profile')) {
      await page.getByRole('checkbox', { name: t('network.showRadar') }).check();
      await settled(page, t);
    }
    await check(href);
  }
}

const GROUPS = [
  { name: 'respondent screens', visit: respondentScreens, min: 9 },
  { name: 'network screens', visit: networkScreens, min: 8 },
] as const;

for (const lang of ['nb', 'nn', 'en'] as const) {
  for (const group of GROUPS) {
    test(`axe finds no violations on the ${group.name} in ${lang}`, async ({ page }) => {
      test.setTimeout(150_000);
      const failures: string[] = [];
      const screens: string[] = [];
      await group.visit(page, lang, async (screen) => {
        screens.push(screen);
        try {
          await expectNoAxeViolations(page, `${lang} ${screen}:`);
        } catch (error) {
          failures.push(
            String((error as Error).message)
              .split('\n')
              .filter((l) => l.includes(`${lang} ${screen}:`))
              .join('\n'),
          );
        }
      });
      expect(screens.length).toBeGreaterThanOrEqual(group.min);
      expect(failures).toEqual([]);
    });
  }
}

/*
 * The same screens for a user who has asked for reduced motion (WCAG 2.3.3): nothing may slide
 * or fade, so axe judges each screen the moment it is reached, without waiting, and finds
 * nothing. The respondent screens hold the animated parts (the delete dialog, disclosures).
 */
const REDUCED: readonly { lang: Lang; group: (typeof GROUPS)[number] }[] = [
  ...(['nb', 'nn', 'en'] as const).map((lang) => ({ lang, group: GROUPS[0] })),
  { lang: 'nb', group: GROUPS[1] },
];
for (const { lang, group } of REDUCED) {
  test(`with reduced motion nothing animates, and axe finds no violations on the ${group.name} in ${lang}`, async ({
    browser,
  }) => {
    test.setTimeout(150_000);
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    const failures: string[] = [];
    await group.visit(page, lang, async (screen) => {
      const moving = await runningAnimations(page);
      if (moving.length > 0)
        failures.push(`${lang} ${screen}: still animating: ${moving.join(', ')}`);
      try {
        await expectNoAxeViolations(page, `${lang} ${screen}:`, { settle: false });
      } catch (error) {
        failures.push(
          String((error as Error).message)
            .split('\n')
            .filter((l) => l.includes(`${lang} ${screen}:`))
            .join('\n'),
        );
      }
    });
    expect(failures).toEqual([]);
    await context.close();
  });
}

/** Null when the page does not scroll sideways; otherwise what sticks out. */
function sidewaysOverflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const scrolls = (el: Element | null): boolean =>
      el !== null &&
      el !== document.documentElement &&
      (['auto', 'scroll'].includes(getComputedStyle(el).overflowX) || scrolls(el.parentElement));
    // Elements past the right edge outside any container that scrolls on its own. An absolutely
    // positioned element escapes a scroll container that is not its containing block, so it
    // counts even inside one.
    const culprits = [...document.body.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > width + 1)
      .filter(
        (el) =>
          !scrolls(el.parentElement) ||
          ['absolute', 'fixed'].includes(getComputedStyle(el).position),
      )
      .slice(0, 4)
      .map((el) => {
        const type = el.getAttribute('type');
        const classes = [...el.classList].map((c) => `.${c}`).join('');
        const right = Math.round(el.getBoundingClientRect().right);
        return `${el.tagName.toLowerCase()}${type ? `[type=${type}]` : ''}${classes} (right edge ${right})`;
      });
    return `scrollWidth ${document.documentElement.scrollWidth} > ${width}: ${culprits.join(', ')}`;
  });
}

for (const lang of ['nb', 'nn', 'en'] as const) {
  for (const group of GROUPS) {
    test(`reflow: at 320 px wide none of the ${group.name} scrolls sideways in ${lang}`, async ({
      browser,
    }) => {
      test.setTimeout(90_000);
      const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
      const page = await context.newPage();
      const failures: string[] = [];
      await group.visit(page, lang, async (screen) => {
        // Judge the layout once nothing moves. Charts first draw at a default width and then
        // at the width they measure (a ResizeObserver callback, then a render): wait for the
        // page to stop sticking out, and report what still sticks out if it never does.
        await animationsSettled(page);
        await expect
          .poll(() => sidewaysOverflow(page))
          .toBeNull()
          .catch(async () => {
            failures.push(`${screen}: ${await sidewaysOverflow(page)}`);
          });
      });
      expect(failures).toEqual([]);
      await context.close();
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Keyboard

interface Stop {
  /** Index in the list of expected stops, or -1 for a stop the list did not predict. */
  index: number;
  what: string;
  indicator: boolean;
  style: string;
}

/**
 * Records every control a keyboard user should reach on the current screen and how each looks
 * without focus (outline and box-shadow, also on its parent and grandparent, for indicators drawn
 * on a wrapper), and logs each focus that follows, judged the moment it happens.
 * Returns the expected stops; radio buttons as one stop per group (the checked one, or any one
 * when none is checked, is in the tab order).
 */
async function prepareWalk(page: Page): Promise<string[]> {
  await page.mouse.move(0, 0);
  return page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    const selector =
      'a[href], button, input, select, textarea, summary, [tabindex], iframe, [contenteditable="true"]';
    const dialog = document.querySelector('dialog[open]');
    const els = [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => {
      if (el.tabIndex < 0 || (el as HTMLButtonElement).disabled) return false;
      if (el.closest('[inert], [hidden]')) return false;
      const details = el.parentElement?.closest('details');
      if (details && !details.open && !(el.tagName === 'SUMMARY' && el.parentElement === details))
        return false;
      if (dialog && !dialog.contains(el)) return false;
      return el.checkVisibility({ visibilityProperty: true }) && el.getClientRects().length > 0;
    });
    const props = ['outline-style', 'outline-width', 'outline-color', 'box-shadow'];
    const styleOf = (el: Element | null) =>
      el ? props.map((p) => getComputedStyle(el).getPropertyValue(p)).join(' | ') : '';
    const chain = (el: Element) => [el, el.parentElement, el.parentElement?.parentElement ?? null];
    const unfocused = new Map<Element, string[]>();
    for (const el of els) unfocused.set(el, chain(el).map(styleOf));
    const describe = (el: Element) => {
      const name =
        el.getAttribute('aria-label') ??
        (el as HTMLInputElement).labels?.[0]?.textContent ??
        el.textContent ??
        '';
      const type = el.getAttribute('type') ?? el.getAttribute('role') ?? '';
      return `${el.tagName.toLowerCase()}${type ? `[${type}]` : ''} "${name.trim().replace(/\s+/g, ' ').slice(0, 50)}"`;
    };
    const shows = (style: string) => {
      const [outlineStyle, outlineWidth, , shadow] = style.split(' | ');
      return (
        (outlineStyle !== 'none' && parseFloat(outlineWidth ?? '0') > 0) ||
        (shadow ?? 'none') !== 'none'
      );
    };
    const log: unknown[] = [];
    const w = window as unknown as { __walkListener?: (e: FocusEvent) => void };
    if (w.__walkListener) document.removeEventListener('focusin', w.__walkListener, true);
    w.__walkListener = (event: FocusEvent) => {
      const el = event.target as Element;
      // Not a Tab stop: the app moves focus to a new screen's heading (tabindex -1) when it has
      // rendered, which can come after the walk began on a busy machine. Tab never lands there.
      if ((el as HTMLElement).tabIndex < 0) return;
      // Let any transition on the indicator finish, so the style read is the one users see.
      for (const e of chain(el)) e?.getAnimations().forEach((a) => a.finish());
      const now = chain(el).map(styleOf);
      const before = unfocused.get(el);
      const stop: Stop = {
        index: els.indexOf(el as HTMLElement),
        what: describe(el),
        indicator:
          before === undefined
            ? shows(now[0]!)
            : now.some((style, i) => style !== before[i] && shows(style)),
        style: now[0]!,
      };
      log.push(stop);
    };
    document.addEventListener('focusin', w.__walkListener, true);
    (window as unknown as { __walkLog: unknown[] }).__walkLog = log;
    return els.map((el) =>
      el instanceof HTMLInputElement && el.type === 'radio' && el.name
        ? `radio-group:${el.name}`
        : describe(el),
    );
  });
}

/**
 * Presses Tab round the whole page once, from wherever focus is back to the first control it
 * met. Reports a control never reached, a focus that does not show, and a trap (Tab never
 * comes round).
 */
async function walkScreen(page: Page, screen: string, problems: string[]) {
  // The app renders after the page's load event; walk the screen once it is there.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  const expected = await prepareWalk(page);
  const limit = expected.length * 2 + 20;
  let stops: Stop[] = [];
  let complete = false;
  for (let pressed = 0; pressed < limit && !complete;) {
    for (let i = 0; i < 8; i += 1, pressed += 1) await page.keyboard.press('Tab');
    stops = await page.evaluate(() => (window as unknown as { __walkLog: Stop[] }).__walkLog);
    const first = stops[0];
    complete =
      first !== undefined &&
      stops.slice(1).some((s) => s.index === first.index && s.what === first.what);
  }
  if (!complete) problems.push(`${screen}: Tab never came round again in ${limit} presses (trap?)`);
  const reached = new Set(stops.map((s) => s.index));
  const reported = new Set<string>();
  for (const stop of stops) {
    if (stop.indicator || reported.has(stop.what)) continue;
    reported.add(stop.what);
    problems.push(`${screen}: no visible focus indicator on ${stop.what} (${stop.style})`);
  }
  const groups = new Set(
    expected.filter((what, i) => reached.has(i) && what.startsWith('radio-group:')),
  );
  expected.forEach((what, i) => {
    if (reached.has(i) || groups.has(what)) return;
    problems.push(`${screen}: never reached with Tab: ${what}`);
  });
}

/**
 * Moves focus to a control and presses a key on it: how a keyboard user acts. (That Tab gets
 * there is what walkScreen proves for every control of the screen; moving focus directly keeps
 * this test's many presses down.)
 */
async function press(page: Page, target: Locator, key = 'Enter') {
  await target.focus();
  await page.keyboard.press(key);
}

test('keyboard only, respondent screens: every control reached with Tab, focus visible, no trap', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const t = appTexts('nb');
  const problems: string[] = [];

  await page.goto('./');
  await walkScreen(page, 'start', problems);
  await press(page, page.getByRole('button', { name: t('start.begin') }));
  await expect(page.getByText(t('start.errors.heading'))).toBeVisible();
  await walkScreen(page, 'start with errors', problems);

  // Fill in the form from the keyboard.
  await press(page, page.getByRole('link', { name: t('start.errors.municipality') }));
  await expect(page.getByRole('combobox', { name: t('start.municipality') })).toBeFocused();
  await page.keyboard.type('Sykkylven');
  await press(page, page.getByRole('radio', { name: t('roles.politician') }), 'Space');
  // In a radio group Tab reaches one radio, and the arrow keys move (and select) within it.
  await press(
    page,
    page.getByRole('radio', { name: t('start.gatheringRound', { round: 1 }) }),
    'ArrowRight',
  );
  await expect(
    page.getByRole('radio', { name: t('start.gatheringRound', { round: 2 }) }),
  ).toBeChecked();
  await press(page, page.getByRole('button', { name: t('start.begin') }));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Område 1 av 9');

  const first = statementGroups(page).nth(0);
  await press(page, first.getByRole('radio').first(), 'Space');
  await press(
    page,
    first.getByRole('button', { name: new RegExp(escape(t('assessment.addComment'))) }),
  );
  // The button gives way to the comment field: focus should follow, not fall back to the page.
  const comment = first.getByRole('textbox', { name: t('assessment.comment') });
  await expect(comment).toBeVisible();
  const where = await page.evaluate(() => document.activeElement?.tagName.toLowerCase() ?? 'none');
  if (where !== 'textarea')
    problems.push(
      `questionnaire: after "${t('assessment.addComment')}" focus is on <${where}>, not the comment field`,
    );
  await tabTo(page, comment);
  await page.keyboard.type('Skrevet med tastatur.');
  await press(page, page.locator('summary').first()); // the levels described, opened
  await walkScreen(page, 'questionnaire', problems);

  await press(page, page.getByRole('button', { name: new RegExp(t('assessment.next')) }));
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Område 2 av 9');
  await press(page, page.getByRole('link', { name: t('assessment.toReview') }));
  await expect(page.getByRole('heading', { level: 1, name: t('review.title') })).toBeFocused();
  await walkScreen(page, 'review', problems);

  await press(page, page.getByRole('button', { name: t('review.submitWithGaps') }));
  await expect(
    page.getByRole('heading', { level: 1, name: /Resultat for Sykkylven/ }),
  ).toBeVisible();
  await settled(page, t);
  await walkScreen(page, 'results', problems);

  await press(page, page.getByRole('link', { name: t('nav.start'), exact: true }));
  await expect(page.getByRole('table', { name: t('saved.caption') })).toBeVisible();
  await walkScreen(page, 'start with saved responses', problems);

  // The delete dialog holds focus while open (a modal should), and Escape lets it go.
  const deleteButton = page.getByRole('button', { name: /^Slett besvarelsen for Sykkylven/ });
  await press(page, deleteButton);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const inDialog = new Set<string>();
  let escaped = false;
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      // Past the last control a native modal lets focus out to the browser's own UI (the
      // document body, seen from here), never to the page behind it.
      if (!el || el === document.body) return { inside: true, text: null };
      return { inside: !!el.closest('dialog[open]'), text: el.textContent?.trim() ?? '' };
    });
    if (!focused.inside) escaped = true;
    else if (focused.text !== null) inDialog.add(focused.text);
  }
  expect(escaped, 'focus left the open modal dialog').toBe(false);
  expect([...inDialog]).toEqual(
    expect.arrayContaining([t('saved.deleteConfirm'), t('saved.cancel')]),
  );
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deleteButton).toBeFocused();
  await expect(
    page.getByRole('table', { name: t('saved.caption') }).locator('tbody tr'),
  ).toHaveCount(1);

  await press(page, page.getByRole('link', { name: t('app.accessibilityStatement') }));
  await expect(
    page.getByRole('heading', { level: 1, name: t('accessibility.title') }),
  ).toBeFocused();
  await walkScreen(page, 'accessibility statement', problems);

  expect(problems).toEqual([]);
});

test('keyboard only, network screens and presentation mode: every control reached with Tab, focus visible, no trap', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const t = appTexts('nb');
  const problems: string[] = [];
  await page.goto('./');
  await press(page, page.getByRole('link', { name: t('nav.network') }));
  await settled(page, t);
  await walkScreen(page, 'network, nothing loaded', problems);
  await press(page, page.getByRole('button', { name: t('import.loadDemo') }));
  const steps = page.getByRole('navigation', { name: t('network.journey.label') });
  await expect(steps).toBeVisible();
  await settled(page, t);
  await walkScreen(page, 'network overview', problems);

  const stepNames = STEPS.map((step, i) => `${i + 1} ${t(`network.journey.${step}`)}`);
  const visits: { step: number; name: string }[] = [];
  for (const [i, step] of STEPS.entries()) {
    await press(page, steps.getByRole('link', { name: stepNames[i]!, exact: true }));
    await settled(page, t);
    if (step !== 'compare') await walkScreen(page, `network: step ${stepNames[i]}`, problems);
    const names = await stepViews(page, t, step).getByRole('link').allInnerTexts();
    for (const name of names.slice(1)) visits.push({ step: i, name });
  }
  for (const { step, name } of visits) {
    // A view may lead out of the network screens (to the report): come back first.
    if (!(await steps.isVisible())) await page.goBack();
    const menu = stepViews(page, t, STEPS[step]!);
    if (!(await menu.isVisible())) {
      await press(page, steps.getByRole('link', { name: stepNames[step]!, exact: true }));
      await settled(page, t);
    }
    await press(page, menu.getByRole('link', { name, exact: true }));
    await settled(page, t);
    if (name === t('network.tabs.present')) {
      await expect(page.getByRole('button', { name: t('present.reveal') })).toBeVisible();
      await walkScreen(page, 'presentation, hidden', problems);
      await press(page, page.getByRole('button', { name: t('present.reveal') }));
      await expect(page.getByRole('table')).toBeVisible();
      await walkScreen(page, 'presentation, revealed', problems);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('heading', { level: 1, name: t('network.title') })).toBeVisible();
      continue;
    }
    if (name === t('network.tabs.profile')) {
      await press(page, page.getByRole('checkbox', { name: t('network.showRadar') }), 'Space');
      await settled(page, t);
    }
    await walkScreen(page, `network: ${name}`, problems);
  }
  expect(problems).toEqual([]);
});
