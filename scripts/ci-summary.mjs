// Reads the vitest and Playwright JSON reports and prints "N passed, N failed" alone on a line.
// A step that failed before its runner wrote a report counts as one failure.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [dir = '.reports', statusArg = '0'] = process.argv.slice(2);
const status = Number(statusArg);
let passed = 0;
let failed = 0;
let reports = 0;

const vitestFile = join(dir, 'vitest.json');
if (existsSync(vitestFile)) {
  const v = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += v.numPassedTests ?? 0;
  failed += (v.numFailedTests ?? 0) + (v.numRuntimeErrorTestSuites ?? 0);
  reports += 1;
}
const pwFile = join(dir, 'playwright.json');
if (existsSync(pwFile)) {
  const p = JSON.parse(readFileSync(pwFile, 'utf8'));
  passed += p.stats?.expected ?? 0;
  failed += (p.stats?.unexpected ?? 0) + (p.stats?.flaky ?? 0) + (p.errors?.length ?? 0);
  reports += 1;
}
for (const extra of ['size.json']) {
  const f = join(dir, extra);
  if (existsSync(f)) {
    const s = JSON.parse(readFileSync(f, 'utf8'));
    passed += s.passed ?? 0;
    failed += s.failed ?? 0;
  }
}
// A non-zero exit with no failure counted means a step without a report failed (typecheck, lint, build).
if (status !== 0 && failed === 0) failed = 1;
if (reports === 0 && status === 0) {
  console.log('no test report was written');
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
