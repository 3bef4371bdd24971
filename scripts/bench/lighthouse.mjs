// Lighthouse 12.2.3 on the built app's start page: the CLI's default mobile preset (Moto G Power
// emulation, simulated slow 4G and 4x CPU slowdown), run `runs` times in a row, each in a fresh
// headless Chromium that Lighthouse launches itself (CHROME_PATH). Medians per category.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_PATH } from './chromium.mjs';
import { log, median, run } from './util.mjs';

export const LIGHTHOUSE_TARGETS = { performance: 95, accessibility: 100, 'best-practices': 100 };

const CHROME_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--proxy-server=http://127.0.0.1:9',
].join(' ');

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
];

function summarise(report) {
  const scores = {};
  const failing = {};
  for (const id of Object.keys(LIGHTHOUSE_TARGETS)) {
    const category = report.categories[id];
    scores[id] =
      category?.score === null || category === undefined ? null : Math.round(category.score * 100);
    failing[id] = (category?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0)
      .map((ref) => report.audits[ref.id])
      .filter((a) => a && a.score !== null && a.score < 1)
      .map((a) => a.id);
  }
  const metrics = Object.fromEntries(
    METRICS.map((id) => [id, report.audits[id]?.numericValue ?? null]),
  );
  return { scores, metrics, failing, benchmarkIndex: report.environment?.benchmarkIndex ?? null };
}

async function runOnce(url, outFile) {
  const args = [
    'node_modules/lighthouse/cli/index.js',
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=${CHROME_FLAGS}`,
    '--quiet',
  ];
  const { code, stderr } = await run(process.execPath, args, {
    env: { ...process.env, CHROME_PATH },
  });
  if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${stderr.slice(-500)}`);
  const report = JSON.parse(readFileSync(outFile, 'utf8'));
  if (report.runtimeError) {
    throw new Error(`lighthouse: ${report.runtimeError.code}: ${report.runtimeError.message}`);
  }
  return summarise(report);
}

/** `withServer` (from server.mjs) re-runs a run whose page load failed because the server died. */
export async function benchLighthouse(url, runs = 3, withServer = (fn) => fn()) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  try {
    const results = [];
    for (let i = 0; i < runs; i += 1) {
      const r = await withServer(() => runOnce(url, join(dir, `run-${i + 1}.json`)));
      log(
        `  lighthouse run ${i + 1}: ` +
          Object.entries(r.scores)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ') +
          ` (TBT ${Math.round(r.metrics['total-blocking-time'] ?? 0)} ms, benchmarkIndex ${Math.round(r.benchmarkIndex ?? 0)})`,
      );
      results.push(r);
    }
    const medians = Object.fromEntries(
      Object.keys(LIGHTHOUSE_TARGETS).map((id) => [id, median(results.map((r) => r.scores[id]))]),
    );
    const metricMedians = Object.fromEntries(
      METRICS.map((id) => [id, median(results.map((r) => r.metrics[id]))]),
    );
    const targets = Object.fromEntries(
      Object.entries(LIGHTHOUSE_TARGETS).map(([id, min]) => [
        id,
        { target: min, median: medians[id], pass: medians[id] !== null && medians[id] >= min },
      ]),
    );
    return { url, runs: results, medians, metricMedians, targets };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
