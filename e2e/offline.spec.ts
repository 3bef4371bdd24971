import { expect, test, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { importResultsFile } from '../src/domain/files/import';
import { localize } from '../src/domain/questionnaire/localize';
import { statementsForRole } from '../src/domain/questionnaire/model';
import { startResponse, statementGroups, bundledQuestionnaire } from './helpers';

/**
 * After one visit the app loads and works with the network off: the server is stopped and the
 * browser is offline, so every byte must come from the service worker's cache. The service
 * worker precaches what a delegate needs, in every language; the facilitator's screens are
 * cached when first used (vite.config.ts). Each test runs its own `vite preview` of the built
 * app on a free port, so it can kill it.
 */

const q = bundledQuestionnaire();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function startPreview(port: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
      // The built app: dist/, unless a run builds elsewhere and says so.
      '--outDir',
      process.env.E2E_DIST_DIR ?? 'dist',
    ],
    { stdio: 'ignore' },
  );
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`vite preview did not answer on ${url}`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** The service worker of `page` once it is active, and the script it runs. */
async function activeWorker(page: Page) {
  return page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active!;
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
        }),
      );
    }
    return { state: worker.state, url: worker.scriptURL };
  });
}

interface OfflineRun {
  page: Page;
  origin: string;
  /** Stops the server and takes the browser offline: from then on the cache serves all. */
  goOffline: () => Promise<void>;
}

/**
 * Runs `walk` against a preview of the built app of its own, with service workers on, and fails
 * the test on any page error. The first visit waits until the service worker is active.
 */
async function withPreview(browser: Browser, walk: (run: OfflineRun) => Promise<void>) {
  test.setTimeout(90_000);
  const port = await freePort();
  const server = await startPreview(port);
  const origin = `http://127.0.0.1:${port}/`;
  const context = await browser.newContext({ serviceWorkers: 'allow' });
  try {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(origin);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await activeWorker(page)).toEqual({ state: 'activated', url: `${origin}sw.js` });
    await walk({
      page,
      origin,
      goOffline: async () => {
        await stop(server);
        await expect(fetch(origin)).rejects.toThrow();
        await context.setOffline(true);
        expect(await page.evaluate(() => navigator.onLine)).toBe(false);
      },
    });
    expect(errors).toEqual([]);
  } finally {
    await context.close();
    await stop(server);
  }
}

test('a delegate who only opened the start page answers in nynorsk, sees the results and exports, offline', async ({
  browser,
}) => {
  // 1. One ordinary visit to the start page, in bokmål (withPreview): the service worker
  // installs, precaches the delegate's app and activates.
  await withPreview(browser, async ({ page, origin, goOffline }) => {
    // 2. The server is gone and the network is off.
    await goOffline();

    // 3. Reload: the app comes from the cache, and nynorsk (never loaded online) works.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Hvor god vertskommune er vi for næringslivet?',
    );
    // Served by the service worker: nothing else could answer.
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${origin}sw.js`,
    );
    await page.getByRole('button', { name: 'Nynorsk' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Kor god vertskommune er vi for næringslivet?',
    );
    await startResponse(page, {
      municipality: 'Ulstein (1516)',
      role: 'Næringsliv',
      round: 'Samling 3',
      start: 'Start spørjeskjemaet',
    });
    // The questionnaire's own texts in nynorsk too (a chunk of their own).
    await expect(statementGroups(page).nth(0)).toContainText(
      localize(statementsForRole(q, 'business')[0]!.text, 'nn'),
    );
    await statementGroups(page).nth(0).getByRole('radio', { name: /^4 / }).check();
    await expect(page.getByText(/^1 av \d+ påstandar har svar$/)).toBeVisible();

    // The results, from the cache: the table (the chart is the facilitator's, cached when used).
    await page.getByRole('link', { name: 'Resultat', exact: true }).click();
    await expect(
      page
        .getByRole('table', { name: 'Skår, svardekning og viktigheit per område' })
        .locator('tbody tr'),
    ).toHaveCount(q.areas.length);

    // 4. Export: a download with a valid results file holding the answer.
    await page.getByRole('link', { name: 'Start', exact: true }).click();
    const downloadPromise = page.waitForEvent('download');
    await page.getByRole('button', { name: /Eksporter svaret for Ulstein/ }).click();
    const download = await downloadPromise;
    expect(download.suggestedFilename()).toMatch(
      /^naeringsspeilet-ulstein-samling-3-\d{4}-\d{2}-\d{2}\.json$/,
    );
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const result = importResultsFile(Buffer.concat(chunks), {
      knownQuestionnaires: [q],
      now: new Date().toISOString(),
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) {
      expect(result.responses).toHaveLength(1);
      expect(result.responses[0]!.municipality).toEqual({ number: '1516', name: 'Ulstein' });
      expect(Object.values(result.responses[0]!.answers).map((a) => a.value)).toEqual([4]);
    }
  });
});

test('a facilitator who opened the network view once opens it again offline', async ({
  browser,
}) => {
  await withPreview(browser, async ({ page, origin, goOffline }) => {
    // 1. Online, with the service worker in control (it caches what it serves from then on),
    // the facilitator opens the network view and looks at the demo network's heatmap.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(
      `${origin}sw.js`,
    );
    await page.getByRole('link', { name: 'Nettverket' }).click();
    await page.getByRole('button', { name: /Last inn demonettverket/ }).click();
    const heatmap = page.getByRole('table', { name: /Gjennomsnittlig skår/ }).locator('tbody tr');
    await expect(heatmap).toHaveCount(8);

    // 2. Offline, and a reload: the network view comes back from the cache, data and all.
    await goOffline();
    await page.reload();
    await expect(heatmap).toHaveCount(8);
    await page.getByRole('link', { name: 'Start', exact: true }).click();
    await page.getByRole('link', { name: 'Nettverket' }).click();
    await expect(heatmap).toHaveCount(8);
  });
});
