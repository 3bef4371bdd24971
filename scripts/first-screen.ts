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
export const FIRST_SCREEN_BUDGET_KB = 170;

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
  visit(ENTRY);
  return [...files];
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
  const firstKB = round1(firstScreen.reduce((n, f) => n + f.gzipKB, 0));
  return {
    firstScreenKB: firstKB,
    budgetKB: FIRST_SCREEN_BUDGET_KB,
    pass: firstKB <= FIRST_SCREEN_BUDGET_KB,
    firstScreen: largestFirst(firstScreen),
    lazy: largestFirst(lazy),
    lazyTotalKB: round1(lazy.reduce((n, f) => n + f.gzipKB, 0)),
    largestLazyKB: lazy.length > 0 ? round1(Math.max(...lazy.map((f) => f.gzipKB))) : 0,
    afterLoad: largestFirst(afterLoad),
  };
}
