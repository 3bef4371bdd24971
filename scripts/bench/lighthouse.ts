/**
 * Lighthouse 12.2.3 on the built app's start page: the CLI's default mobile preset (Moto G Power
 * emulation, simulated slow 4G and 4× CPU slowdown), run `runs` times in a row, each in a fresh
 * headless Chromium that Lighthouse launches itself (CHROME_PATH, the shared flags plus
 * --headless). Medians per category.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_PATH, CHROMIUM_ARGS } from '../chromium';
import { direct, type WithServer } from './server';
import { log, median, run } from './util';

/** The minimum median score per category. */
export const LIGHTHOUSE_TARGETS = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
} as const;

export type LighthouseCategory = keyof typeof LIGHTHOUSE_TARGETS;

/** The same while another process keeps one core busy (`--lighthouse-loaded`). */
export const LIGHTHOUSE_LOADED_TARGETS: Record<LighthouseCategory, number> = {
  ...LIGHTHOUSE_TARGETS,
  performance: 90,
};

/**
 * Runs `fn` while another process keeps one core busy (`node -e 'for(;;){}'`), so a loaded
 * machine can be reproduced; that process is stopped afterwards, by its own id.
 */
export async function withOneCoreBusy<T>(fn: () => Promise<T>): Promise<T> {
  const busy = spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' });
  try {
    return await fn();
  } finally {
    const exited = new Promise((resolve) => busy.once('exit', resolve));
    if (busy.exitCode === null && busy.signalCode === null) busy.kill('SIGKILL');
    await exited;
  }
}

const CATEGORIES = Object.keys(LIGHTHOUSE_TARGETS) as LighthouseCategory[];

const METRICS = [
  'first-contentful-paint',
  'largest-contentful-paint',
  'total-blocking-time',
  'cumulative-layout-shift',
  'speed-index',
] as const;

type Metric = (typeof METRICS)[number];

/** The parts of Lighthouse's JSON report that the bench reads. */
interface LighthouseReport {
  categories: Partial<
    Record<string, { score: number | null; auditRefs?: { id: string; weight: number }[] }>
  >;
  audits: Partial<Record<string, { id: string; score: number | null; numericValue?: number }>>;
  environment?: { benchmarkIndex?: number };
  runtimeError?: { code: string; message: string };
}

export interface LighthouseRun {
  scores: Record<LighthouseCategory, number | null>;
  metrics: Record<Metric, number | null>;
  failing: Record<LighthouseCategory, string[]>;
  benchmarkIndex: number | null;
}

export interface LighthouseResult {
  url: string;
  runs: LighthouseRun[];
  medians: Record<LighthouseCategory, number | null>;
  metricMedians: Record<Metric, number | null>;
  targets: Record<LighthouseCategory, { target: number; median: number | null; pass: boolean }>;
}

const byCategory = <T>(f: (id: LighthouseCategory) => T) =>
  Object.fromEntries(CATEGORIES.map((id) => [id, f(id)])) as Record<LighthouseCategory, T>;
const byMetric = <T>(f: (id: Metric) => T) =>
  Object.fromEntries(METRICS.map((id) => [id, f(id)])) as Record<Metric, T>;

function summarise(report: LighthouseReport): LighthouseRun {
  return {
    scores: byCategory((id) => {
      const score = report.categories[id]?.score;
      return score === null || score === undefined ? null : Math.round(score * 100);
    }),
    failing: byCategory((id) =>
      (report.categories[id]?.auditRefs ?? [])
        .filter((ref) => ref.weight > 0)
        .map((ref) => report.audits[ref.id])
        .filter((a) => a !== undefined && a.score !== null && a.score < 1)
        .map((a) => a!.id),
    ),
    metrics: byMetric((id) => report.audits[id]?.numericValue ?? null),
    benchmarkIndex: report.environment?.benchmarkIndex ?? null,
  };
}

async function runOnce(url: string, outFile: string): Promise<LighthouseRun> {
  const args = [
    'node_modules/lighthouse/cli/index.js',
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=${['--headless', ...CHROMIUM_ARGS].join(' ')}`,
    '--quiet',
  ];
  const { code, stderr } = await run(process.execPath, args, {
    env: { ...process.env, CHROME_PATH },
  });
  if (code !== 0) throw new Error(`lighthouse exited with ${code}: ${stderr.slice(-500)}`);
  const report = JSON.parse(readFileSync(outFile, 'utf8')) as LighthouseReport;
  if (report.runtimeError) {
    throw new Error(`lighthouse: ${report.runtimeError.code}: ${report.runtimeError.message}`);
  }
  return summarise(report);
}

export async function benchLighthouse(
  url: string,
  runs = 3,
  withServer: WithServer = direct,
  targets: Record<LighthouseCategory, number> = LIGHTHOUSE_TARGETS,
): Promise<LighthouseResult> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  try {
    const results: LighthouseRun[] = [];
    for (let i = 0; i < runs; i += 1) {
      const r = await withServer(() => runOnce(url, join(dir, `run-${i + 1}.json`)));
      log(
        `  lighthouse run ${i + 1}: ` +
          CATEGORIES.map((id) => `${id} ${r.scores[id]}`).join(', ') +
          ` (TBT ${Math.round(r.metrics['total-blocking-time'] ?? 0)} ms, benchmarkIndex ${Math.round(r.benchmarkIndex ?? 0)})`,
      );
      results.push(r);
    }
    const medians = byCategory((id) => median(results.map((r) => r.scores[id])));
    return {
      url,
      runs: results,
      medians,
      metricMedians: byMetric((id) => median(results.map((r) => r.metrics[id]))),
      targets: byCategory((id) => ({
        target: targets[id],
        median: medians[id],
        pass: medians[id] !== null && medians[id] >= targets[id],
      })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
