/**
 * National scale in Chromium: import the per-municipality results files through the real UI
 * (the network screen's file input, #/network), then time the dashboard (the overview heatmap)
 * rendering N municipalities. A fresh browser context (empty IndexedDB) for every run. Elements
 * are found by test id and role: `network-files` (the file input), `import-summary` (the
 * import's result, with its counts in data-ok and data-failed), `heatmap` (the table).
 *
 * All times are taken inside the page with performance.now(), not around Playwright's waits
 * (Playwright's polling and CDP round trips would add tens of milliseconds):
 * - import: from the file input's `change` event (capture phase on document) to the moment the
 *   import summary is in the DOM (a MutationObserver sees it in the microtask after React's
 *   commit), and to the next paint after that (requestAnimationFrame, then setTimeout 0). The
 *   files are first given to a hidden input of the bench's own (Playwright's setInputFiles,
 *   which has DevTools build the file list: 60–80 ms of the browser's work for 357 files, in
 *   the task that would otherwise also dispatch the app's change event), then handed to the
 *   app's input with a change event of their own, as a file picker does; so the Long Tasks
 *   below hold only the app's work. The wall clock around the hand-over and the wait is
 *   recorded too, as a cross-check. The same
 *   observer records how many files are done over time (the import's progress bar, or the
 *   heatmap's rows), so a run that hits its time limit still says how far it got.
 * - dashboard render: with the data loaded, the page goes to the start page (#/), settles, and
 *   then sets location.hash = '#/network'. The time runs from that assignment to the heatmap
 *   table having N + 1 body rows (N municipalities and the network median) in the DOM, and to
 *   the next paint after it. The network screen remounts and renders the table; the aggregation
 *   is not repeated, because the app keeps the network model outside React for the same data
 *   (store/network-model.ts).
 * - aggregation: the app's own User Timing measure (AGGREGATION_MEASURE) around the
 *   aggregation the import's last step triggers, and the one after the reload.
 * - reopen (no target): reload with the data in IndexedDB; from navigation start to the heatmap
 *   with N + 1 rows (load, validation, aggregation, render).
 *
 * When a size's import does not finish within its time limit, the render and reopen for that
 * size are measured after importing the same responses as a few larger files ("bundles" of 40
 * municipalities, under the 20 MB limit) through the same file input; the result says so
 * (renderVia).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AGGREGATION_MEASURE } from '../../src/store/network-model';
import { NETWORK_SAVED_MARK } from '../../src/store/network-persistence';
import { NETWORK_ADDED_MARK } from '../../src/store/network-slice';
import { newContext } from './browser';
import { direct, type WithServer } from './server';
import { log, median, round } from './util';

/** The test ids the bench reads (set in features/network/import-panel.tsx, charts/heatmap.tsx). */
const TEST_IDS = { files: 'network-files', summary: 'import-summary', heatmap: 'heatmap' };
/** The app's User Timing marks: files handed to the store, everything saved. */
const MARKS = { added: NETWORK_ADDED_MARK, saved: NETWORK_SAVED_MARK };

interface ImportProbe {
  changeAt: number | null;
  summaryAt: number | null;
  paintedAt: number | null;
  ok: number | null;
  failed: number | null;
  /** [ms since the change event, files done] */
  progress: [number, number][];
  /**
   * Main-thread long tasks (Long Tasks API), [start, duration] in ms, start since the change;
   * those that ended before it (the bench's own staging of the files) are left out.
   */
  longTasks: [number, number][];
  /** When the app marked its network saved (NETWORK_SAVED_MARK), ms since the change; the last. */
  savedAt: number | null;
  /** When the import handed its files to the store (NETWORK_ADDED_MARK), ms since the change. */
  addedAt: number | null;
}

interface ReopenProbe {
  renderedAt: number | null;
  paintedAt: number | null;
}

declare global {
  interface Window {
    __benchImport: ImportProbe;
    __benchReopen?: ReopenProbe;
  }
}

interface Render {
  domMs: number;
  paintMs: number;
}

type Imported =
  | { timedOut: true; elapsedMs: number; progress: [number, number][] }
  | {
      timedOut: false;
      importMs: number;
      importPaintMs: number;
      aggregationMs: number | null;
      wallMs: number;
      progress: [number, number][];
      tasks: ImportTasks;
      /** The probe's long tasks, [start since the change, duration] in ms. */
      longTasks: [number, number][];
    };

interface Dashboard {
  renders: Render[];
  reopen: { domMs: number; paintMs: number; aggregationMs: number | null } | null;
}

type RunResult =
  Extract<Imported, { timedOut: true }> | (Extract<Imported, { timedOut: false }> & Dashboard);

export interface BrowserPlanItem {
  municipalities: number;
  runs: number;
  importTimeoutMs?: number;
}

export interface BrowserSize {
  municipalities: number;
  runs: number;
  completedRuns: number;
  importMs: number | null;
  importPaintMs: number | null;
  importWallMs: number | null;
  timedOut: { limitMs: number; filesDone: number } | null;
  rates: { firstTenthMsPerFile: number | null; lastTenthMsPerFile: number | null } | null;
  renderVia: string;
  renderMs: number | null;
  renderDomMs: number | null;
  renderSamples: number;
  firstRenderMs: number | null;
  reopenMs: number | null;
  aggregationAfterImportMs: number | null;
  aggregationAfterReopenMs: number | null;
  /** The import's main thread (ImportTasks), median over the completed runs. */
  longestImportTaskMs: number | null;
  importLongTasks: number | null;
  importSavedMs: number | null;
  handoverRenderMs: number | null;
  handoverRenderLongestMs: number | null;
  bundleImportMs?: number | null;
  samples: unknown[];
  bundleSample?: unknown;
}

/**
 * The main thread during an import, from the Long Tasks API. The import's own work runs from the
 * file input's change to the hand-over to the store (NETWORK_ADDED_MARK), and its storing from
 * the paint after the summary to the last save (NETWORK_SAVED_MARK); between them is the first
 * render of what it brought, reported on its own.
 */
export interface ImportTasks {
  /** The longest task of the import's own work and storing, ms (0: none over 50 ms). */
  longestMs: number;
  /** How many tasks over 50 ms those had. */
  longCount: number;
  /** From the change to the last save, ms. */
  savedMs: number;
  /** The first render: from the hand-over to the paint after the summary, ms. */
  firstRenderMs: number;
  /** The longest task from the hand-over to that paint, ms. */
  firstRenderLongestMs: number;
}

/** Splits the long tasks of an import (times since the change) as ImportTasks says. */
export function importTasks(
  longTasks: readonly [number, number][],
  addedAt: number,
  paintedAt: number,
  savedAt: number,
): ImportTasks {
  const r1 = (x: number) => Math.round(x * 10) / 10;
  const own: number[] = [];
  const render: number[] = [0];
  for (const [start, duration] of longTasks) {
    if (start + duration <= addedAt || (start >= paintedAt && start <= savedAt)) own.push(duration);
    else if (start < paintedAt && start + duration > addedAt) render.push(duration);
  }
  return {
    longestMs: r1(Math.max(0, ...own)),
    longCount: own.length,
    savedMs: r1(savedAt),
    firstRenderMs: r1(paintedAt - addedAt),
    firstRenderLongestMs: r1(Math.max(...render)),
  };
}

/** In the page: the duration of the app's last aggregation, or null if there was none. */
function lastAggregationMs(name: string): number | null {
  const entries = performance.getEntriesByName(name, 'measure');
  return entries.at(-1)?.duration ?? null;
}

/** In the page: the import probe (change event, import summary, heatmap rows over time). */
function installImportProbe({ ids, marks }: { ids: typeof TEST_IDS; marks: typeof MARKS }) {
  const probe: ImportProbe = {
    changeAt: null,
    summaryAt: null,
    paintedAt: null,
    ok: null,
    failed: null,
    progress: [],
    longTasks: [],
    savedAt: null,
    addedAt: null,
  };
  window.__benchImport = probe;
  new PerformanceObserver((list) => {
    if (probe.changeAt === null) return;
    for (const entry of list.getEntries()) {
      if (entry.entryType === 'longtask') {
        const start = entry.startTime - probe.changeAt;
        if (start + entry.duration > 0) probe.longTasks.push([start, entry.duration]);
      } else if (entry.startTime >= probe.changeAt) {
        if (entry.name === marks.saved) probe.savedAt = entry.startTime - probe.changeAt;
        if (entry.name === marks.added) probe.addedAt ??= entry.startTime - probe.changeAt;
      }
    }
  }).observe({ entryTypes: ['longtask', 'mark'] });
  document.addEventListener(
    'change',
    (e) => {
      if (
        probe.changeAt === null &&
        e.target instanceof HTMLInputElement &&
        e.target.dataset.testid === ids.files
      ) {
        probe.changeAt = performance.now();
      }
    },
    true,
  );
  let lastDone = 0;
  const observer = new MutationObserver(() => {
    if (probe.changeAt === null || probe.summaryAt !== null) return;
    // Files done so far: the import's progress bar while it shows, else the heatmap's
    // municipality rows (its body rows less the network median row), whichever is further.
    const bar = document.querySelector('progress');
    const table = document.querySelector(`table[data-testid="${ids.heatmap}"]`);
    const rows =
      table instanceof HTMLTableElement ? Math.max(0, (table.tBodies[0]?.rows.length ?? 1) - 1) : 0;
    const done = Math.max(lastDone, bar instanceof HTMLProgressElement ? bar.value : 0, rows);
    if (done !== lastDone) {
      lastDone = done;
      probe.progress.push([Math.round(performance.now() - probe.changeAt), done]);
    }
    const summary = document.querySelector(`[data-testid="${ids.summary}"]`);
    if (!(summary instanceof HTMLElement)) return;
    probe.summaryAt = performance.now();
    probe.ok = Number(summary.dataset.ok);
    probe.failed = Number(summary.dataset.failed);
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (probe.paintedAt = performance.now()), 0));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** In the page: leaves the network screen, then times its render with `expected` body rows. */
async function measureDashboardRender({
  expected,
  heatmap,
  timeoutMs,
}: {
  expected: number;
  heatmap: string;
  timeoutMs: number;
}): Promise<Render> {
  const rows = () => {
    const table = document.querySelector(`table[data-testid="${heatmap}"]`);
    return table instanceof HTMLTableElement ? (table.tBodies[0]?.rows.length ?? 0) : -1;
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const until = (check: () => boolean) =>
    new Promise<number>((resolve, reject) => {
      if (check()) return resolve(performance.now());
      const observer = new MutationObserver(() => {
        if (!check()) return;
        const at = performance.now();
        observer.disconnect();
        clearTimeout(timer);
        resolve(at);
      });
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error(`timed out; heatmap rows: ${rows()}`));
      }, timeoutMs);
      observer.observe(document.body, { childList: true, subtree: true });
    });

  location.hash = '#/';
  await until(() => rows() === -1 && document.querySelector('h1') !== null);
  for (let i = 0; i < 3; i += 1) await frame();
  await new Promise((r) => setTimeout(r, 300));

  const start = performance.now();
  location.hash = '#/network';
  const domAt = await until(() => rows() === expected);
  await frame();
  return { domMs: domAt - start, paintMs: performance.now() - start };
}

/** Init script: after a reload flagged in sessionStorage, stamps when the heatmap is complete. */
function reopenProbe(heatmap: string) {
  const expected = Number(sessionStorage.getItem('bench-reopen-rows') ?? '0');
  if (!expected) return;
  sessionStorage.removeItem('bench-reopen-rows');
  const probe: ReopenProbe = { renderedAt: null, paintedAt: null };
  window.__benchReopen = probe;
  const complete = () => {
    const table = document.querySelector(`table[data-testid="${heatmap}"]`);
    return table instanceof HTMLTableElement && (table.tBodies[0]?.rows.length ?? 0) === expected;
  };
  const observer = new MutationObserver(() => {
    if (probe.renderedAt !== null || !complete()) return;
    probe.renderedAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (probe.paintedAt = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function openNetworkPage(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}#/network`);
  const input = page.getByTestId(TEST_IDS.files);
  await input.waitFor({ state: 'attached' });
  await page.waitForFunction((id) => {
    const el = document.querySelector(`[data-testid="${id}"]`);
    return el instanceof HTMLInputElement && !el.disabled;
  }, TEST_IDS.files);
  await page.evaluate(installImportProbe, { ids: TEST_IDS, marks: MARKS });
  return { page, input, errors };
}

/** In the page: a hidden file input of the bench's own, to stage the files on. */
function addStagingInput(id: string) {
  const staging = document.createElement('input');
  staging.type = 'file';
  staging.multiple = true;
  staging.hidden = true;
  staging.id = id;
  document.body.append(staging);
}

/** In the page: gives the staged files to the app's file input, with the events a picker fires. */
function handOverFiles({ id, testId }: { id: string; testId: string }) {
  const staging = document.getElementById(id);
  const input = document.querySelector(`[data-testid="${testId}"]`);
  if (!(staging instanceof HTMLInputElement) || !(input instanceof HTMLInputElement)) {
    throw new Error('file inputs not found');
  }
  input.files = staging.files;
  staging.remove();
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

const STAGING_ID = 'bench-staged-files';

/**
 * Imports `files` through the file input (staged first, see the top of this file) and waits for
 * the summary. Resolves with the in-page times, or with { timedOut: true, progress } when the
 * summary does not come within timeoutMs.
 */
async function importFiles(
  page: Page,
  files: readonly string[],
  timeoutMs: number,
): Promise<Imported> {
  await page.evaluate(addStagingInput, STAGING_ID);
  await page.locator(`#${STAGING_ID}`).setInputFiles([...files]);
  const wallStart = performance.now();
  await page.evaluate(handOverFiles, { id: STAGING_ID, testId: TEST_IDS.files });
  try {
    await page.getByTestId(TEST_IDS.summary).waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const p = await page.evaluate(() => window.__benchImport);
    return { timedOut: true, elapsedMs: performance.now() - wallStart, progress: p.progress };
  }
  const wallMs = performance.now() - wallStart;
  const handle = await page.waitForFunction(
    () =>
      window.__benchImport.paintedAt !== null &&
      window.__benchImport.savedAt !== null &&
      window.__benchImport,
    null,
    { timeout: 60_000 },
  );
  const p = (await handle.jsonValue()) as ImportProbe;
  const aggregationMs = await page.evaluate(lastAggregationMs, AGGREGATION_MEASURE);
  if (p.ok !== files.length || p.failed !== 0) {
    throw new Error(
      `import summary says ${p.ok} files read and ${p.failed} failed, expected ${files.length} and 0`,
    );
  }
  const paintedAt = p.paintedAt! - p.changeAt!;
  return {
    timedOut: false,
    importMs: p.summaryAt! - p.changeAt!,
    importPaintMs: paintedAt,
    aggregationMs,
    wallMs,
    progress: p.progress,
    tasks: importTasks(p.longTasks, p.addedAt ?? paintedAt, paintedAt, p.savedAt!),
    longTasks: p.longTasks,
  };
}

/** Dashboard render `repeats` times, a role-based row check, then the reopen after a reload. */
async function measureDashboard(
  page: Page,
  municipalities: number,
  { repeats, reopen, timeoutMs }: { repeats: number; reopen: boolean; timeoutMs: number },
): Promise<Dashboard> {
  const renders: Render[] = [];
  for (let i = 0; i < repeats; i += 1) {
    renders.push(
      await page.evaluate(measureDashboardRender, {
        expected: municipalities + 1,
        heatmap: TEST_IDS.heatmap,
        timeoutMs,
      }),
    );
  }
  // What a user (and Playwright) sees: N + 2 rows with the header row.
  const rows = await page.getByTestId(TEST_IDS.heatmap).getByRole('row').count();
  if (rows !== municipalities + 2)
    throw new Error(`heatmap has ${rows} rows, expected ${municipalities + 2}`);
  if (!reopen) return { renders, reopen: null };
  await page.evaluate(
    (n) => sessionStorage.setItem('bench-reopen-rows', String(n)),
    municipalities + 1,
  );
  await page.reload();
  const handle = await page.waitForFunction(
    () => window.__benchReopen?.paintedAt != null && window.__benchReopen,
    null,
    { timeout: timeoutMs },
  );
  const r = (await handle.jsonValue()) as ReopenProbe;
  const aggregationMs = await page.evaluate(lastAggregationMs, AGGREGATION_MEASURE);
  return { renders, reopen: { domMs: r.renderedAt!, paintMs: r.paintedAt!, aggregationMs } };
}

interface Options {
  repeats: number;
  reopen: boolean;
  timeoutMs: number;
  bundleSize: number;
  withServer: WithServer;
}

/** One run: fresh context, import, dashboard. */
async function runOnce(
  browser: Browser,
  url: string,
  files: readonly string[],
  municipalities: number,
  opts: Options & { importTimeoutMs: number },
): Promise<RunResult> {
  const context = await newContext(browser);
  try {
    await context.addInitScript(reopenProbe, TEST_IDS.heatmap);
    const { page, errors } = await openNetworkPage(context, url);
    const imported = await importFiles(page, files, opts.importTimeoutMs);
    if (imported.timedOut) return imported;
    const dashboard = await measureDashboard(page, municipalities, opts);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { ...imported, ...dashboard };
  } finally {
    await context.close();
  }
}

/** Milliseconds per file over the first and the last tenth of an import's progress. */
function perFileRates(progress: readonly [number, number][], total: number) {
  const last = progress.at(-1);
  if (progress.length < 2 || last === undefined) return null;
  const at = (files: number) => progress.find(([, n]) => n >= files)?.[0] ?? null;
  const tenth = Math.max(1, Math.round(total / 10));
  const firstMs = at(tenth);
  const lateStart = progress.find(([, n]) => n >= last[1] - tenth);
  return {
    firstTenthMsPerFile: firstMs === null ? null : round(firstMs / tenth),
    lastTenthMsPerFile:
      lateStart && last[1] > lateStart[1]
        ? round((last[0] - lateStart[0]) / (last[1] - lateStart[1]))
        : null,
  };
}

const summariseRender = (renders: readonly Render[]) => ({
  renderMs: round(median(renders.map((r) => r.paintMs))),
  renderDomMs: round(median(renders.map((r) => r.domMs))),
});

const roundRenders = (renders: readonly Render[]) =>
  renders.map((r) => ({ domMs: round(r.domMs), paintMs: round(r.paintMs) }));

const logRun = (label: string, s: Extract<RunResult, { timedOut: false }>) =>
  log(
    `  chromium ${label}: import ${Math.round(s.importPaintMs)} ms (wall ${Math.round(s.wallMs)}; ` +
      `longest task ${Math.round(s.tasks.longestMs)} ms, first render ${Math.round(s.tasks.firstRenderMs)} ms), ` +
      `render ${s.renders.map((r) => Math.round(r.paintMs)).join('/')} ms` +
      (s.reopen ? `, reopen ${Math.round(s.reopen.paintMs)} ms` : ''),
  );

/**
 * Runs the plan. `files[i]` is municipality i's results file; `bundles` holds the same data
 * options.bundleSize municipalities to a file (for the fallback). options.withServer (from
 * server.ts) wraps each run, to retry it once if the server died.
 */
export async function benchNationalBrowser(
  browser: Browser,
  url: string,
  files: readonly string[],
  bundles: readonly string[],
  plan: readonly BrowserPlanItem[],
  options: Partial<Options> = {},
): Promise<BrowserSize[]> {
  const opts: Options = {
    repeats: 3,
    reopen: true,
    timeoutMs: 300_000,
    bundleSize: 40,
    withServer: direct,
    ...options,
  };
  const sizes: BrowserSize[] = [];
  for (const { municipalities: n, runs, importTimeoutMs = 600_000 } of plan) {
    const subset = files.slice(0, n);
    const samples: RunResult[] = [];
    for (let i = 0; i < runs; i += 1) {
      const s = await opts.withServer(() =>
        runOnce(browser, url, subset, n, { ...opts, importTimeoutMs }),
      );
      if (s.timedOut) {
        const done = s.progress.at(-1)?.[1] ?? 0;
        log(
          `  chromium ${n}: import timed out after ${Math.round(s.elapsedMs / 1000)} s with ${done} of ${n} files`,
        );
      } else logRun(String(n), s);
      samples.push(s);
    }
    const done = samples.filter((s) => !s.timedOut);
    const timedOut = samples.filter((s) => s.timedOut);
    const allRenders = done.flatMap((s) => s.renders);
    const entry: BrowserSize = {
      municipalities: n,
      runs: samples.length,
      completedRuns: done.length,
      importMs: round(median(done.map((s) => s.importMs))),
      importPaintMs: round(median(done.map((s) => s.importPaintMs))),
      importWallMs: round(median(done.map((s) => s.wallMs))),
      timedOut:
        timedOut.length > 0 && done.length === 0
          ? {
              limitMs: importTimeoutMs,
              filesDone: Math.max(...timedOut.map((s) => s.progress.at(-1)?.[1] ?? 0)),
            }
          : null,
      rates: perFileRates((done[0] ?? samples[0])?.progress ?? [], n),
      renderVia: 'single files',
      ...summariseRender(allRenders),
      renderSamples: allRenders.length,
      firstRenderMs: round(median(done.map((s) => s.renders[0]?.paintMs))),
      reopenMs: round(median(done.map((s) => s.reopen?.paintMs))),
      aggregationAfterImportMs: round(median(done.map((s) => s.aggregationMs))),
      aggregationAfterReopenMs: round(median(done.map((s) => s.reopen?.aggregationMs))),
      longestImportTaskMs: round(median(done.map((s) => s.tasks.longestMs))),
      importLongTasks: round(median(done.map((s) => s.tasks.longCount))),
      importSavedMs: round(median(done.map((s) => s.tasks.savedMs))),
      handoverRenderMs: round(median(done.map((s) => s.tasks.firstRenderMs))),
      handoverRenderLongestMs: round(median(done.map((s) => s.tasks.firstRenderLongestMs))),
      samples: samples.map((s) =>
        s.timedOut
          ? { timedOut: true, elapsedMs: round(s.elapsedMs), progress: s.progress }
          : {
              importMs: round(s.importMs),
              importPaintMs: round(s.importPaintMs),
              aggregationMs: round(s.aggregationMs),
              wallMs: round(s.wallMs),
              tasks: s.tasks,
              longTasks: s.longTasks.map(([start, duration]) => [round(start), round(duration)]),
              renders: roundRenders(s.renders),
              reopen: s.reopen && {
                domMs: round(s.reopen.domMs),
                paintMs: round(s.reopen.paintMs),
                aggregationMs: round(s.reopen.aggregationMs),
              },
              progress: s.progress,
            },
      ),
    };
    if (done.length === 0 && bundles.length > 0) {
      const bundleFiles = bundles.slice(0, Math.ceil(n / opts.bundleSize));
      log(
        `  chromium ${n}: measuring the dashboard after importing ${bundleFiles.length} bundle files instead`,
      );
      const b = await opts.withServer(() =>
        runOnce(browser, url, bundleFiles, n, { ...opts, importTimeoutMs: opts.timeoutMs }),
      );
      if (b.timedOut)
        throw new Error(`importing ${bundleFiles.length} bundle files also timed out`);
      logRun(`${n} (bundles)`, b);
      Object.assign(entry, {
        renderVia: `${bundleFiles.length} bundle files of ${opts.bundleSize} municipalities`,
        bundleImportMs: round(b.importPaintMs),
        ...summariseRender(b.renders),
        renderSamples: b.renders.length,
        firstRenderMs: round(b.renders[0]?.paintMs),
        reopenMs: round(b.reopen?.paintMs),
        aggregationAfterImportMs: round(b.aggregationMs),
        aggregationAfterReopenMs: round(b.reopen?.aggregationMs),
        bundleSample: {
          importPaintMs: round(b.importPaintMs),
          renders: roundRenders(b.renders),
          reopen: b.reopen && { domMs: round(b.reopen.domMs), paintMs: round(b.reopen.paintMs) },
        },
      });
    }
    sizes.push(entry);
  }
  return sizes;
}
