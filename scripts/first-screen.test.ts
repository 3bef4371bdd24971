import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  delegateFiles,
  firstScreenFiles,
  measurePrecache,
  measureSizes,
  precacheUrls,
  type Manifest,
} from './first-screen';

/** The first-screen rule on a made-up build: manifest, files and their gzip sizes. */

const TMP = mkdtempSync(path.join(os.tmpdir(), 'first-screen-'));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const MANIFEST: Manifest = {
  'index.html': {
    file: 'assets/index-1.js',
    isEntry: true,
    imports: ['_shared-1.js'],
    dynamicImports: ['src/lazy.tsx'],
    css: ['assets/index-1.css'],
  },
  '_shared-1.js': {
    file: 'assets/shared-1.js',
    imports: ['_deep-1.js'],
    css: ['assets/shared-1.css'],
  },
  '_deep-1.js': { file: 'assets/deep-1.js', imports: ['index.html'] },
  'src/lazy.tsx': { file: 'assets/lazy-1.js', imports: ['_shared-1.js', '_chart-1.js'] },
  '_chart-1.js': { file: 'assets/chart-1.js', css: ['assets/chart-1.css'] },
};

/** A build folder with the manifest's files, each 4 KB of text that gzip cannot shrink much. */
function build(manifest: Manifest, extra: string[] = []): string {
  const dist = mkdtempSync(path.join(TMP, 'dist-'));
  mkdirSync(path.join(dist, 'assets'));
  mkdirSync(path.join(dist, '.vite'));
  writeFileSync(path.join(dist, '.vite', 'manifest.json'), JSON.stringify(manifest));
  let seed = 1;
  const noise = (n: number) =>
    Array.from({ length: n }, () => {
      seed = (seed * 48271) % 2147483647;
      return String.fromCharCode(33 + (seed % 90));
    }).join('');
  const files = new Set([
    ...Object.values(manifest).flatMap((c) => [c.file, ...(c.css ?? [])]),
    ...extra,
  ]);
  for (const f of files) writeFileSync(path.join(dist, f), noise(4096));
  writeFileSync(path.join(dist, 'sw.js'), noise(1024));
  return dist;
}

describe('firstScreenFiles', () => {
  it('is the entry, its static imports all the way down, and their CSS; not dynamic imports', () => {
    expect(firstScreenFiles(MANIFEST).sort()).toEqual(
      [
        'assets/deep-1.js',
        'assets/index-1.css',
        'assets/index-1.js',
        'assets/shared-1.css',
        'assets/shared-1.js',
      ].sort(),
    );
  });

  it('needs the entry', () => {
    expect(() => firstScreenFiles({ 'src/x.ts': { file: 'assets/x.js' } })).toThrow(/index\.html/);
  });
});

describe('measureSizes', () => {
  it('sums the first screen gzip, lists lazy chunks and what loads after the page', () => {
    const dist = build(MANIFEST);
    const sizes = measureSizes(dist);
    const kb = (f: string) =>
      gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length / 1024;
    const first = ['index-1.js', 'index-1.css', 'shared-1.js', 'shared-1.css', 'deep-1.js'];
    const expected = first.reduce((n, f) => n + kb(`assets/${f}`), 0);
    expect(sizes.firstScreenKB).toBeCloseTo(expected, 1);
    expect(sizes.firstScreen.map((f) => f.file).sort()).toEqual(
      first.map((f) => `assets/${f}`).sort(),
    );
    expect(sizes.lazy.map((f) => f.file).sort()).toEqual([
      'assets/chart-1.css',
      'assets/chart-1.js',
      'assets/lazy-1.js',
    ]);
    expect(sizes.afterLoad.map((f) => f.file)).toEqual(['sw.js']);
    expect(sizes.pass).toBe(true);
    expect(sizes.budgetKB).toBe(120); // issue 16: the first screen at most 120 KB gzip;
  });

  it('refuses a build with a JS file the manifest does not name', () => {
    const dist = build(MANIFEST, ['assets/stray-1.js']);
    expect(() => measureSizes(dist)).toThrow(/stray-1\.js/);
  });

  it('counts a Web Worker, which the manifest does not name, as lazy', () => {
    const dist = build(MANIFEST, ['assets/import-file.worker-1.js']);
    const sizes = measureSizes(dist);
    expect(sizes.lazy.map((f) => f.file)).toContain('assets/import-file.worker-1.js');
    expect(sizes.firstScreen.map((f) => f.file)).not.toContain('assets/import-file.worker-1.js');
  });

  it('says what to do when there is no manifest', () => {
    const dist = mkdtempSync(path.join(TMP, 'empty-'));
    expect(() => measureSizes(dist)).toThrow(/npm run build/);
  });
});

describe('the delegate precache', () => {
  const delegate: Manifest = {
    ...MANIFEST,
    '_delegate-screens-1.js': {
      file: 'assets/delegate-screens-1.js',
      css: ['assets/delegate-screens-1.css'],
    },
    'src/app/network-notices.tsx': { file: 'assets/network-notices-1.js' },
    'src/i18n/locales/nn/common.json': { file: 'assets/nn-1.js' },
    'src/i18n/locales/en/common.json': { file: 'assets/en-1.js' },
    'questionnaire:/x/questionnaires/q/v2.json||nn': { file: 'assets/v2nn-1.js' },
    'src/store/persisted.ts': { file: 'assets/persisted-1.js', imports: ['_zod-1.js'] },
    '_zod-1.js': { file: 'assets/zod-1.js' },
    'src/store/network-persistence.ts': { file: 'assets/np-1.js', imports: ['_zod-1.js'] },
    'src/features/results/send-result.tsx': { file: 'assets/send-1.js' },
    'src/ui/qr-sequence.tsx': { file: 'assets/qrs-1.js' },
    'src/ui/qr-code.tsx': { file: 'assets/qrc-1.js', css: ['assets/qr-1.css'] },
  };

  it("is the first screen and the delegate's lazy chunks with what they import; not the rest", () => {
    const files = delegateFiles(delegate);
    expect(files).toEqual(expect.arrayContaining(firstScreenFiles(delegate)));
    expect(files).toEqual(
      expect.arrayContaining([
        'assets/delegate-screens-1.js',
        'assets/delegate-screens-1.css',
        'assets/network-notices-1.js',
        'assets/v2nn-1.js',
        'assets/zod-1.js',
        'assets/qr-1.css',
      ]),
    );
    expect(files).not.toContain('assets/lazy-1.js');
    expect(files).not.toContain('assets/chart-1.js');
    expect(files).not.toContain('assets/np-1.js');
  });

  it('refuses a build in which a delegate entry is missing', () => {
    const { ['src/store/persisted.ts']: _gone, ...without } = delegate;
    expect(() => delegateFiles(without)).toThrow(/persisted/);
    const { ['_delegate-screens-1.js']: _screens, ...noScreens } = delegate;
    expect(() => delegateFiles(noScreens)).toThrow(/delegate-screens/);
  });

  it('reads the precache list from sw.js and sums its gzip against the budget', () => {
    const dist = build(MANIFEST);
    const sw =
      'define(["./workbox-1"],function(s){s.precacheAndRoute([{url:"assets/index-1.js",' +
      'revision:null},{url:"assets/index-1.css",revision:null},{url:"assets/index-1.js",' +
      'revision:null}],{})});';
    expect(precacheUrls(sw)).toEqual([
      'assets/index-1.js',
      'assets/index-1.css',
      'assets/index-1.js',
    ]);
    writeFileSync(path.join(dist, 'sw.js'), sw);
    const sizes = measurePrecache(dist);
    const gz = (f: string) =>
      gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length / 1024;
    expect(sizes.files.map((f) => f.file).sort()).toEqual([
      'assets/index-1.css',
      'assets/index-1.js',
    ]);
    expect(sizes.totalKB).toBeCloseTo(gz('assets/index-1.js') + gz('assets/index-1.css'), 0);
    expect(sizes.pass).toBe(sizes.totalKB <= sizes.budgetKB);
  });
});
