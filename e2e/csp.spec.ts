import { createHash } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importResultsFile } from '../src/domain/files/import';
import {
  expectNoAxeViolations,
  guardRequests,
  startResponse,
  statementGroups,
  bundledQuestionnaire,
} from './helpers';

/**
 * Security: the Content-Security-Policy of the built app, that nothing on any screen breaks it or
 * reaches beyond the origin, and that a crash ends on the friendly error page.
 */

const q = bundledQuestionnaire();

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

test('the built index.html carries a strict CSP: no eval, one inline script pinned by its hash, connect-src self', async ({
  page,
  request,
}) => {
  // index.html as the server under test serves it (the built app, whichever folder it is in).
  const response = await request.get('./');
  expect(response.ok()).toBe(true);
  const html = await response.text();
  const metas = [
    ...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/gi),
  ];
  expect(metas).toHaveLength(1);
  const csp = directives(metas[0]![1]!);
  const script = csp.get('script-src') ?? csp.get('default-src');
  expect(script, 'script-src').toBeDefined();
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(script).not.toContain("'wasm-unsafe-eval'");
  expect(script!.filter((s) => s === '*' || s.endsWith(':') || s.includes('*'))).toEqual([]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('object-src')).toEqual(["'none'"]);
  expect(csp.get('base-uri')).toEqual(["'self'"]);
  // The policy must come before anything it governs. One script is inline: the head script of
  // the pre-rendered first visit (src/lib/first-visit.ts), allowed by its hash and nothing else.
  expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
    ([, attrs, body]) => !/\ssrc=/.test(attrs!) || body!.trim() !== '',
  );
  expect(inline).toHaveLength(1);
  const hash = createHash('sha256').update(inline[0]![2]!).digest('base64');
  expect(script!.filter((s) => s.startsWith("'sha256-"))).toEqual([`'sha256-${hash}'`]);
  expect(html).not.toMatch(/\son[a-z]+\s*=/i);

  // The page the browser gets has the same policy in force.
  await page.goto('./');
  const served = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(served).toBe(metas[0]![1]);
});

/** Reports CSP violations from every document the page loads, to the test. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__e2eCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __e2eCspViolation: (t: string) => void })
        .__e2eCspViolation;
      void report(
        `${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber}) ${e.sample}`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text()))
      violations.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => violations.push(`pageerror: ${e.message}`));
  return violations;
}

const valid = readFileSync(path.resolve('e2e/fixtures/hostile/valid-minimal.json'));

test('no screen breaks the CSP or sends a request beyond the origin', async ({ page }) => {
  test.setTimeout(120_000);
  const violations = await watchCsp(page);
  const foreign = guardRequests(page);
  const visited: string[] = [];
  const screen = async (name: string) => {
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    visited.push(name);
  };

  await page.goto('./');
  await screen('start');
  await page.getByRole('button', { name: 'Start spørreskjemaet' }).click();
  await expect(page.getByText('Dette må rettes før du kan starte:')).toBeVisible();
  await screen('start with errors');
  await startResponse(page, {
    municipality: 'Aure (1576)',
    role: 'Annet',
    round: 'Samling 4',
    start: 'Start spørreskjemaet',
  });
  await statementGroups(page).nth(0).getByRole('radio', { name: /^2 / }).check();
  await statementGroups(page)
    .nth(0)
    .getByRole('button', { name: /Legg til kommentar/ })
    .click();
  await statementGroups(page).nth(0).getByRole('textbox', { name: 'Kommentar' }).fill('Test');
  await page.getByRole('button', { name: /Neste område/ }).click();
  await screen('questionnaire');
  await page.goto('./#/review');
  await screen('review');
  await page.getByRole('button', { name: /Lever/ }).click();
  await expect(
    page
      .getByRole('img', { name: /Søylediagram/ })
      .locator('svg')
      .first(),
  ).toBeVisible();
  await screen('results');
  await page.goto('./#/');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /Eksporter besvarelsen for Aure/ }).click();
  await download;
  await page.getByRole('button', { name: /Slett besvarelsen for Aure/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
  await page.goto('./#/accessibility');
  await screen('accessibility');
  await page.goto('./#/nowhere');
  await screen('not found');

  await page.goto('./#/network');
  await screen('network, empty');
  await page
    .getByLabel('Velg filer')
    .setInputFiles({ name: 'valid.json', mimeType: 'application/json', buffer: valid });
  await expect(page.getByText('Ferdig: 1 fil lest inn, 0 med feil.')).toBeVisible();
  await page.goto('./#/network/data');
  await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
  await expect(page.getByText(/Demodata/).first()).toBeVisible();
  // Every view of every step of the gathering, read from the step navigation.
  const steps = page.getByRole('navigation', { name: 'Stegene i en samling' });
  await expect(steps.getByRole('link').first()).toBeVisible();
  const stepHrefs = await steps
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
  const views = new Set<string>();
  for (const step of stepHrefs) {
    await page.goto(`./${step}`);
    const nav = page.getByRole('navigation', { name: /^Visninger i steget/ });
    await expect(nav.getByRole('link').first()).toBeVisible();
    for (const href of await nav
      .getByRole('link')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')!)))
      views.add(href);
  }
  expect(views.size).toBeGreaterThanOrEqual(10);
  for (const href of views) {
    await page.goto(`./${href}`);
    await screen(href);
    await expect(page.locator('.ds-spinner, [aria-busy="true"]')).toHaveCount(0);
    if (href.includes('profile')) {
      await page.getByRole('checkbox', { name: /radardiagram/ }).check();
      await expect(page.getByRole('img', { name: /Radardiagram/ })).toBeVisible();
    }
    if (href.includes('present')) {
      for (let slide = 0; slide < 2; slide += 1) {
        await page.getByRole('button', { name: 'Vis resultatet' }).click();
        await page.keyboard.press('ArrowRight');
      }
      await page.keyboard.press('Escape');
    }
  }
  await page.goto('./#/network/data');
  const bundle = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksporter alt som én resultatfil' }).click();
  await bundle;
  await page.getByRole('button', { name: 'Nynorsk' }).click();
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  expect(visited.length).toBeGreaterThanOrEqual(13);
  expect(violations).toEqual([]);
  expect(foreign).toEqual([]);
});

/**
 * A crash without an app hook: Intl.NumberFormat starts throwing (as a broken or very old
 * browser's might) while the results screen renders. The rest of the app is untouched.
 */
async function breakNumberFormatWhenAsked(page: Page) {
  await page.addInitScript(() => {
    const Real = Intl.NumberFormat;
    const Broken = function (this: unknown, ...args: ConstructorParameters<typeof Real>) {
      if (sessionStorage.getItem('e2e-crash') === 'on') throw new RangeError('e2e: Intl broke');
      return new Real(...args);
    } as unknown as typeof Intl.NumberFormat;
    Object.defineProperty(Broken, 'prototype', { value: Real.prototype });
    Object.defineProperty(Broken, 'supportedLocalesOf', { value: Real.supportedLocalesOf });
    Intl.NumberFormat = Broken;
  });
}

test('a crash shows the friendly error page with "download my data" and "reload"', async ({
  page,
}) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await breakNumberFormatWhenAsked(page);
  await page.goto('./');
  await startResponse(page, {
    municipality: 'Sunndal (1563)',
    role: 'Politiker',
    round: 'Samling 1',
    start: 'Start spørreskjemaet',
  });
  await statementGroups(page).nth(0).getByRole('radio', { name: /^5 / }).check();

  await page.evaluate(() => sessionStorage.setItem('e2e-crash', 'on'));
  await page.getByRole('link', { name: 'Resultat', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Noe gikk galt' })).toBeVisible();
  await expect(page.getByText(/Svarene dine er fortsatt lagret på denne enheten/)).toBeVisible();
  await expectNoAxeViolations(page, 'crash page');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Last ned svarene mine' }).click();
  const download = await downloadPromise;
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  const result = importResultsFile(Buffer.concat(chunks), {
    knownQuestionnaires: [q],
    now: new Date().toISOString(),
  });
  expect(result.ok, JSON.stringify(result)).toBe(true);
  if (result.ok) {
    expect(result.responses.map((r) => r.municipality.name)).toEqual(['Sunndal']);
    expect(Object.values(result.responses[0]!.answers).map((a) => a.value)).toEqual([5]);
  }

  // The browser recovers; "reload" brings the app back with the answer kept.
  await page.evaluate(() => sessionStorage.setItem('e2e-crash', 'off'));
  await page.getByRole('button', { name: 'Last siden på nytt' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Resultat for Sunndal' })).toBeVisible();
  expect(pageErrors).toEqual([]);
});
