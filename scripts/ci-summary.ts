/**
 * The last line of .ci/run:
 *
 *   npx tsx scripts/ci-summary.ts <reports dir> <npm test's exit status>
 *
 * Reads the runners' JSON reports in the folder and prints "N passed, N failed" alone on the last
 * line; exits 1 when anything failed, 0 otherwise.
 * - vitest.json (vitest's JSON reporter): numPassedTests, numFailedTests, and a suite that could
 *   not run (numRuntimeErrorTestSuites) counts as a failure.
 * - playwright.json (Playwright's JSON reporter): stats.expected passed; stats.unexpected and
 *   stats.flaky failed, and so did each top-level error.
 * - size.json (scripts/size-check.ts): passed, failed.
 * A non-zero exit status with no failure counted means a step without a report failed (typecheck,
 * lint, format, build): one failure. No report at all with status 0 is a failure too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numRuntimeErrorTestSuites?: number;
}

interface PlaywrightReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number };
  errors?: unknown[];
}

interface SizeReport {
  passed?: number;
  failed?: number;
}

export interface Summary {
  passed: number;
  failed: number;
  /** Lines to print before the closing one. */
  notes: string[];
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : undefined;
}

/** The counts from the reports in `dir`, given the exit status of the run that wrote them. */
export function summarise(dir: string, status: number): Summary {
  let passed = 0;
  let failed = 0;
  let reports = 0;
  const notes: string[] = [];

  const vitest = readJson<VitestReport>(join(dir, 'vitest.json'));
  if (vitest) {
    passed += vitest.numPassedTests ?? 0;
    failed += (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0);
    reports += 1;
  }
  const playwright = readJson<PlaywrightReport>(join(dir, 'playwright.json'));
  if (playwright) {
    const stats = playwright.stats ?? {};
    passed += stats.expected ?? 0;
    failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0) + (playwright.errors?.length ?? 0);
    reports += 1;
  }
  const size = readJson<SizeReport>(join(dir, 'size.json'));
  if (size) {
    passed += size.passed ?? 0;
    failed += size.failed ?? 0;
  }
  if (status !== 0 && failed === 0) failed = 1;
  if (reports === 0 && status === 0) {
    notes.push('no test report was written');
    failed += 1;
  }
  return { passed, failed, notes };
}

function main(args: readonly string[]): number {
  const [dir = '.reports', statusArg = '0'] = args;
  const status = Number(statusArg);
  let summary: Summary;
  try {
    summary = summarise(dir, Number.isFinite(status) ? status : 1);
  } catch (error) {
    // An unreadable report: nothing can be counted, and the run did not pass.
    console.log(
      `cannot read the reports: ${error instanceof Error ? error.message : String(error)}`,
    );
    summary = { passed: 0, failed: 1, notes: [] };
  }
  for (const note of summary.notes) console.log(note);
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  return summary.failed > 0 ? 1 : 0;
}

if (
  process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(resolve(process.argv[1])).href
) {
  process.exitCode = main(process.argv.slice(2));
}
