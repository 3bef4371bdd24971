/**
 * npm run bench: sizes, Lighthouse, national scale (Node and Chromium) and answer latency.
 * See docs/bench.md. Prints a table (target, measured, pass/fail) and writes
 * bench-results/bench-<timestamp>.json and bench-results/latest.json.
 *
 * Options (after `npm run bench --`):
 *   --no-build          use the existing dist/ instead of running `npm run build`
 *   --only LIST         run only these parts: sizes,lighthouse,firstinput,latency,node,browser
 *   --lighthouse-runs N Lighthouse runs (default 3)
 *   --lighthouse-loaded the Lighthouse runs again while `node -e 'for(;;){}'` keeps one core busy
 *   --first-input-runs N  pairs of first-input runs, floor and app (default 5)
 *   --node-runs N       warm runs of the Node aggregation (default 5)
 *   --browser-runs N    Chromium import runs for 7 and 50 municipalities (default 3)
 *   --runs-357 N        Chromium import runs for 357 municipalities (default 1)
 *   --limit-357 S       time limit in seconds for one import of 357 files (default 150)
 *   --sizes LIST        municipality counts (default 7,50,357)
 *   --keep-data         keep the generated results files (their folder is printed)
 *   --strict            exit 1 when any target fails, not only the size budget
 *
 * Exit code: 1 when the first screen is over its gzip budget, when a part of the bench could not
 * run, or (with --strict) when any target fails; 0 otherwise.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { measurePrecache, measureSizes } from '../first-screen';
import { benchAnswerLatency } from './answer-latency';
import { benchFirstInput } from './first-input';
import { launchChromium } from './browser';
import { benchLighthouse, LIGHTHOUSE_LOADED_TARGETS, withOneCoreBusy } from './lighthouse';
import { benchNationalBrowser } from './national-browser';
import type { NodeNationalOutput } from './national-node';
import { buildRows, formatTable } from './report';
import { PARTS, type BenchOptions, type BenchResult, type Part, type SizesResult } from './result';
import { build, startPreview, type Preview } from './server';
import { errorMessage, log, run, since } from './util';

/**
 * A minimal SurveyJS form (survey-core + survey-react-ui + its CSS), gzip, as measured on this
 * project's machine: the yardstick for the first screen. A constant: the bench does not install
 * SurveyJS.
 */
const SURVEYJS_MINIMAL_FORM_KB = 428;

const isPart = (value: string): value is Part => (PARTS as readonly string[]).includes(value);

function options(): BenchOptions {
  const { values } = parseArgs({
    options: {
      'no-build': { type: 'boolean', default: false },
      only: { type: 'string', default: PARTS.join(',') },
      'lighthouse-runs': { type: 'string', default: '3' },
      'lighthouse-loaded': { type: 'boolean', default: false },
      'first-input-runs': { type: 'string', default: '5' },
      'node-runs': { type: 'string', default: '5' },
      'browser-runs': { type: 'string', default: '3' },
      'runs-357': { type: 'string', default: '1' },
      'limit-357': { type: 'string', default: '150' },
      sizes: { type: 'string', default: '7,50,357' },
      'keep-data': { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
  const only = new Set<Part>();
  for (const part of values.only.split(',').map((s) => s.trim())) {
    if (!isPart(part)) throw new Error(`unknown part "${part}"; use ${PARTS.join(',')}`);
    only.add(part);
  }
  const sizes = values.sizes
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
  const largest = sizes.at(-1);
  return {
    build: !values['no-build'],
    only,
    lighthouseRuns: Number(values['lighthouse-runs']),
    lighthouseLoaded: values['lighthouse-loaded'],
    firstInputRuns: Number(values['first-input-runs']),
    nodeRuns: Number(values['node-runs']),
    sizes,
    browserPlan: sizes.map((n) =>
      n === largest && n >= 357
        ? {
            municipalities: n,
            runs: Number(values['runs-357']),
            importTimeoutMs: Number(values['limit-357']) * 1000,
          }
        : { municipalities: n, runs: Number(values['browser-runs']) },
    ),
    keepData: values['keep-data'],
    strict: values.strict,
  };
}

/** A private copy of dist/, so a rebuild by someone else mid-run cannot change what is served. */
function snapshotDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-dist-'));
  cpSync('dist', dir, { recursive: true });
  return dir;
}

function measureSizesPart(distDir: string): SizesResult {
  const sizes = measureSizes(distDir);
  return {
    ...sizes,
    surveyJsKB: SURVEYJS_MINIMAL_FORM_KB,
    ratioToSurveyJs: Math.round((sizes.firstScreenKB / SURVEYJS_MINIMAL_FORM_KB) * 100) / 100,
    precache: measurePrecache(distDir),
  };
}

/** The Node half in a child process: its own heap, and --expose-gc. */
async function runNodeNational(opts: BenchOptions, dataDir: string): Promise<NodeNationalOutput> {
  const out = join(dataDir, 'node-results.json');
  const args = [
    '--expose-gc',
    '--import',
    'tsx',
    'scripts/bench/national-node.ts',
    '--dir',
    join(dataDir, 'files'),
    '--out',
    out,
    '--sizes',
    opts.sizes.join(','),
    '--runs',
    String(opts.nodeRuns),
  ];
  const { code, stderr } = await run(process.execPath, args, { echo: true });
  if (code !== 0) throw new Error(`national-node.ts failed (exit ${code}): ${stderr.slice(-800)}`);
  return JSON.parse(readFileSync(out, 'utf8')) as NodeNationalOutput;
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-').replace('T', '_').slice(0, 19);
}

async function main(): Promise<void> {
  const opts = options();
  const started = new Date();
  const t0 = performance.now();
  const result: BenchResult = {
    startedAt: started.toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? null,
      loadavgAtStart: loadavg(),
      loadavgByPart: {},
    },
    options: { ...opts, only: [...opts.only] },
    errors: [],
  };
  let preview: Preview | null = null;
  let browser: Browser | null = null;
  let distDir: string | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-national-'));

  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    browser = null;
    if (preview) {
      await preview.stop();
      result.server = { pids: preview.pids, restarts: preview.restarts };
    }
    preview = null;
    if (distDir) rmSync(distDir, { recursive: true, force: true });
    distDir = null;
    if (opts.keepData) log(`generated data kept in ${dataDir}`);
    else rmSync(dataDir, { recursive: true, force: true });
  };
  const onSignal = (signal: string) => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  /** Runs one part; a failure is recorded and the other parts still run. */
  const part = async (name: Part, fn: () => Promise<void>, label: string = name) => {
    if (!opts.only.has(name)) return;
    const start = performance.now();
    result.machine.loadavgByPart[label] = loadavg()[0]!;
    log(`${label} ... (load average ${loadavg()[0]!.toFixed(1)})`);
    try {
      await fn();
      log(`${label} done in ${since(start)}`);
    } catch (error) {
      log(`${label} FAILED: ${errorMessage(error)}`);
      result.errors.push({ part: name, message: errorMessage(error) });
    }
  };
  const needs = (...parts: Part[]) => parts.some((p) => opts.only.has(p));

  try {
    if (opts.build) {
      log('npm run build ...');
      await build();
    }
    const dist = snapshotDist();
    distDir = dist;
    await part('sizes', () => {
      result.sizes = measureSizesPart(dist);
      return Promise.resolve();
    });
    const server = needs('lighthouse', 'firstinput', 'latency', 'browser')
      ? await startPreview(dist)
      : null;
    preview = server;
    await part('lighthouse', async () => {
      result.lighthouse = await benchLighthouse(
        server!.url,
        opts.lighthouseRuns,
        server!.withServer,
      );
    });
    if (opts.lighthouseLoaded) {
      await part(
        'lighthouse',
        async () => {
          result.lighthouseLoaded = await withOneCoreBusy(() =>
            benchLighthouse(
              server!.url,
              opts.lighthouseRuns,
              server!.withServer,
              LIGHTHOUSE_LOADED_TARGETS,
            ),
          );
        },
        'lighthouse, one core busy',
      );
    }
    const chromium = needs('firstinput', 'latency', 'browser') ? await launchChromium() : null;
    browser = chromium;
    if (chromium) result.machine.chromium = chromium.version();
    await part('firstinput', async () => {
      result.firstInput = await benchFirstInput(chromium!, server!.url, dist, {
        runs: opts.firstInputRuns,
        withServer: server!.withServer,
      });
    });
    await part('latency', async () => {
      result.answers = await benchAnswerLatency(chromium!, server!.url, {
        withServer: server!.withServer,
      });
    });
    // The browser part imports the generated files, so it runs this step too.
    const national: { data?: NodeNationalOutput } = {};
    if (needs('node', 'browser')) {
      await part(
        opts.only.has('node') ? 'node' : 'browser',
        async () => {
          national.data = await runNodeNational(opts, dataDir);
          if (opts.only.has('node')) {
            const { files, bundles, ...rest } = national.data;
            result.nodeNational = { ...rest, files: files.length, bundles: bundles.length };
          }
        },
        'national data and Node timings',
      );
    }
    const generated = national.data;
    if (generated !== undefined) {
      await part('browser', async () => {
        result.browserNational = await benchNationalBrowser(
          chromium!,
          server!.url,
          generated.files.map((f) => f.path),
          generated.bundles,
          opts.browserPlan,
          { withServer: server!.withServer, bundleSize: generated.bundleSize },
        );
      });
    }
  } catch (error) {
    result.errors.push({ part: 'setup', message: errorMessage(error) });
  } finally {
    await cleanup();
  }

  const rows = buildRows(result);
  result.targets = rows
    .filter((r) => r.pass !== null)
    .map(({ id, label, target, measured, value, pass }) => ({
      id,
      label,
      target,
      measured,
      value,
      pass,
    }));
  result.rows = rows;
  result.machine.loadavgAtEnd = loadavg();
  result.finishedAt = new Date().toISOString();
  result.durationS = Math.round((performance.now() - t0) / 1000);

  const failed = result.targets.filter((t) => !t.pass);
  const sizeFailed = result.sizes ? !result.sizes.pass : false;
  result.pass = failed.length === 0 && result.errors.length === 0;
  const exitCode =
    sizeFailed || result.errors.length > 0 || (opts.strict && failed.length > 0) ? 1 : 0;
  result.exitCode = exitCode;

  mkdirSync('bench-results', { recursive: true });
  const file = join('bench-results', `bench-${timestamp(started)}.json`);
  const json = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(file, json);
  writeFileSync(join('bench-results', 'latest.json'), json);

  console.log('');
  console.log(formatTable(rows));
  console.log('');
  for (const e of result.errors) console.log(`ERROR in ${e.part}: ${e.message}`);
  console.log(
    `${result.targets.length - failed.length} of ${result.targets.length} targets met` +
      (failed.length ? ` (failed: ${failed.map((f) => f.id).join(', ')})` : '') +
      `; ${result.durationS} s; results in ${file} and bench-results/latest.json`,
  );
  const load = (xs: readonly number[]) => xs.map((x) => x.toFixed(1)).join(' / ');
  console.log(
    `Machine: ${result.machine.cpus} × ${result.machine.cpuModel ?? 'CPU'}, Node ${process.version}, ` +
      `Chromium ${result.machine.chromium ?? 'n/a'}; load average (1/5/15 min) at start ${load(result.machine.loadavgAtStart)}, ` +
      `at end ${load(result.machine.loadavgAtEnd)}` +
      (result.server?.restarts
        ? `; the preview server was restarted ${result.server.restarts} time(s)`
        : ''),
  );
  if (sizeFailed && result.sizes)
    console.log(
      `First screen is over its budget: ${result.sizes.firstScreenKB} KB > ${result.sizes.budgetKB} KB`,
    );
  process.exitCode = exitCode;
}

await main();
