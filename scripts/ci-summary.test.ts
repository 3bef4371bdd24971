import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarise } from './ci-summary';

/** CI's closing line, from fake report folders as vitest and Playwright write them. */

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const TMP = mkdtempSync(path.join(os.tmpdir(), 'ci-summary-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

let folders = 0;
/** A reports folder holding these files (name → JSON value). */
function reports(files: Record<string, unknown>): string {
  folders += 1;
  const dir = path.join(TMP, `reports-${folders}`);
  mkdirSync(dir);
  for (const [name, value] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), JSON.stringify(value));
  }
  return dir;
}

const vitest = (passed: number, failed: number, runtimeErrors = 0) => ({
  numPassedTests: passed,
  numFailedTests: failed,
  numRuntimeErrorTestSuites: runtimeErrors,
});
const playwright = (expected: number, unexpected: number, flaky = 0, errors: unknown[] = []) => ({
  stats: { expected, unexpected, flaky, skipped: 0 },
  errors,
});

describe('summarise', () => {
  it('adds up vitest, Playwright and the size check', () => {
    const dir = reports({
      'vitest.json': vitest(700, 0),
      'playwright.json': playwright(40, 0),
      'size.json': { passed: 1, failed: 0 },
    });
    expect(summarise(dir, 0)).toEqual({ passed: 741, failed: 0, notes: [] });
  });

  it('counts failed tests, suites that could not run, unexpected and flaky tests, and errors', () => {
    const dir = reports({
      'vitest.json': vitest(698, 2, 1),
      'playwright.json': playwright(37, 2, 1, [{ message: 'global setup failed' }]),
    });
    expect(summarise(dir, 1)).toEqual({ passed: 735, failed: 7, notes: [] });
  });

  it('counts one failure for a step that failed without a report (typecheck, lint, format)', () => {
    expect(summarise(reports({}), 2)).toEqual({ passed: 0, failed: 1, notes: [] });
    // vitest passed, then the build failed: no Playwright report, exit status 1
    expect(summarise(reports({ 'vitest.json': vitest(700, 0) }), 1)).toEqual({
      passed: 700,
      failed: 1,
      notes: [],
    });
  });

  it('fails a run that exited 0 but wrote no report', () => {
    expect(summarise(reports({}), 0)).toEqual({
      passed: 0,
      failed: 1,
      notes: ['no test report was written'],
    });
  });
});

interface Run {
  status: number | null;
  stdout: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [TSX, 'scripts/ci-summary.ts', ...args],
      { cwd: ROOT, encoding: 'utf8' },
      (error, stdout) => {
        const status = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ status, stdout });
      },
    );
  });
}

describe('scripts/ci-summary.ts, as .ci/run calls it', () => {
  it('prints the closing line alone, last, and exits 0 when all passed', async () => {
    const dir = reports({ 'vitest.json': vitest(12, 0), 'playwright.json': playwright(3, 0) });
    const run = await cli(dir, '0');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('15 passed, 0 failed');
    expect(run.status).toBe(0);
  });

  it('exits 1 when anything failed', async () => {
    const dir = reports({ 'vitest.json': vitest(12, 1), 'playwright.json': playwright(3, 0) });
    const run = await cli(dir, '1');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('15 passed, 1 failed');
    expect(run.status).toBe(1);
  });

  it('exits 1 on an unreadable report, still with the closing line', async () => {
    const dir = reports({});
    writeFileSync(path.join(dir, 'vitest.json'), '{ not json');
    const run = await cli(dir, '0');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(run.status).toBe(1);
  });
});
