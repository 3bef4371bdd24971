/**
 * Download sizes of the built app, read from Vite's build manifest (dist/.vite/manifest.json,
 * `build.manifest` in vite.config.ts). The one rule for "the first screen", shared by
 * `npm run size` (scripts/size-check.ts) and the bench (scripts/bench):
 *
 *   the first screen = index.html's entry chunk, every chunk it imports statically (and what
 *   those import statically, and so on), and the CSS of all of them.
 *
 * Dynamic imports are lazy chunks: every other JS or CSS file the manifest names. Files outside
 * assets/ (the service worker and workbox) load after the page and are listed apart. Sizes are
 * gzip level 9, in KB (1,024 bytes).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The first screen's JS + CSS may not pass this, gzip. */
export const FIRST_SCREEN_BUDGET_KB = 120;

/** What the service worker precaches (a delegate's app, every language) may not pass this, gzip. */
export const PRECACHE_BUDGET_KB = 200;

/**
 * The chunk that holds the delegation's screens after the start page (src/app/app.tsx): the
 * questionnaire, the review, the results, the list of saved responses and the accessibility
 * statement, in one file (vite.config.ts, codeSplitting), which the manifest names by its group.
 */
export const DELEGATE_SCREENS_CHUNK = 'delegate-screens';

/** Where the modules of DELEGATE_SCREENS_CHUNK live. */
export const DELEGATE_SCREENS = [
  /\/src\/features\/assessment\//,
  /\/src\/features\/about\//,
  /\/src\/features\/results\/results-screen\.tsx$/,
  /\/src\/app\/not-found-screen\.tsx$/,
];

/**
 * What a delegate needs offline besides the first screen, by the manifest's key (the source
 * module of a lazy chunk, or its group), each with what it imports: the delegation's screens
 * (DELEGATE_SCREENS_CHUNK); the notices about the network's saved data, for a device that
 * holds some; the nynorsk and English interface
 * texts and the questionnaire's texts in every language; the full check of saved state; and
 * sending a result (links and QR codes). vite.config.ts precaches these and no more; the facilitator's screens, the charts and the
 * loading of imported network data are cached when first used.
 */
export const DELEGATE_LAZY_ENTRIES: readonly (string | RegExp)[] = [
  new RegExp(`^_${DELEGATE_SCREENS_CHUNK}-[\\w-]+\\.js$`),
  'src/app/network-notices.tsx',
  'src/i18n/locales/nn/common.json',
  'src/i18n/locales/en/common.json',
  /questionnaires\/[^|]+\.json\|[^|]*\|(nb|nn|en)$/,
  'src/store/persisted.ts',
  'src/features/results/send-result.tsx',
  'src/ui/qr-sequence.tsx',
  'src/ui/qr-code.tsx',
];

/** A Web Worker's file as Vite names it: `<name>.worker-<hash>.js`. */
const WORKER_FILE = /^assets\/[\w-]+\.worker-[\w-]+\.js$/;

/** The manifest's key for the app's entry. */
const ENTRY = 'index.html';

/** One chunk of Vite's build manifest (the fields used here). */
export interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

export interface FileSize {
  file: string;
  gzipKB: number;
}

export interface Sizes {
  firstScreenKB: number;
  budgetKB: number;
  pass: boolean;
  firstScreen: FileSize[];
  lazy: FileSize[];
  lazyTotalKB: number;
  largestLazyKB: number;
  afterLoad: FileSize[];
}

export function readManifest(dist: string): Manifest {
  const path = join(dist, '.vite', 'manifest.json');
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: run \`npm run build\` (build.manifest in vite.config.ts)`);
  }
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** The files (JS and CSS) of the first screen, per the manifest, entry first. */
export function firstScreenFiles(manifest: Manifest): string[] {
  if (manifest[ENTRY] === undefined) throw new Error(`the build manifest has no "${ENTRY}"`);
  return closure(manifest, [ENTRY]);
}

/** The files of these manifest keys and of every chunk they import statically, CSS included. */
function closure(manifest: Manifest, keys: readonly string[]): string[] {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (chunk === undefined || seen.has(key)) return;
    seen.add(key);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const key of keys) visit(key);
  return [...files];
}

/**
 * The JS and CSS a delegate needs offline: the first screen and DELEGATE_LAZY_ENTRIES. Throws
 * when an entry matches no chunk, so a moved file is seen rather than silently left out.
 */
export function delegateFiles(manifest: Manifest): string[] {
  const keys = Object.keys(manifest);
  const lazy = DELEGATE_LAZY_ENTRIES.map((entry) => {
    const found = keys.filter((k) => (typeof entry === 'string' ? k === entry : entry.test(k)));
    if (found.length === 0) throw new Error(`no chunk in the build manifest for ${String(entry)}`);
    return found;
  }).flat();
  return [...new Set([...firstScreenFiles(manifest), ...closure(manifest, lazy)])];
}

/** The URLs the service worker precaches, read from the manifest inlined in dist/sw.js. */
export function precacheUrls(swSource: string): string[] {
  return [...swSource.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => m[1]!);
}

export interface PrecacheSizes {
  totalKB: number;
  budgetKB: number;
  pass: boolean;
  files: FileSize[];
}

/** What dist/sw.js precaches, gzip, against PRECACHE_BUDGET_KB. */
export function measurePrecache(dist = 'dist'): PrecacheSizes {
  const sw = join(dist, 'sw.js');
  if (!existsSync(sw)) throw new Error(`${sw} is missing: run \`npm run build\``);
  const urls = [...new Set(precacheUrls(readFileSync(sw, 'utf8')))];
  if (urls.length === 0) throw new Error(`${sw} precaches nothing that can be read`);
  const files = urls.map((file) => ({ file, gzipKB: gzipKB(dist, file) }));
  const total = totalKB(files);
  return {
    totalKB: total,
    ...against(total, PRECACHE_BUDGET_KB),
    files: largestFirst(files),
  };
}

/** Every JS and CSS file the manifest names. */
export function manifestFiles(manifest: Manifest): string[] {
  const files = new Set<string>();
  for (const chunk of Object.values(manifest)) {
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
  }
  return [...files].filter((f) => /\.(js|css)$/.test(f));
}

const gzipKB = (dist: string, file: string) =>
  gzipSync(readFileSync(join(dist, file)), { level: 9 }).length / 1024;
const round1 = (x: number) => Math.round(x * 10) / 10;
const totalKB = (files: FileSize[]) => round1(files.reduce((n, f) => n + f.gzipKB, 0));
const against = (kb: number, budgetKB: number) => ({ budgetKB, pass: kb <= budgetKB });
const largestFirst = (list: FileSize[]) =>
  list.sort((a, b) => b.gzipKB - a.gzipKB).map((f) => ({ file: f.file, gzipKB: round1(f.gzipKB) }));

/** Sizes of a build in `dist`: the first screen against its budget, lazy chunks, the rest. */
export function measureSizes(dist = 'dist'): Sizes {
  const manifest = readManifest(dist);
  const first = firstScreenFiles(manifest);
  const known = new Set(manifestFiles(manifest));
  // A JS or CSS file the manifest does not name would escape the rule: say so.
  // Web Workers (`new Worker(new URL(…))`) are built apart and not in the manifest: lazy by
  // nature, they load only when the page starts one.
  const workers = readdirSync(join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => WORKER_FILE.test(f));
  for (const worker of workers) known.add(worker);
  const unnamed = readdirSync(join(dist, 'assets'))
    .map((f) => `assets/${f}`)
    .filter((f) => /\.(js|css)$/.test(f) && !known.has(f));
  if (unnamed.length > 0) {
    throw new Error(
      `files in ${dist}/assets the build manifest does not name: ${unnamed.join(', ')}`,
    );
  }
  const firstScreen = first.map((file) => ({ file, gzipKB: gzipKB(dist, file) }));
  const lazy = [...known]
    .filter((f) => !first.includes(f))
    .map((file) => ({ file, gzipKB: gzipKB(dist, file) }));
  const afterLoad = readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, gzipKB: gzipKB(dist, file) }));
  const firstKB = totalKB(firstScreen);
  return {
    firstScreenKB: firstKB,
    ...against(firstKB, FIRST_SCREEN_BUDGET_KB),
    firstScreen: largestFirst(firstScreen),
    lazy: largestFirst(lazy),
    lazyTotalKB: totalKB(lazy),
    largestLazyKB: lazy.length > 0 ? round1(Math.max(...lazy.map((f) => f.gzipKB))) : 0,
    afterLoad: largestFirst(afterLoad),
  };
}
