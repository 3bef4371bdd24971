import { describe, expect, it } from 'vitest';
import type { BrowserSize } from './national-browser';
import { buildRows, formatTable, growthExponent } from './report';
import type { BenchResult } from './result';

/** The report's row table on made-up results: targets, the largest size, growth. */

const base: BenchResult = {
  startedAt: '2026-12-07T00:00:00.000Z',
  machine: { node: 'v20', cpus: 2, cpuModel: null, loadavgAtStart: [1, 1, 1], loadavgByPart: {} },
  options: {
    build: false,
    only: [],
    lighthouseRuns: 1,
    firstInputRuns: 1,
    nodeRuns: 1,
    sizes: [],
    browserPlan: [],
    keepData: false,
    strict: false,
  },
  errors: [],
};

function browserSize(municipalities: number, over: Partial<BrowserSize> = {}): BrowserSize {
  return {
    municipalities,
    runs: 1,
    completedRuns: 1,
    importMs: null,
    importPaintMs: municipalities * 40,
    importWallMs: null,
    timedOut: null,
    rates: null,
    renderVia: 'single files',
    renderMs: 20 + municipalities,
    renderDomMs: null,
    renderSamples: 3,
    firstRenderMs: null,
    reopenMs: null,
    aggregationAfterImportMs: 5,
    aggregationAfterReopenMs: null,
    samples: [],
    ...over,
  };
}

describe('growthExponent', () => {
  it('is 1 for linear growth, 2 for quadratic, null without two times', () => {
    expect(growthExponent(10, 5, 100, 50)).toBe(1);
    expect(growthExponent(10, 5, 100, 500)).toBe(2);
    expect(growthExponent(10, null, 100, 50)).toBeNull();
  });
});

describe('buildRows', () => {
  it('gives the aggregation target to the largest size only, and checks it', () => {
    const rows = buildRows({
      ...base,
      browserNational: [browserSize(7), browserSize(50, { aggregationAfterImportMs: 250 })],
    });
    const aggregation = rows.filter((r) => r.id.startsWith('browser-aggregation-'));
    expect(aggregation.map((r) => [r.id, r.target, r.pass])).toEqual([
      ['browser-aggregation-7', '', null],
      ['browser-aggregation-50', '< 200 ms', false],
    ]);
  });

  it('holds the growth between the two largest sizes to the exponent target', () => {
    const rows = buildRows({
      ...base,
      browserNational: [
        browserSize(7, { renderMs: 10 }),
        browserSize(50, { renderMs: 20 }),
        browserSize(357, { renderMs: 400 }),
      ],
    });
    const growth = rows.filter((r) => r.id.startsWith('Render-growth-'));
    expect(growth.map((r) => [r.id, r.target, r.pass])).toEqual([
      ['Render-growth-7-50', 'near-linear', null],
      ['Render-growth-50-357', 'exponent ≤ 1.2', false],
    ]);
    // ×20 in time for ×7.14 in size: ln 20 / ln 7.14 = 1.52
    expect(growth[1]!.measured).toBe('time ×20.0, exponent 1.52');
  });

  it('takes a timed-out import as a lower bound, which can fail the target but not pass it', () => {
    const timedOut = (limitMs: number) =>
      browserSize(357, {
        timedOut: { limitMs, filesDone: 100 },
        importPaintMs: null,
        completedRuns: 0,
      });
    const growthOf = (limitMs: number) =>
      buildRows({ ...base, browserNational: [browserSize(50), timedOut(limitMs)] }).find(
        (r) => r.id === 'Import-growth-50-357',
      )!;
    // 50 files took 2 s; the limit of 150 s gives exponent ≥ 2.2 (ln 75 / ln 7.14): a sure miss
    expect(growthOf(150_000)).toMatchObject({
      pass: false,
      measured: 'time ×≥ 75.0, exponent ≥ 2.2',
    });
    // a limit of 10 s says only "exponent ≥ 0.82": not known to pass
    expect(growthOf(10_000).pass).toBeNull();
    const importRow = buildRows({ ...base, browserNational: [timedOut(150_000)] })[0]!;
    expect(importRow).toMatchObject({ target: 'finishes', pass: false });
  });

  it('prints one block per section', () => {
    const table = formatTable(buildRows({ ...base, browserNational: [browserSize(7)] }));
    expect(table.split('\n')[2]).toMatch(/^\| \*\*National scale, Chromium\*\* +\|/);
  });
});
