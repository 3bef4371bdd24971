import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/chromium';

/**
 * The preview server's port. Playwright loads this file in the runner and again in each worker,
 * and the workers inherit the runner's environment, so the port is chosen once (a free one the
 * system hands out) and passed on in E2E_PORT. Two clones can then run `npm test` side by side,
 * and a run never talks to another run's server: it starts its own with --strictPort.
 */
function freePort(): string {
  return execFileSync(
    process.execPath,
    [
      '-e',
      "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
    ],
    { encoding: 'utf8' },
  ).trim();
}
process.env.E2E_PORT ??= freePort();
const PORT = Number(process.env.E2E_PORT);

export default defineConfig({
  testDir: './e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list'], ['json']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'off',
    launchOptions: { executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    // Never another run's server: each run starts its own on its own port.
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
