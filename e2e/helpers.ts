import { expect, type Locator, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Response } from '../src/domain/core/types';
import { createDemoNetwork } from '../src/domain/demo/demo-network';
import { createResultsFile, serializeResultsFile } from '../src/domain/files/results-file';
import { parseQuestionnaire, type Questionnaire } from '../src/domain/questionnaire/schema';

/** The raw JSON of a bundled questionnaire version (god-vertskommune/v<version>.json). */
export function bundledQuestionnaireJson(version = 2): unknown {
  return JSON.parse(
    readFileSync(path.resolve(`questionnaires/god-vertskommune/v${version}.json`), 'utf8'),
  ) as unknown;
}

/** A bundled questionnaire version, parsed as the app parses it. */
export function bundledQuestionnaire(version = 2): Questionnaire {
  const parsed = parseQuestionnaire(bundledQuestionnaireJson(version));
  if (!parsed.ok) throw new Error(`bundled questionnaire v${version} is invalid`);
  return parsed.questionnaire;
}

/** The demo network's responses at one gathering round, of the given municipalities or all. */
export function demoResponses(
  q: Questionnaire,
  round: number,
  municipalities?: readonly string[],
): Response[] {
  return createDemoNetwork(q).filter(
    (r) =>
      r.gathering.round === round &&
      (municipalities === undefined || municipalities.includes(r.municipality.number)),
  );
}

/** Responses as the text of the results file a delegation sends, exported at a fixed time. */
export function resultsFileText(responses: readonly Response[], q: Questionnaire): string {
  return serializeResultsFile(
    createResultsFile(responses, {
      appVersion: 'test',
      exportedAt: '2024-05-03T12:00:00.000Z',
      questionnaire: { id: q.id, version: q.version },
    }),
  );
}

/** A new folder of its own in the system's temp folder, its name starting with `prefix`. */
export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `${prefix}-`));
}

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

/**
 * Waits until every finite animation and transition on the page has finished: a dialog's fade,
 * a disclosure opening, a chart growing. Anything that judges pixels, contrast or layout must
 * call this first, or it judges a frame halfway through. It waits for the animations themselves
 * (their `finished` promises, again for any that started meanwhile), never for a length of time.
 * Endless animations (a spinner) are left out: settled() waits for those to go away instead.
 */
export async function animationsSettled(page: Page) {
  await page.evaluate(async () => {
    const finite = (a: Animation) => {
      const end = a.effect?.getComputedTiming().endTime;
      return typeof end === 'number' && Number.isFinite(end);
    };
    for (;;) {
      const running = document
        .getAnimations()
        .filter((a) => finite(a) && (a.playState === 'running' || a.pending));
      if (running.length === 0) break;
      await Promise.allSettled(running.map((a) => a.finished));
    }
    // One more frame, so the finished state is the one styled and laid out.
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** Finite animations and transitions running now, by name, for a test that expects none. */
export function runningAnimations(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    document
      .getAnimations()
      .filter((a) => {
        const end = a.effect?.getComputedTiming().endTime;
        return (
          typeof end === 'number' &&
          Number.isFinite(end) &&
          end > 0 &&
          (a.playState === 'running' || a.pending)
        );
      })
      .map((a) =>
        a instanceof CSSAnimation
          ? a.animationName
          : a instanceof CSSTransition
            ? `transition ${a.transitionProperty}`
            : a.id || 'animation',
      ),
  );
}

/**
 * axe on the page as it is, WCAG 2.1 A and AA. By default it first waits for animations to end
 * (animationsSettled); `{ settle: false }` judges the page at once, for pages that promise to
 * have no motion (prefers-reduced-motion).
 */
export async function expectNoAxeViolations(
  page: Page,
  context = '',
  { settle = true }: { settle?: boolean } = {},
) {
  if (settle) await animationsSettled(page);
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

/**
 * The statement groups of the area the address names, once that area's page is drawn. A click
 * that opens an area (start, next, previous) changes the address at once and the page a moment
 * later, so a test that counts the groups at once can count the page before. The area list marks
 * the area on screen (`aria-current="step"`): when that is the address's area, the page is drawn.
 */
export async function shownAreaGroups(page: Page): Promise<Locator> {
  await expect(page).toHaveURL(/#\/assessment\/[^/?]+$/);
  const hash = new URL(page.url()).hash;
  const current = page.getByTestId('area-nav').locator('a[aria-current="step"]');
  await expect(current).toHaveAttribute('href', hash);
  return statementGroups(page);
}

/**
 * Opens a view of the network screen the way a facilitator does: the step of the gathering it
 * belongs to ("4 Bli enige og handle"), then the view in that step's navigation.
 */
export async function openView(page: Page, step: string, view: string) {
  await page.getByRole('link', { name: step, exact: true }).click();
  await page.getByRole('navigation').getByRole('link', { name: view, exact: true }).click();
}

/**
 * Records the text of every level-1 heading that is on screen, frame by frame, from the next
 * page load on: for a test that a screen never flashes by (the pre-rendered start page is in the
 * page, hidden, on every visit that is not a first one). Read it with `visibleHeadings`.
 */
export async function recordVisibleHeadings(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __headings: string[] }).__headings = seen;
    const frame = () => {
      for (const h1 of document.querySelectorAll('h1')) {
        const box = h1.getBoundingClientRect();
        if (box.width > 0 && box.height > 0 && !seen.includes(h1.textContent ?? '')) {
          seen.push(h1.textContent ?? '');
        }
      }
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export const visibleHeadings = (page: Page) =>
  page.evaluate(() => (window as unknown as { __headings: string[] }).__headings);

type Texts = Record<string, unknown>;

/**
 * The app's own text for a key in a language, from its locale files (every namespace: common,
 * network, share, delegate), with {{var}} filled in. Throws for a key that is in none of them.
 */
export function appTexts(lang: 'nb' | 'nn' | 'en') {
  const folder = path.resolve(`src/i18n/locales/${lang}`);
  const namespaces = readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(path.join(folder, f), 'utf8')) as Texts);
  return (key: string, vars: Record<string, string | number> = {}): string => {
    for (const texts of namespaces) {
      const value = key.split('.').reduce<unknown>((v, k) => (v as Texts | undefined)?.[k], texts);
      if (typeof value === 'string') {
        return value.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v] ?? ''));
      }
    }
    throw new Error(`no text ${key} in ${lang}`);
  };
}
