// National scale in Chromium: import the per-municipality results files through the real UI
// (the «Velg filer» file input on #/network), then time the dashboard (the overview heatmap)
// rendering N municipalities. A fresh browser context (empty IndexedDB) for every run.
//
// All times are taken inside the page with performance.now(), not around Playwright's waits
// (Playwright's polling and CDP round trips would add tens of milliseconds):
// - import: from the file input's `change` event (capture phase on document) to the moment the
//   summary heading «Ferdig: N filer lest inn, 0 med feil.» is in the DOM (a MutationObserver
//   sees it in the microtask after React's commit), and to the next paint after that
//   (requestAnimationFrame, then setTimeout 0). The wall clock around setInputFiles and the wait
//   is recorded too, as a cross-check. The same observer records how many files are done over
//   time (the import's progress bar, or the heatmap's rows), so a run that hits its time limit
//   still says how far it got.
// - dashboard render: with the data loaded, the page goes to the start page (#/), settles, and
//   then sets location.hash = '#/network'. The time runs from that assignment to the heatmap
//   table having N + 1 body rows (N municipalities and the network median) in the DOM, and to
//   the next paint after it. The network screen remounts and renders the table; the aggregation
//   is not repeated, because the app keeps the network model outside React for the same data
//   (store/network-model.ts).
// - aggregation: the app's own User Timing measure (naeringsspeilet:aggregation) around the
//   aggregation the import's last step triggers, and the one after the reload.
// - reopen (no target): reload with the data in IndexedDB; from navigation start to the heatmap
//   with N + 1 rows (load, validation, aggregation, render).
//
// When a size's import does not finish within its time limit, the render and reopen for that
// size are measured after importing the same responses as a few larger files ("bundles" of 40
// municipalities, under the 20 MB limit) through the same file input; the result says so
// (renderVia).
import { newContext } from './chromium.mjs';
import { log, median, round } from './util.mjs';

const SUMMARY = /^Ferdig: (\d+) filer lest inn, (\d+) med feil/;
const HEATMAP_CAPTION = /^Gjennomsnittlig skår/;
/** The app's User Timing measure around each aggregation (store/network-model.ts). */
const AGGREGATION_MEASURE = 'naeringsspeilet:aggregation';

/** In the page: the duration of the app's last aggregation, or null if there was none. */
function lastAggregationMs(name) {
  const entries = performance.getEntriesByName(name, 'measure');
  return entries.length === 0 ? null : entries.at(-1).duration;
}

/** In the page: the import probe (change event, summary heading, heatmap rows over time). */
function installImportProbe({ summarySource, captionSource }) {
  const summary = new RegExp(summarySource);
  const caption = new RegExp(captionSource);
  const probe = { changeAt: null, summaryAt: null, paintedAt: null, text: null, progress: [] };
  window.__benchImport = probe;
  document.addEventListener(
    'change',
    (e) => {
      if (
        probe.changeAt === null &&
        e.target instanceof HTMLInputElement &&
        e.target.type === 'file'
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
    const table = [...document.querySelectorAll('table')].find((t) =>
      caption.test(t.caption?.textContent ?? ''),
    );
    const rows = table ? Math.max(0, (table.tBodies[0]?.rows.length ?? 1) - 1) : 0;
    const done = Math.max(lastDone, bar instanceof HTMLProgressElement ? bar.value : 0, rows);
    if (done !== lastDone) {
      lastDone = done;
      probe.progress.push([Math.round(performance.now() - probe.changeAt), done]);
    }
    const heading = [...document.querySelectorAll('h2')].find((h) =>
      summary.test(h.textContent ?? ''),
    );
    if (!heading) return;
    probe.summaryAt = performance.now();
    probe.text = heading.textContent;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (probe.paintedAt = performance.now()), 0));
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
}

/** In the page: leaves the network screen, then times its render with `expected` body rows. */
async function measureDashboardRender({ expected, captionSource, timeoutMs }) {
  const caption = new RegExp(captionSource);
  const rows = () => {
    const table = [...document.querySelectorAll('table')].find((t) =>
      caption.test(t.caption?.textContent ?? ''),
    );
    return table ? (table.tBodies[0]?.rows.length ?? 0) : -1;
  };
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const until = (check) =>
    new Promise((resolve, reject) => {
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
function reopenProbe() {
  const expected = Number(sessionStorage.getItem('bench-reopen-rows') ?? '0');
  if (!expected) return;
  sessionStorage.removeItem('bench-reopen-rows');
  const probe = { renderedAt: null, paintedAt: null };
  window.__benchReopen = probe;
  const complete = () => {
    const table = [...document.querySelectorAll('table')].find((t) =>
      /^Gjennomsnittlig skår/.test(t.caption?.textContent ?? ''),
    );
    return (table?.tBodies[0]?.rows.length ?? 0) === expected;
  };
  const observer = new MutationObserver(() => {
    if (probe.renderedAt !== null || !complete()) return;
    probe.renderedAt = performance.now();
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (probe.paintedAt = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function openNetworkPage(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${url}#/network`);
  const input = page.getByLabel('Velg filer');
  await input.waitFor({ state: 'attached' });
  await page.waitForFunction(() => {
    const el = document.querySelector('input[type=file]');
    return el instanceof HTMLInputElement && !el.disabled;
  });
  await page.evaluate(installImportProbe, {
    summarySource: SUMMARY.source,
    captionSource: HEATMAP_CAPTION.source,
  });
  return { page, input, errors };
}

/**
 * Imports `files` through the file input and waits for the summary. Resolves with the in-page
 * times, or with { timedOut: true, progress } when the summary does not come within timeoutMs.
 */
async function importFiles(page, input, files, timeoutMs) {
  const wallStart = performance.now();
  await input.setInputFiles(files);
  try {
    await page
      .getByRole('heading', { name: SUMMARY })
      .waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const p = await page.evaluate(() => window.__benchImport);
    return { timedOut: true, elapsedMs: performance.now() - wallStart, progress: p.progress };
  }
  const wallMs = performance.now() - wallStart;
  const handle = await page.waitForFunction(
    () => window.__benchImport.paintedAt !== null && window.__benchImport,
    null,
    { timeout: 30_000 },
  );
  const p = await handle.jsonValue();
  const aggregationMs = await page.evaluate(lastAggregationMs, AGGREGATION_MEASURE);
  const [, ok, failed] = SUMMARY.exec(p.text ?? '') ?? [];
  if (Number(ok) !== files.length || Number(failed) !== 0) {
    throw new Error(`import summary says "${p.text}", expected ${files.length} files and 0 errors`);
  }
  return {
    timedOut: false,
    importMs: p.summaryAt - p.changeAt,
    importPaintMs: p.paintedAt - p.changeAt,
    aggregationMs,
    wallMs,
    progress: p.progress,
  };
}

/** Dashboard render `repeats` times, a role-based row check, then the reopen after a reload. */
async function measureDashboard(page, municipalities, { repeats, reopen, timeoutMs }) {
  const renders = [];
  for (let i = 0; i < repeats; i += 1) {
    renders.push(
      await page.evaluate(measureDashboardRender, {
        expected: municipalities + 1,
        captionSource: HEATMAP_CAPTION.source,
        timeoutMs,
      }),
    );
  }
  // What a user (and Playwright) sees: N + 2 rows with the header row.
  const rows = await page.getByRole('table', { name: HEATMAP_CAPTION }).getByRole('row').count();
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
  const r = await handle.jsonValue();
  const aggregationMs = await page.evaluate(lastAggregationMs, AGGREGATION_MEASURE);
  return { renders, reopen: { domMs: r.renderedAt, paintMs: r.paintedAt, aggregationMs } };
}

/** One run: fresh context, import, dashboard. */
async function runOnce(browser, url, files, municipalities, opts) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(reopenProbe);
    const { page, input, errors } = await openNetworkPage(context, url);
    const imported = await importFiles(page, input, files, opts.importTimeoutMs);
    if (imported.timedOut) return imported;
    const dashboard = await measureDashboard(page, municipalities, opts);
    if (errors.length > 0) throw new Error(`page errors: ${errors.join('; ')}`);
    return { ...imported, ...dashboard };
  } finally {
    await context.close();
  }
}

/** Milliseconds per file over the first and the last tenth of an import's progress. */
function perFileRates(progress, total) {
  if (progress.length < 2) return null;
  const at = (files) => progress.find(([, n]) => n >= files)?.[0] ?? null;
  const tenth = Math.max(1, Math.round(total / 10));
  const last = progress.at(-1);
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

const summariseRender = (renders) => ({
  renderMs: round(median(renders.map((r) => r.paintMs))),
  renderDomMs: round(median(renders.map((r) => r.domMs))),
});

/**
 * Runs the plan: [{ municipalities, runs, importTimeoutMs? }]. `files[i]` is municipality i's
 * results file; `bundles` holds the same data options.bundleSize municipalities to a file (for
 * the fallback). options.withServer (from server.mjs) wraps each run, to retry it once if the
 * server died.
 */
export async function benchNationalBrowser(browser, url, files, bundles, plan, options = {}) {
  const opts = {
    repeats: 3,
    reopen: true,
    timeoutMs: 300_000,
    bundleSize: 40,
    withServer: (fn) => fn(),
    ...options,
  };
  const sizes = [];
  const { bundleSize } = opts;
  for (const { municipalities: n, runs, importTimeoutMs = 600_000 } of plan) {
    const subset = files.slice(0, n);
    const samples = [];
    for (let i = 0; i < runs; i += 1) {
      const s = await opts.withServer(() =>
        runOnce(browser, url, subset, n, { ...opts, importTimeoutMs }),
      );
      if (s.timedOut) {
        const done = s.progress.at(-1)?.[1] ?? 0;
        log(
          `  chromium ${n}: import timed out after ${Math.round(s.elapsedMs / 1000)} s with ${done} of ${n} files`,
        );
      } else {
        log(
          `  chromium ${n}: import ${Math.round(s.importPaintMs)} ms (wall ${Math.round(s.wallMs)}), ` +
            `render ${s.renders.map((r) => Math.round(r.paintMs)).join('/')} ms` +
            (s.reopen ? `, reopen ${Math.round(s.reopen.paintMs)} ms` : ''),
        );
      }
      samples.push(s);
    }
    const done = samples.filter((s) => !s.timedOut);
    const timedOut = samples.filter((s) => s.timedOut);
    const entry = {
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
      ...summariseRender(done.flatMap((s) => s.renders)),
      renderSamples: done.flatMap((s) => s.renders).length,
      firstRenderMs: round(median(done.map((s) => s.renders[0]?.paintMs ?? null))),
      reopenMs: round(median(done.map((s) => s.reopen?.paintMs ?? null))),
      aggregationAfterImportMs: round(median(done.map((s) => s.aggregationMs ?? null))),
      aggregationAfterReopenMs: round(median(done.map((s) => s.reopen?.aggregationMs ?? null))),
      samples: samples.map((s) =>
        s.timedOut
          ? { timedOut: true, elapsedMs: round(s.elapsedMs), progress: s.progress }
          : {
              importMs: round(s.importMs),
              importPaintMs: round(s.importPaintMs),
              aggregationMs: round(s.aggregationMs),
              wallMs: round(s.wallMs),
              renders: s.renders.map((r) => ({ domMs: round(r.domMs), paintMs: round(r.paintMs) })),
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
      const bundleFiles = bundles.slice(0, Math.ceil(n / bundleSize));
      log(
        `  chromium ${n}: measuring the dashboard after importing ${bundleFiles.length} bundle files instead`,
      );
      const b = await opts.withServer(() =>
        runOnce(browser, url, bundleFiles, n, { ...opts, importTimeoutMs: opts.timeoutMs }),
      );
      if (b.timedOut)
        throw new Error(`importing ${bundleFiles.length} bundle files also timed out`);
      log(
        `  chromium ${n} (bundles): import ${Math.round(b.importPaintMs)} ms, ` +
          `render ${b.renders.map((r) => Math.round(r.paintMs)).join('/')} ms` +
          (b.reopen ? `, reopen ${Math.round(b.reopen.paintMs)} ms` : ''),
      );
      Object.assign(entry, {
        renderVia: `${bundleFiles.length} bundle files of ${bundleSize} municipalities`,
        bundleImportMs: round(b.importPaintMs),
        ...summariseRender(b.renders),
        renderSamples: b.renders.length,
        firstRenderMs: round(b.renders[0]?.paintMs ?? null),
        reopenMs: round(b.reopen?.paintMs ?? null),
        aggregationAfterImportMs: round(b.aggregationMs ?? null),
        aggregationAfterReopenMs: round(b.reopen?.aggregationMs ?? null),
        bundleSample: {
          importPaintMs: round(b.importPaintMs),
          renders: b.renders.map((r) => ({ domMs: round(r.domMs), paintMs: round(r.paintMs) })),
          reopen: b.reopen && { domMs: round(b.reopen.domMs), paintMs: round(b.reopen.paintMs) },
        },
      });
    }
    sizes.push(entry);
  }
  return sizes;
}
