/**
 * First input: how soon a delegate on a slow phone can use the start form. Chromium with 4× CPU
 * throttling (the DevTools protocol's Emulation.setCPUThrottlingRate) loads the app's `#/` in a
 * fresh profile, and a probe stamps the first animation frame in which a form control stands in
 * the viewport, laid out and enabled. The floor is the same measurement on a page the bench
 * writes itself: plain static HTML of the same start form and the first area's statements, with
 * the app's stylesheet and no JavaScript, served by the same server. Floor and app alternate in
 * one run, so the ratio holds on a noisy machine.
 *
 * The app also stamps HYDRATED_MARK (a User Timing mark, src/lib/first-visit.ts) once React has taken
 * the page over: from then on the form's choices reach the store.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { NETWORK_MUNICIPALITIES } from '../../src/domain/core/municipalities';
import { GATHERING_ROUNDS, ROLES } from '../../src/domain/core/types';
import { HYDRATED_MARK } from '../../src/lib/first-visit';
import nb from '../../src/i18n/locales/nb/common.json';
import { firstScreenFiles, readManifest } from '../first-screen';
import { newContext } from './browser';
import { loadBundledQuestionnaire } from './questionnaire';
import { direct, type WithServer } from './server';
import { median, round } from './util';

export const CPU_SLOWDOWN = 4;
export const FLOOR_PAGE = 'bench-floor.html';

export interface FirstInputRun {
  /** Navigation start → first frame with an operable form control, ms. */
  firstInputMs: number | null;
  /** Navigation start → the app's HYDRATED_MARK, ms (null on the floor page). */
  hydratedMs: number | null;
}

export interface FirstInputResult {
  cpuSlowdown: number;
  runs: number;
  floor: FirstInputRun[];
  app: FirstInputRun[];
  floorMedianMs: number | null;
  appMedianMs: number | null;
  hydratedMedianMs: number | null;
  /** app ÷ floor, medians. */
  ratio: number | null;
}

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The floor page: the start form and the first area's statements in bokmål, no script. */
export function floorPage(distDir: string): string {
  const q = loadBundledQuestionnaire();
  const s = nb.start;
  const area = q.areas[0]!;
  const radios = (name: string, options: readonly [string, string][]) =>
    options
      .map(
        ([value, label]) =>
          `<label><input type="radio" name="${name}" value="${escape(value)}"> ${escape(label)}</label>`,
      )
      .join('');
  const statements = q.statements
    .filter((st) => st.area === area.id)
    .map(
      (st) =>
        `<fieldset><legend>${escape(st.text.nb)}</legend>${radios(
          st.id,
          q.scale.map((label, i) => [String(i + 1), label.nb]),
        )}</fieldset>`,
    )
    .join('');
  const css = firstScreenFiles(readManifest(distDir))
    .filter((file) => file.endsWith('.css'))
    .map((href) => `<link rel="stylesheet" href="./${href}">`)
    .join('');
  return `<!doctype html><html lang="nb"><head><meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(nb.app.name)}</title>${css}</head>
<body><main><h1>${escape(s.title)}</h1><p>${escape(q.intro.nb)}</p>
<form><h2>${escape(s.newResponse)}</h2>
<label for="m">${escape(s.municipality)}</label><select id="m"><option value="">${escape(s.chooseMunicipality)}</option>${NETWORK_MUNICIPALITIES.map(
    (m) => `<option value="${m.number}">${escape(m.name)} (${m.number})</option>`,
  ).join('')}</select>
<fieldset><legend>${escape(s.role)}</legend>${radios(
    'role',
    ROLES.map((r) => [r, nb.roles[r]]),
  )}</fieldset>
<fieldset><legend>${escape(s.gathering)}</legend>${radios(
    'round',
    GATHERING_ROUNDS.map((n) => [String(n), s.gatheringRound.replace('{{round}}', String(n))]),
  )}</fieldset>
<label>${escape(s.gatheringDate)} <input type="date"></label>
<label>${escape(s.period)} <input></label><label>${escape(s.initials)} <input></label>
<button>${escape(s.begin)}</button></form>
<h2>${escape(area.title.nb)}</h2>${statements}</main></body></html>`;
}

/**
 * Runs in the page before any of its own code: stamps the first frame in which a form control
 * is laid out inside the viewport and enabled.
 */
function installProbe() {
  const w = window as unknown as { __firstInput: number | null };
  w.__firstInput = null;
  const operable = (el: Element) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return (
      box.width > 0 &&
      box.height > 0 &&
      box.top < innerHeight &&
      style.visibility !== 'hidden' &&
      !(el as HTMLInputElement).disabled
    );
  };
  const frame = (now: number) => {
    const controls = document.querySelectorAll('main select, main input');
    for (const el of controls) {
      if (operable(el)) {
        w.__firstInput = now;
        return;
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

async function measureOnce(page: Page, url: string): Promise<FirstInputRun> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  await page.goto(url);
  await page.waitForFunction(
    () => (window as unknown as { __firstInput: number | null }).__firstInput !== null,
  );
  if (!url.endsWith(FLOOR_PAGE)) {
    await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0,
      HYDRATED_MARK,
    );
  }
  return page.evaluate(
    (mark) => ({
      firstInputMs: (window as unknown as { __firstInput: number }).__firstInput,
      hydratedMs: performance.getEntriesByName(mark)[0]?.startTime ?? null,
    }),
    HYDRATED_MARK,
  );
}

async function measure(browser: Browser, url: string): Promise<FirstInputRun> {
  const context = await newContext(browser);
  try {
    await context.addInitScript(installProbe);
    const page = await context.newPage();
    return await measureOnce(page, url);
  } finally {
    await context.close();
  }
}

/** `runs` alternating pairs (floor, app) in fresh profiles; the app served from `distDir`. */
export async function benchFirstInput(
  browser: Browser,
  url: string,
  distDir: string,
  { runs = 5, withServer = direct }: { runs?: number; withServer?: WithServer } = {},
): Promise<FirstInputResult> {
  writeFileSync(join(distDir, FLOOR_PAGE), floorPage(distDir));
  const floor: FirstInputRun[] = [];
  const app: FirstInputRun[] = [];
  // One of each first, not counted: the server's and the disk's first reads.
  await withServer(() => measure(browser, new URL(FLOOR_PAGE, url).href));
  await withServer(() => measure(browser, url));
  for (let i = 0; i < runs; i += 1) {
    floor.push(await withServer(() => measure(browser, new URL(FLOOR_PAGE, url).href)));
    app.push(await withServer(() => measure(browser, url)));
  }
  const floorMedianMs = round(median(floor.map((r) => r.firstInputMs)));
  const appMedianMs = round(median(app.map((r) => r.firstInputMs)));
  return {
    cpuSlowdown: CPU_SLOWDOWN,
    runs,
    floor,
    app,
    floorMedianMs,
    appMedianMs,
    hydratedMedianMs: round(median(app.map((r) => r.hydratedMs))),
    ratio: floorMedianMs && appMedianMs !== null ? round(appMedianMs / floorMedianMs, 2) : null,
  };
}
