/** Chromium for the bench, through playwright-core, with the shared path and flags. */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROME_PATH, CHROMIUM_ARGS } from '../chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROME_PATH, headless: true, args: [...CHROMIUM_ARGS] });
}

/**
 * tsx compiles the bench with esbuild's keepNames, which wraps named inner functions in a
 * `__name(fn, "name")` call. The functions the bench runs in the page (page.evaluate,
 * addInitScript) are sent as their source text, so the page needs a `__name` that does nothing.
 */
export const KEEP_NAMES_SHIM =
  'globalThis.__name = globalThis.__name || function (fn) { return fn; };';

/**
 * A fresh, empty profile (no localStorage, IndexedDB or service worker from earlier runs), in
 * Norwegian at 1280 × 900, with the service worker blocked so its precaching does not compete
 * with the measurement.
 */
export async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({
    locale: 'nb-NO',
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  await context.addInitScript({ content: KEEP_NAMES_SHIM });
  return context;
}
