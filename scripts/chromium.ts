/**
 * Debian's Chromium and the flags every browser run here uses: the e2e tests
 * (playwright.config.ts), the bench (scripts/bench) and Lighthouse. No sandbox, no GPU, and a
 * dead proxy so that Chromium's own background calls never leave the machine (loopback bypasses
 * the proxy, so the app still loads). Never `playwright install`.
 */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--proxy-server=http://127.0.0.1:9',
];
