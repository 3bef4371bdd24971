// Debian's Chromium through playwright-core, with the flags from docs (shared toolchain.md):
// no sandbox, no GPU, and a dead proxy so Chromium's own background calls never leave the
// machine (loopback bypasses the proxy, so the app still loads). Never `playwright install`.
import { chromium } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--proxy-server=http://127.0.0.1:9',
];

export function launchChromium() {
  return chromium.launch({ executablePath: CHROME_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh, empty profile: no localStorage, IndexedDB or service worker from earlier runs. */
export function newContext(browser) {
  return browser.newContext({
    locale: 'nb-NO',
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
}
